import { DATA_SUBJECT_RIGHTS, IDENTITY_CHECKS, NewDataSubjectRequest, type CaseDetail, type DataSubjectRight, type IdentityCheck } from '@mnpddh/shared';
import { useState } from 'react';
import { ActionForm } from '../case-work/action-form';
import { SelectField, TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { useStaffSession } from '../session';
import { useDataSubjectT } from './i18n';

const IDS = { right: 'dsr-right', verifiedBy: 'dsr-verified-by', correction: 'dsr-correction', note: 'dsr-note' };

/** Records a request in the case's journal: the right, how the person was checked, the correction for a rectification. */
export function RequestForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useDataSubjectT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [right, setRight] = useState<DataSubjectRight | ''>('');
  const [verifiedBy, setVerifiedBy] = useState<IdentityCheck | ''>('');
  const [correction, setCorrection] = useState('');
  const [note, setNote] = useState('');

  const submit = async () => {
    const body = check(
      NewDataSubjectRequest,
      { right, verifiedBy, note, ...(right === 'rectification' ? { correction } : {}) },
      { right: t.rightRequired, verifiedBy: t.checkRequired, correction: t.correctionRequired },
    );
    if (!body) return;
    const done = await run(() => api.request('POST', `/api/cases/${encodeURIComponent(detail.id)}/data-subject-requests`, { body }));
    if (!done) return;
    setRight('');
    setVerifiedBy('');
    setCorrection('');
    setNote('');
    onDone();
  };

  return (
    <ActionForm id="dsr-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.submit} onSubmit={() => void submit()}>
      <SelectField
        id={IDS.right}
        label={t.right}
        value={right}
        onChange={(event) => setRight(event.target.value as DataSubjectRight)}
        error={errors.fields.right}
      >
        <option value="">{t.choose}</option>
        {DATA_SUBJECT_RIGHTS.map((code) => (
          <option key={code} value={code}>
            {t.rights[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={IDS.verifiedBy}
        label={t.verifiedBy}
        value={verifiedBy}
        onChange={(event) => setVerifiedBy(event.target.value as IdentityCheck)}
        error={errors.fields.verifiedBy}
      >
        <option value="">{t.choose}</option>
        {IDENTITY_CHECKS.map((code) => (
          <option key={code} value={code}>
            {t.checks[code]}
          </option>
        ))}
      </SelectField>
      {right === 'rectification' ? (
        <TextAreaField
          id={IDS.correction}
          label={t.correction}
          hint={t.correctionHint}
          value={correction}
          autoComplete="off"
          rows={4}
          maxLength={5000}
          onChange={(event) => setCorrection(event.target.value)}
          error={errors.fields.correction}
        />
      ) : null}
      <TextAreaField
        id={IDS.note}
        label={t.note}
        hint={t.noteHint}
        value={note}
        autoComplete="off"
        maxLength={2000}
        onChange={(event) => setNote(event.target.value)}
        error={errors.fields.note}
      />
    </ActionForm>
  );
}
