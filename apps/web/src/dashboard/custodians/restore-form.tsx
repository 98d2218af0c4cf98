import type { CustodianPerson } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { SelectField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { format, formatDateTime } from '../format';
import type { CustodianApi } from './custodians-api';
import { useCustodiansT } from './i18n';
import { RequestForm } from './request-form';

const IDS = { targetUserId: 'restore-person' };

/** Asks to give a person back every case they held before a passphrase reset. */
export function RestoreForm({ custodians, people, onRequested }: { custodians: CustodianApi; people: readonly CustodianPerson[]; onRequested: () => void }) {
  const t = useCustodiansT();
  const [locale] = useLocale();
  const { busy, errors, run, refuse } = useAction();
  const [targetUserId, setTargetUserId] = useState('');
  // Those whose passphrase was reset come first: they are who this is for.
  const ordered = [...people].sort((a, b) => (b.passwordResetAt ?? '').localeCompare(a.passwordResetAt ?? ''));

  const submit = async () => {
    if (!targetUserId) return void refuse({ targetUserId: t.request.restore.required });
    if (await run(() => custodians.request({ kind: 'restore_user', targetUserId }))) {
      setTargetUserId('');
      onRequested();
    }
  };

  return (
    <RequestForm id="restore-form" title={t.kinds.restore_user} text={t.request.restore.text} errors={errors} fieldIds={IDS} busy={busy} onSubmit={submit}>
      <SelectField
        id={IDS.targetUserId}
        label={t.request.restore.person}
        hint={t.request.restore.hint}
        value={targetUserId}
        onChange={(event) => setTargetUserId(event.target.value)}
        error={errors.fields.targetUserId}
      >
        <option value="">{t.request.restore.choose}</option>
        {ordered.map((person) => (
          <option key={person.id} value={person.id} disabled={!person.keysReady}>
            {!person.keysReady
              ? format(t.request.restore.notReady, { name: person.name })
              : person.passwordResetAt
                ? format(t.request.restore.resetOn, { name: person.name, date: formatDateTime(person.passwordResetAt, locale) })
                : person.name}
          </option>
        ))}
      </SelectField>
    </RequestForm>
  );
}
