import { DISCLOSABLE_FIELDS, type DisclosableField } from '@mnpddh/shared';
import { Checkbox } from '../forms/field';
import { useStaffT } from '../i18n/use-staff-t';
import { useConsentT } from './consent-strings';

interface Props {
  idPrefix: string;
  legend: string;
  hint?: string;
  /** The fields that may be ticked (all of them by default). */
  offered?: readonly DisclosableField[];
  value: readonly DisclosableField[];
  onChange: (fields: DisclosableField[]) => void;
  error?: string | undefined;
}

/** Id of the first checkbox: where an error about the fields sends the keyboard. */
export const firstFieldId = (idPrefix: string, offered: readonly DisclosableField[] = DISCLOSABLE_FIELDS) => `${idPrefix}-${offered[0] ?? 'none'}`;

/** The disclosable fields as checkboxes, in the catalogue's order. */
export function ConsentFieldset({ idPrefix, legend, hint, offered = DISCLOSABLE_FIELDS, value, onChange, error }: Props) {
  const t = useConsentT();
  const staffT = useStaffT();
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;
  const toggle = (field: DisclosableField, checked: boolean) =>
    onChange(checked ? DISCLOSABLE_FIELDS.filter((f) => f === field || value.includes(f)) : value.filter((f) => f !== field));
  return (
    <fieldset
      className={error ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={[hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{staffT.errors.fieldPrefix} </span>
          {error}
        </p>
      ) : null}
      <div className="checkboxes checkboxes--inline">
        {offered.map((field) => (
          <Checkbox
            key={field}
            id={`${idPrefix}-${field}`}
            name={idPrefix}
            value={field}
            label={t.fields[field]}
            checked={value.includes(field)}
            onChange={(event) => toggle(field, event.target.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
