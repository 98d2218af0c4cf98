import {
  CASE_LINK_RELATIONS,
  CaseLinkInput,
  CaseLinkWritten,
  CaseUnlinkInput,
  type CaseDetail,
  type CaseLinkRelation,
  type CaseLinkView,
} from '@mnpddh/shared';
import { useState } from 'react';
import { ActionForm } from '../case-work/action-form';
import { SelectField, TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { useCaseLinksT } from './i18n';

const LINK_IDS = { otherReference: 'link-reference', relation: 'link-relation', reason: 'link-reason' };

/** Link this case to another one the caller holds, by the reference staff quote; the reason goes into both journals. */
export function LinkForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCaseLinksT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [reference, setReference] = useState('');
  const [relation, setRelation] = useState<CaseLinkRelation | ''>('');
  const [reason, setReason] = useState('');

  const submit = async () => {
    const body = check(
      CaseLinkInput,
      { otherReference: reference, relation, reason },
      { otherReference: t.form.referenceRequired, relation: t.form.relationRequired, reason: t.form.reasonRequired },
    );
    if (!body) return;
    const ok = await run(() => api.request('POST', `/api/cases/${encodeURIComponent(detail.id)}/links`, { body, schema: CaseLinkWritten }));
    if (!ok) return;
    setReference('');
    setRelation('');
    setReason('');
    onDone();
  };

  return (
    <ActionForm id="link-form" errors={errors} fieldIds={LINK_IDS} busy={busy} saved={saved} submitLabel={t.form.submit} onSubmit={submit}>
      <Field
        id={LINK_IDS.otherReference}
        label={t.form.reference}
        hint={t.form.referenceHint}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
        error={errors.fields.otherReference}
        autoComplete="off"
        spellCheck={false}
        className="case-link-form__reference"
      />
      <SelectField
        id={LINK_IDS.relation}
        label={t.form.relation}
        value={relation}
        onChange={(event) => setRelation(event.target.value as CaseLinkRelation | '')}
        error={errors.fields.relation}
      >
        <option value="">{t.form.choose}</option>
        {CASE_LINK_RELATIONS.map((code) => (
          <option key={code} value={code}>
            {t.relations[code]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={LINK_IDS.reason}
        label={t.form.reason}
        hint={t.form.reasonHint}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
      />
    </ActionForm>
  );
}

/** Remove a link, with its reason (written in both journals). */
export function UnlinkForm({ detail, link, onDone }: { detail: CaseDetail; link: CaseLinkView; onDone: () => void }) {
  const t = useCaseLinksT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [reason, setReason] = useState('');
  const ids = { reason: `unlink-${link.linkId}-reason`, linkId: `unlink-${link.linkId}-reason` };

  const submit = async () => {
    const body = check(CaseUnlinkInput, { reason }, { reason: t.unlink.required });
    if (!body) return;
    const path = `/api/cases/${encodeURIComponent(detail.id)}/links/${encodeURIComponent(link.linkId)}/unlink`;
    const ok = await run(() => api.request('POST', path, { body, schema: CaseLinkWritten }));
    if (ok) onDone();
  };

  return (
    <ActionForm id={`unlink-${link.linkId}`} errors={errors} fieldIds={ids} busy={busy} saved={saved} submitLabel={t.unlink.submit} onSubmit={submit}>
      <TextAreaField
        id={ids.reason}
        label={t.unlink.reason}
        hint={t.unlink.hint}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason ?? errors.fields.linkId}
      />
    </ActionForm>
  );
}
