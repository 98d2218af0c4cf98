import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useStaffT } from '../i18n/use-staff-t';

/*
 * Form controls the assisted-intake form needs beside forms/field.tsx:
 * radio and checkbox groups, a select and a text area. Each one ties its
 * hint and error to its inputs, and never lets the browser autofill (the
 * answers are someone else's, and sensitive).
 */

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

interface Described {
  hint?: ReactNode;
  error?: string | undefined;
}

/** The ids of the hint and error paragraphs, for aria-describedby. */
function describedBy(id: string, { hint, error }: Described): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: Described & { id: string }) {
  const t = useStaffT();
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t.errors.fieldPrefix} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The id of one option's input: the error summary links to the first one. */
export const optionId = (groupId: string, value: string) => `${groupId}-${value}`;

interface GroupProps<T extends string> extends Described {
  id: string;
  legend: ReactNode;
  options: readonly Option<T>[];
  inline?: boolean;
}

export function RadioGroup<T extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  inline,
  ...described
}: GroupProps<T> & { value: T | ''; onChange: (value: T) => void }) {
  const by = describedBy(id, described);
  return (
    <fieldset className={described.error ? 'fieldset field field--error' : 'fieldset field'}>
      <legend className="field__label">{legend}</legend>
      <HintAndError id={id} {...described} />
      <div className={inline ? 'checkboxes checkboxes--inline' : 'checkboxes'}>
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              id={optionId(id, option.value)}
              type="radio"
              name={id}
              className="checkbox__input"
              autoComplete="off"
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={by}
            />
            <label htmlFor={optionId(id, option.value)} className="checkbox__label">
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxGroup<T extends string>({
  id,
  legend,
  options,
  values,
  onChange,
  inline,
  ...described
}: GroupProps<T> & { values: readonly T[]; onChange: (values: T[]) => void }) {
  const by = describedBy(id, described);
  const toggle = (value: T, on: boolean) => onChange(on ? [...values, value] : values.filter((existing) => existing !== value));
  return (
    <fieldset className={described.error ? 'fieldset field field--error' : 'fieldset field'}>
      <legend className="field__label">{legend}</legend>
      <HintAndError id={id} {...described} />
      <div className={inline ? 'checkboxes checkboxes--inline' : 'checkboxes choice-columns'}>
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              id={optionId(id, option.value)}
              type="checkbox"
              className="checkbox__input"
              autoComplete="off"
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              aria-describedby={by}
            />
            <label htmlFor={optionId(id, option.value)} className="checkbox__label">
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function SelectField({
  id,
  label,
  options,
  emptyLabel,
  hint,
  error,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & Described & { id: string; label: string; options: readonly Option[]; emptyLabel: string }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        className="field__input"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...select}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  ...area
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & Described & { id: string; label: string }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        className="field__input field__input--area"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...area}
      />
    </div>
  );
}
