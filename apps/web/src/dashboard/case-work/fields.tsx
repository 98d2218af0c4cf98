import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useStaffT } from '../i18n/use-staff-t';

/*
 * The select and text-area twins of forms/field.tsx: label, hint and error
 * tied to the control for screen readers, the same classes and look.
 */

interface Described {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

function useDescription({ id, hint, error }: Described) {
  const t = useStaffT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const parts = (
    <>
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
    </>
  );
  return { parts, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export function SelectField({ id, label, hint, error, children, className, ...select }: Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const { parts, describedBy } = useDescription({ id, label, hint, error });
  return (
    <div className={`${error ? 'field field--error' : 'field'}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {parts}
      <select id={id} className="field__input field__select" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
    </div>
  );
}

export function TextAreaField({ id, label, hint, error, className, ...area }: Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const { parts, describedBy } = useDescription({ id, label, hint, error });
  return (
    <div className={`${error ? 'field field--error' : 'field'}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {parts}
      <textarea id={id} className="field__input field__textarea" rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />
    </div>
  );
}

/** The "I confirm…" box in front of an irreversible action (revocation, erasure, re-keying): unticked, the form refuses. */
export function ConfirmCheckbox({
  id,
  label,
  checked,
  error,
  onChange,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  error?: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className={error ? 'checkbox field--error' : 'checkbox'}>
      <input
        id={id}
        type="checkbox"
        className="checkbox__input"
        autoComplete="off"
        checked={checked}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
    </div>
  );
}
