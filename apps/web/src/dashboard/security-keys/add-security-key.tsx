import { SecurityKeyName, type SecurityKeySummary } from '@mnpddh/shared';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { createCredential, supportsSecurityKeys } from './browser-webauthn';
import { useSecurityKeyT } from './strings';

const FIELD_IDS = { name: 'security-key-name' };

/** Name the key, touch it, done: the browser asks the key, the API checks its answer. */
export function AddSecurityKey({ onAdded }: { onAdded: (key: SecurityKeySummary) => void }) {
  const t = useSecurityKeyT();
  const staffT = useStaffT();
  const { api } = useStaffSession();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!SecurityKeyName.safeParse(name).success) {
      setErrors({ fields: { name: t.nameRequired } });
      return;
    }
    if (!supportsSecurityKeys()) {
      setErrors({ message: t.unsupported, fields: {} });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const attestation = await createCredential(await api.securityKeyOptions());
      const key = await api.enrolSecurityKey({ name: name.trim(), attestation });
      setName('');
      onAdded(key);
    } catch (error) {
      // The browser's own refusals (cancelled, timed out) are not API errors.
      setErrors(error instanceof ApiError ? errorsFrom(error, staffT) : { message: t.cancelled, fields: {} });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="security-key-add" className="narrow">
      <h2 id="security-key-add">{t.addTitle}</h2>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form className="form" noValidate onSubmit={submit}>
        <Field
          id={FIELD_IDS.name}
          label={t.name}
          hint={t.nameHint}
          type="text"
          autoComplete="off"
          maxLength={60}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.fields.name}
        />
        <button type="submit" className="button">
          {busy ? t.adding : t.add}
        </button>
      </form>
    </section>
  );
}
