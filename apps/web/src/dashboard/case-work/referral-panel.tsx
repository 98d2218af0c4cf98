import {
  DISCLOSABLE_FIELDS,
  NewReferral,
  REFERRAL_ANSWERS,
  type CaseDetail,
  type DisclosableField,
  type Partner,
  type ReferralAnswerCode,
  type ReferralView,
} from '@mnpddh/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { shortDateTime } from '../cases/when';
import { format } from '../format';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { consentApi } from './consent-api';
import { ConsentFieldset, firstFieldId } from './consent-fields';
import { usePartners } from './consent-partners';
import { useConsentT } from './consent-strings';
import { SelectField, TextAreaField } from './fields';
import { useAction } from './use-action';

/**
 * Referrals to partners: each with what was shared, the partner's answer and
 * the outcome, and its redacted sheet to download; sending offers only the
 * fields an active consent for that partner covers (the server checks again).
 */
export function ReferralsPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useConsentT();
  const { user } = useStaffSession();
  const partners = usePartners();
  const keepsDirectory = Boolean(user?.roles.some((role) => role === 'supervisor' || role === 'admin'));
  return (
    <>
      <p className="form-help">{t.referrals.intro}</p>
      {detail.referrals.length === 0 ? (
        <p className="muted">{t.referrals.empty}</p>
      ) : (
        <ul className="work-list">
          {detail.referrals.map((referral) => (
            <ReferralItem key={referral.id} caseId={detail.id} referral={referral} onDone={onDone} />
          ))}
        </ul>
      )}
      <h3>{t.referrals.sendTitle}</h3>
      <SendForm detail={detail} partners={partners} onDone={onDone} />
      {keepsDirectory ? (
        <p>
          <Link to="/personnel/admin/partenaires">{t.referrals.directory}</Link>
        </p>
      ) : null}
    </>
  );
}

function ReferralItem({ caseId, referral, onDone }: { caseId: string; referral: ReferralView; onDone: () => void }) {
  const t = useConsentT();
  const [locale] = useLocale();
  return (
    <li className="work-list__item">
      <p className="work-list__title">
        {referral.partnerName} <span className="case-badge case-badge--plain">{referral.answer ? t.answers[referral.answer] : t.referrals.noAnswerYet}</span>
      </p>
      <p className="work-list__facts">
        <span>{format(t.referrals.sentOn, { date: shortDateTime(referral.at, locale) })}</span>
        <span>{format(t.referrals.shared, { fields: referral.fields.map((field) => t.fields[field]).join(', ') })}</span>
      </p>
      {referral.note ? <p className="prewrap">{referral.note}</p> : null}
      {referral.outcome ? <p className="prewrap">{referral.outcome}</p> : null}
      {referral.sheetAllowed ? (
        <p>
          <a
            href={consentApi.sheetUrl(caseId, referral.id)}
            download="fiche-orientation.txt"
            className="attachment__link"
            aria-label={format(t.referrals.sheetLabel, { partner: referral.partnerName })}
          >
            {t.referrals.sheet}
          </a>
        </p>
      ) : (
        <p className="field__hint">{t.referrals.sheetWithdrawn}</p>
      )}
      <AnswerForm caseId={caseId} referral={referral} onDone={onDone} />
    </li>
  );
}

function AnswerForm({ caseId, referral, onDone }: { caseId: string; referral: ReferralView; onDone: () => void }) {
  const t = useConsentT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run } = useAction();
  const [answer, setAnswer] = useState<ReferralAnswerCode>(referral.answer ?? 'in_progress');
  const [outcome, setOutcome] = useState('');
  const ids = { answer: `referral-${referral.id}-answer`, outcome: `referral-${referral.id}-outcome` };
  const submit = async () => {
    if (await run(() => consentApi.answer(api, caseId, referral.id, { answer, ...(outcome.trim() ? { outcome } : {}) }))) {
      setOutcome('');
      onDone();
    }
  };
  return (
    <ActionForm
      id={`referral-${referral.id}-form`}
      errors={errors}
      fieldIds={ids}
      busy={busy}
      saved={saved}
      submitLabel={t.referrals.answerSubmit}
      onSubmit={() => void submit()}
    >
      <SelectField
        id={ids.answer}
        label={
          <>
            {t.referrals.answer}
            <span className="visually-hidden"> — {referral.partnerName}</span>
          </>
        }
        value={answer}
        onChange={(event) => setAnswer(event.target.value as ReferralAnswerCode)}
        error={errors.fields.answer}
      >
        {REFERRAL_ANSWERS.map((code) => (
          <option key={code} value={code}>
            {t.answers[code]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={ids.outcome}
        label={t.referrals.outcome}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value)}
        error={errors.fields.outcome}
      />
    </ActionForm>
  );
}

/** The fields an active consent for this partner (or for any partner) covers: what may be sent. */
function consentedFields(detail: CaseDetail, partnerId: string): DisclosableField[] {
  const covering = detail.consents.filter((c) => c.active && c.recipient === 'partner' && (!c.partnerId || c.partnerId === partnerId));
  // A field is offered when some consent covers it (the server checks the whole set against one consent).
  return DISCLOSABLE_FIELDS.filter((field) => covering.some((c) => c.fields.includes(field)));
}

const SEND = 'referral-new';

function SendForm({ detail, partners, onDone }: { detail: CaseDetail; partners: readonly Partner[]; onDone: () => void }) {
  const t = useConsentT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [partnerId, setPartnerId] = useState('');
  const [fields, setFields] = useState<DisclosableField[]>([]);
  const [note, setNote] = useState('');
  const offered = partnerId ? consentedFields(detail, partnerId) : [];
  const ids = { partnerId: `${SEND}-partner`, fields: firstFieldId(`${SEND}-fields`, offered), note: `${SEND}-note` };
  const submit = async () => {
    const chosen = fields.filter((field) => offered.includes(field));
    const referral = check(
      NewReferral,
      { partnerId, fields: chosen, ...(note.trim() ? { note } : {}) },
      { partnerId: t.referrals.partnerRequired, fields: t.consents.fieldsRequired },
    );
    if (!referral) return;
    if (await run(() => consentApi.refer(api, detail.id, referral))) {
      setPartnerId('');
      setFields([]);
      setNote('');
      onDone();
    }
  };
  return (
    <ActionForm id={SEND} errors={errors} fieldIds={ids} busy={busy} saved={saved} submitLabel={t.referrals.send} onSubmit={() => void submit()}>
      <SelectField
        id={ids.partnerId}
        label={t.referrals.partner}
        value={partnerId}
        onChange={(event) => setPartnerId(event.target.value)}
        error={errors.fields.partnerId}
      >
        <option value="">{t.consents.choose}</option>
        {partners
          .filter((partner) => partner.active)
          .map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
      </SelectField>
      {partnerId && offered.length === 0 ? <p className="field__hint">{t.referrals.noConsent}</p> : null}
      {offered.length > 0 ? (
        <ConsentFieldset
          idPrefix={`${SEND}-fields`}
          legend={t.referrals.fields}
          hint={t.referrals.fieldsHint}
          offered={offered}
          value={fields}
          onChange={setFields}
          error={errors.fields.fields}
        />
      ) : null}
      <TextAreaField id={ids.note} label={t.referrals.note} value={note} onChange={(event) => setNote(event.target.value)} error={errors.fields.note} />
    </ActionForm>
  );
}
