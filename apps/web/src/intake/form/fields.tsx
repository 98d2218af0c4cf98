import { useId, type ReactNode } from 'react';
import { Icon, InfoIcon } from '../../ui/icons';
import { useIntakeFirstT } from '../i18n/first-catalogue';
import { fieldId } from './field-errors';

/*
 * The form's questions: a label (or legend), why we ask, a hint, the error
 * beside the field, all tied to the control for screen readers. Every control
 * has autocomplete off (nothing typed here may be offered again on a seized
 * phone). Errors are marked with `data-invalid` so a page can focus the first.
 */

export const AlertIcon = ({ className }: { className?: string }) => (
  <Icon className={className}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5M12 16.5h.01" />
  </Icon>
);

interface QuestionProps {
  /** Dotted path in the shared schema: names the control and receives its error. */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Why the question is asked, in plain words. */
  why?: ReactNode;
  error?: string | undefined;
  /** Shows "(facultatif)" beside the label. */
  optional?: boolean;
  required?: boolean;
}

interface Described {
  id: string;
  describedBy: string | undefined;
  /** Hint, why, error in reading order. */
  parts: ReactNode;
  hintAndWhy: ReactNode;
  errorPart: ReactNode;
}

/** Hint, why and error under a label, with the ids that tie them to the control. */
function useDescription({ path, hint, why, error }: QuestionProps): Described {
  const t = useIntakeFirstT();
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const whyId = why ? `${id}-why` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const hintAndWhy = (
    <>
      {hint ? (
        <p id={hintId} className="question__hint">
          {hint}
        </p>
      ) : null}
      {why ? (
        <p id={whyId} className="question__why">
          <InfoIcon />
          <span>
            {t.common.why} {why}
          </span>
        </p>
      ) : null}
    </>
  );
  const errorPart = error ? (
    <p id={errorId} className="question__error">
      <AlertIcon />
      <span>
        <span className="visually-hidden">{t.errors.fieldPrefix} </span>
        {error}
      </span>
    </p>
  ) : null;
  return {
    id,
    // The error first: it is what the person needs to hear on return to the field.
    describedBy: [errorId, hintId, whyId].filter(Boolean).join(' ') || undefined,
    hintAndWhy,
    errorPart,
    parts: (
      <>
        {hintAndWhy}
        {errorPart}
      </>
    ),
  };
}

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean | undefined }) {
  const t = useIntakeFirstT();
  return (
    <>
      {label}
      {optional ? <span className="question__tag"> ({t.common.optional})</span> : null}
    </>
  );
}

interface TextProps extends QuestionProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel' | 'email' | 'date' | 'time';
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  /** Off for names, numbers and addresses: nothing to correct, and nothing to send to a spelling service. */
  spellCheck?: boolean;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  max?: string;
  className?: string;
}

