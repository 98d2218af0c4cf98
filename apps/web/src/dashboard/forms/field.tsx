import type { InputHTMLAttributes, ReactNode } from 'react';
import { useStaffT } from '../i18n/use-staff-t';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input with its hint and its error, both tied to it for screen readers. */
export function Field({ id, label, hint, error, className, ...input }: FieldProps) {
  const t = useStaffT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t.errors.fieldPrefix} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        className={className ? `field__input ${className}` : 'field__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}

/** A checkbox with its label beside it (and an optional hint under the label). */
export function Checkbox({
  id,
  label,
  hint,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { id: string; label: ReactNode; hint?: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" className="checkbox__input" aria-describedby={hintId} {...input} />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="checkbox__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
