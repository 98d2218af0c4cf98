import { PARTNER_KINDS, PartnerInput, type Partner, type PartnerKind } from '@mnpddh/shared';
import { useState } from 'react';
import { ActionForm } from '../case-work/action-form';
import { consentApi } from '../case-work/consent-api';
import { useConsentT } from '../case-work/consent-strings';
import { SelectField, TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { Checkbox, Field } from '../forms/field';
import { useStaffSession } from '../session';
import { usePartnerT } from './partner-strings';

/** Adds a partner (no `partner`) or edits one: name, kind, safe contact notes, active. */
export function PartnerForm({ partner, onDone }: { partner?: Partner; onDone: () => void }) {
  const t = usePartnerT();
  const kinds = useConsentT().partnerKinds;
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const prefix = partner ? `partner-${partner.id}` : 'partner-new';
  const ids = { name: `${prefix}-name`, kind: `${prefix}-kind`, contactNotes: `${prefix}-contact`, active: `${prefix}-active` };
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<PartnerKind | ''>(partner?.kind ?? '');
  const [contactNotes, setContactNotes] = useState(partner?.contactNotes ?? '');
  const [active, setActive] = useState(partner?.active ?? true);

  const submit = async () => {
    const body = check(PartnerInput, { name, kind, active, contactNotes }, { name: t.nameRequired, kind: t.kindRequired });
    if (!body) return;
    const ok = await run(() => (partner ? consentApi.updatePartner(api, partner.id, body) : consentApi.createPartner(api, body)));
    if (!ok) return;
    if (!partner) {
      setName('');
      setKind('');
      setContactNotes('');
      setActive(true);
    }
    onDone();
  };

  return (
    <ActionForm
      id={`${prefix}-form`}
      errors={errors}
      fieldIds={ids}
      busy={busy}
      saved={saved}
      submitLabel={partner ? t.save : t.add}
      onSubmit={() => void submit()}
    >
      <div className="form__pair">
        <Field id={ids.name} label={t.name} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} error={errors.fields.name} />
        <SelectField id={ids.kind} label={t.kind} value={kind} onChange={(event) => setKind(event.target.value as PartnerKind)} error={errors.fields.kind}>
          <option value="">{t.choose}</option>
          {PARTNER_KINDS.map((code) => (
            <option key={code} value={code}>
              {kinds[code]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id={ids.contactNotes}
        label={t.contactNotes}
        hint={t.contactHint}
        value={contactNotes}
        onChange={(event) => setContactNotes(event.target.value)}
        error={errors.fields.contactNotes}
      />
      <Checkbox id={ids.active} label={t.active} checked={active} onChange={(event) => setActive(event.target.checked)} />
    </ActionForm>
  );
}
