import { PASSPHRASE_MIN_LENGTH, Passphrase } from '@mnpddh/shared';
import { useState } from 'react';
import { format } from '../format';
import type { StaffCatalogue } from '../i18n/fr';
import { useStaffT } from '../i18n/use-staff-t';
import { Checkbox, Field } from './field';

const PASSPHRASE_MAX_LENGTH = Passphrase.maxLength ?? 256;

/** The same rules as the API's schema (length), in plain words; the API also refuses common passphrases. */
export function passphraseProblems(value: string, confirm: string, t: StaffCatalogue): { password?: string; confirm?: string } {
  if (value.length < PASSPHRASE_MIN_LENGTH) {
    return { password: format(t.errors.passphraseTooShort, { min: PASSPHRASE_MIN_LENGTH, count: value.length }) };
  }
  if (value.length > PASSPHRASE_MAX_LENGTH) return { password: format(t.errors.passphraseTooLong, { max: PASSPHRASE_MAX_LENGTH }) };
  if (value !== confirm) return { confirm: t.errors.passphraseMismatch };
  return {};
}

interface Props {
  ids: { password: string; confirm: string; show: string };
  labels: { password: string; hint: string; confirm: string };
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  errors: { password?: string | undefined; confirm?: string | undefined };
}

/** A new passphrase typed twice, with a choice to see it (long phrases are easy to mistype). */
export function NewPassphraseFields({ ids, labels, value, confirm, onChange, onConfirmChange, errors }: Props) {
  const t = useStaffT();
  const [show, setShow] = useState(false);
  const type = show ? 'text' : 'password';
  return (
    <>
      <Field
        id={ids.password}
        label={labels.password}
        hint={labels.hint}
        type={type}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={errors.password}
      />
      <Field
        id={ids.confirm}
        label={labels.confirm}
        type={type}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
        value={confirm}
        onChange={(event) => onConfirmChange(event.target.value)}
        error={errors.confirm}
      />
      <Checkbox id={ids.show} label={t.activation.show} checked={show} onChange={(event) => setShow(event.target.checked)} />
    </>
  );
}