export function TextField(props: TextProps) {
  const { path, label, optional, required, error, value, onChange, type = 'text', inputMode, spellCheck, rows, max, className } = props;
  const { id, describedBy, parts } = useDescription(props);
  const common = {
    id,
    name: path,
    value,
    autoComplete: 'off',
    spellCheck,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
    'data-invalid': error ? 'true' : undefined,
  } as const;
  return (
    <div className={`question${error ? ' question--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="question__label">
        <LabelText label={label} optional={optional} />
      </label>
      {parts}
      {rows ? (
        <textarea {...common} rows={rows} className="question__input question__input--area" onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          max={max}
          autoCorrect={spellCheck === false ? 'off' : undefined}
          autoCapitalize={spellCheck === false ? 'off' : undefined}
          className="question__input"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

export interface Option<T extends string> {
  value: T;
  label: ReactNode;
}

interface GroupProps<T extends string> extends QuestionProps {
  options: readonly Option<T>[];
  /** Two columns on wide screens for long lists. */
  columns?: boolean;
  children?: ReactNode;
}

function Group<T extends string>(props: GroupProps<T> & { render: (option: Option<T>, first: boolean) => ReactNode }) {
  const { label, optional, error, options, columns, render, children } = props;
  const { id, describedBy, parts } = useDescription(props);
  return (
    <fieldset id={id} className={`question question--group${error ? ' question--error' : ''}`} aria-describedby={describedBy}>
      <legend className="question__label">
        <LabelText label={label} optional={optional} />
      </legend>
      {parts}
      <div className={columns ? 'choices choices--columns' : 'choices'}>{options.map((option, index) => render(option, index === 0))}</div>
      {children}
    </fieldset>
  );
}

interface RadioProps<T extends string> extends GroupProps<T> {
  value: T | '';
  onChange: (value: T) => void;
}

/** One answer among a few: native radios, each a full-width target of 48 px. */
export function RadioGroup<T extends string>(props: RadioProps<T>) {
  const name = useId();
  const { path, value, onChange, error, required } = props;
  return (
    <Group
      {...props}
      render={(option, first) => {
        const optionId = `${fieldId(path)}-${option.value}`;
        return (
          <label key={option.value} htmlFor={optionId} className="choice">
            <input
              id={optionId}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              autoComplete="off"
              aria-required={required && first ? true : undefined}
              data-invalid={error && first ? 'true' : undefined}
              className="choice__input"
              onChange={() => onChange(option.value)}
            />
            <span className="choice__label">{option.label}</span>
          </label>
        );
      }}
    />
  );
}

interface CheckboxesProps<T extends string> extends GroupProps<T> {
  values: readonly T[];
  onChange: (values: T[]) => void;
}

/** Several answers: native checkboxes, each a full-width target of 48 px. */
export function CheckboxGroup<T extends string>(props: CheckboxesProps<T>) {
  const { path, values, onChange, error, options } = props;
  const toggle = (value: T, on: boolean) => {
    const next = on ? [...values, value] : values.filter((v) => v !== value);
    // Keep the list's order whatever the order of the clicks.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <Group
      {...props}
      render={(option, first) => {
        const optionId = `${fieldId(path)}-${option.value}`;
        return (
          <label key={option.value} htmlFor={optionId} className="choice">
            <input
              id={optionId}
              type="checkbox"
              value={option.value}
              checked={values.includes(option.value)}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              data-invalid={error && first ? 'true' : undefined}
              className="choice__input"
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span className="choice__label">{option.label}</span>
          </label>
        );
      }}
    />
  );
}

interface CheckboxProps extends QuestionProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A single yes/no box (consents, "J'ai noté mon reçu"), its label beside it. */
export function Checkbox(props: CheckboxProps) {
  const { label, error, checked, onChange, required } = props;
  const { id, describedBy, hintAndWhy, errorPart } = useDescription(props);
  return (
    <div className={`question question--check${error ? ' question--error' : ''}`}>
      {errorPart}
      <label htmlFor={id} className="choice choice--single">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          data-invalid={error ? 'true' : undefined}
          className="choice__input"
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="choice__label">{label}</span>
      </label>
      {hintAndWhy}
    </div>
  );
}

interface SelectProps<T extends string> extends QuestionProps {
  options: readonly Option<T>[];
  value: T | '';
  onChange: (value: T | '') => void;
  /** The first choice, meaning "no answer". */
  emptyLabel: string;
}

export function SelectField<T extends string>(props: SelectProps<T>) {
  const { path, label, optional, error, options, value, onChange, emptyLabel } = props;
  const { id, describedBy, parts } = useDescription(props);
  return (
    <div className={`question${error ? ' question--error' : ''}`}>
      <label htmlFor={id} className="question__label">
        <LabelText label={label} optional={optional} />
      </label>
      {parts}
      <select
        id={id}
        name={path}
        value={value}
        autoComplete="off"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        data-invalid={error ? 'true' : undefined}
        className="question__input question__select"
        onChange={(event) => onChange(event.target.value as T | '')}
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

/** Options from a reference list and its labels, in the list's order. */
export function optionsOf<T extends string>(codes: readonly T[], labels: Record<T, string>): Option<T>[] {
  return codes.map((value) => ({ value, label: labels[value] }));
}
