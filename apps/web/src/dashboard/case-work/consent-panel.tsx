import { useReferenceList } from '../reference/use-reference';
import {
  CONSENT_CHANNELS,
  CONSENT_GIVERS,
  ConsentStaffWithdrawal,
  DISCLOSURE_RECIPIENTS,
  DisclosureException,
  NewConsent,
  type CaseDetail,
  type ConsentView,
  type DisclosableField,
  type DisclosureRecipient,
  type Partner,
} from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { shortDateTime } from '../cases/when';
import { format } from '../format';
import { Checkbox, Field } from '../forms/field';
import { useStaffSession } from '../session';
import { ActionForm } from './action-form';
import { consentApi } from './consent-api';
import { ConsentFieldset, firstFieldId } from './consent-fields';
import { useConsentT } from './consent-strings';
import { SelectField, TextAreaField } from './fields';
import { useAction } from './use-action';
import { usePartners } from './consent-partners';

type Giver = (typeof CONSENT_GIVERS)[number];
type Channel = (typeof CONSENT_CHANNELS)[number];

/**
 * Consent per disclosure: the list (in force, confirmed or not, withdrawn by
 * whom and when), recording a new one, confirming a relative's consent with
 * the defender, withdrawing one; and the emergency exception for those who
 * may record it.
 */
export function ConsentsPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useConsentT();
  const partners = usePartners();
  return (
    <>
      <p className="form-help">{t.consents.intro}</p>
      {detail.consents.length === 0 ? (
        <p className="muted">{t.consents.empty}</p>
      ) : (
        <ul className="work-list">
          {detail.consents.map((consent) => (
            <ConsentItem key={consent.id} caseId={detail.id} consent={consent} partners={partners} onDone={onDone} />
          ))}
        </ul>
      )}
      <h3>{t.consents.recordTitle}</h3>
      <RecordConsentForm caseId={detail.id} partners={partners} onDone={onDone} />
      {detail.canAssign ? (
        <>
          <h3>{t.exception.title}</h3>
          <p className="form-help">{t.exception.intro}</p>
          <ExceptionForm caseId={detail.id} partners={partners} onDone={onDone} />
        </>
      ) : null}
    </>
  );
}

function ConsentItem({ caseId, consent, partners, onDone }: { caseId: string; consent: ConsentView; partners: readonly Partner[]; onDone: () => void }) {
  const t = useConsentT();
  const [locale] = useLocale();
  const [open, setOpen] = useState<'confirm' | 'withdraw' | null>(null);
  const measureLabels = useReferenceList('protection_measure');
  const partnerName = consent.partnerId ? partners.find((p) => p.id === consent.partnerId)?.name : undefined;
  const recipient = [t.recipients[consent.recipient], partnerName ?? consent.recipientName].filter(Boolean).join(' — ');
  const withdrawn = consent.withdrawnAt
    ? format(consent.withdrawnBy === 'defender' ? t.consents.withdrawnByDefender : t.consents.withdrawnByStaff, {
        date: shortDateTime(consent.withdrawnAt, locale),
      })
    : null;
  const done = () => {
    setOpen(null);
    onDone();
  };
  return (
    <li className="work-list__item">
      <p className="work-list__title">
        {recipient} <span className={consent.active ? 'case-badge case-badge--plain' : 'case-badge case-badge--ended'}>{withdrawn ?? t.consents.active}</span>
      </p>
      <p className="work-list__facts">
        <span>{format(t.consents.since, { date: shortDateTime(consent.at, locale) })}</span>
        <span>{format(t.consents.givenByLine, { who: t.consents.givers[consent.givenBy], how: t.consents.channels[consent.how] })}</span>
        <span>{consent.fields.map((field) => t.fields[field]).join(', ')}</span>
      </p>
      {/* A consent given in the request form names its measure: the purpose is that measure. */}
      <p className="prewrap">{consent.measure ? measureLabels.label(consent.measure) : consent.purpose}</p>
      {consent.withdrawalReason ? <p className="prewrap">{consent.withdrawalReason}</p> : null}
      <p className="work-list__facts">
        {consent.confirmedAt
          ? format(t.consents.confirmedOn, { date: shortDateTime(consent.confirmedAt, locale) })
          : consent.confirmedWithDefender
            ? t.consents.confirmed
            : t.consents.toConfirm}
      </p>
      {consent.active ? (
        <div className="button-row">
          {consent.confirmedWithDefender ? null : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={open === 'confirm'}
              onClick={() => setOpen(open === 'confirm' ? null : 'confirm')}
            >
              {t.consents.confirm}
            </button>
          )}
          <button
            type="button"
            className="button button--danger-outline button--small"
            aria-expanded={open === 'withdraw'}
            onClick={() => setOpen(open === 'withdraw' ? null : 'withdraw')}
          >
            {t.consents.withdraw}
          </button>
        </div>
      ) : null}
      {open === 'confirm' ? <ConfirmForm caseId={caseId} consentId={consent.id} onDone={done} /> : null}
      {open === 'withdraw' ? <WithdrawForm caseId={caseId} consentId={consent.id} onDone={done} /> : null}
    </li>
  );
}

function ConfirmForm({ caseId, consentId, onDone }: { caseId: string; consentId: string; onDone: () => void }) {
  const t = useConsentT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run } = useAction();
  const [how, setHow] = useState<Channel>('phone');
  const [note, setNote] = useState('');
  const ids = { how: `consent-${consentId}-how`, note: `consent-${consentId}-note` };
  const submit = async () => {
    if (await run(() => consentApi.confirm(api, caseId, consentId, { how, ...(note.trim() ? { note } : {}) }))) onDone();
  };
  return (
    <ActionForm
      id={`consent-${consentId}-confirm`}
      errors={errors}
      fieldIds={ids}
      busy={busy}
      saved={saved}
      submitLabel={t.consents.confirmSubmit}
      onSubmit={() => void submit()}
    >
      <SelectField id={ids.how} label={t.consents.confirmHow} value={how} onChange={(event) => setHow(event.target.value as Channel)} error={errors.fields.how}>
        {CONSENT_CHANNELS.map((code) => (
          <option key={code} value={code}>
            {t.consents.channels[code]}
          </option>
        ))}
      </SelectField>
      <TextAreaField id={ids.note} label={t.consents.confirmNote} value={note} onChange={(event) => setNote(event.target.value)} error={errors.fields.note} />
    </ActionForm>
  );
}

function WithdrawForm({ caseId, consentId, onDone }: { caseId: string; consentId: string; onDone: () => void }) {
  const t = useConsentT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [reason, setReason] = useState('');
  const ids = { reason: `consent-${consentId}-reason` };
  const submit = async () => {
    const body = check(ConsentStaffWithdrawal, { reason }, { reason: t.consents.reasonRequired });
    if (!body) return;
    if (await run(() => consentApi.withdraw(api, caseId, consentId, body))) onDone();
  };
  return (
    <ActionForm
      id={`consent-${consentId}-withdraw`}
      errors={errors}
      fieldIds={ids}
      busy={busy}
      saved={saved}
      submitLabel={t.consents.withdrawSubmit}
      onSubmit={() => void submit()}
    >
      <TextAreaField
        id={ids.reason}
        label={t.consents.withdrawReason}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
      />
    </ActionForm>
  );
}

const RECORD = 'consent-new';

function RecordConsentForm({ caseId, partners, onDone }: { caseId: string; partners: readonly Partner[]; onDone: () => void }) {
  const t = useConsentT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [givenBy, setGivenBy] = useState<Giver | ''>('');
  const [how, setHow] = useState<Channel | ''>('');
  const [recipient, setRecipient] = useState<DisclosureRecipient | ''>('');
  const [partnerId, setPartnerId] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [fields, setFields] = useState<DisclosableField[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const ids = {
    givenBy: `${RECORD}-given-by`,
    how: `${RECORD}-how`,
    recipient: `${RECORD}-recipient`,
    partnerId: `${RECORD}-partner`,
    recipientName: `${RECORD}-recipient-name`,
    purpose: `${RECORD}-purpose`,
    fields: firstFieldId(`${RECORD}-fields`),
    confirmedWithDefender: `${RECORD}-confirmed`,
  };

  const submit = async () => {
    const body = check(
      NewConsent,
      {
        givenBy,
        how,
        recipient,
        purpose,
        fields,
        confirmedWithDefender: givenBy === 'defender' || confirmed,
        ...(recipient === 'partner' && partnerId ? { partnerId } : {}),
        ...(recipientName.trim() ? { recipientName } : {}),
      },
      {
        givenBy: t.consents.choiceRequired,
        how: t.consents.choiceRequired,
        recipient: t.consents.choiceRequired,
        purpose: t.consents.purposeRequired,
        fields: t.consents.fieldsRequired,
      },
    );
    if (!body) return;
    if (await run(() => consentApi.record(api, caseId, body))) {
      setGivenBy('');
      setHow('');
      setRecipient('');
      setPartnerId('');
      setRecipientName('');
      setPurpose('');
      setFields([]);
      setConfirmed(false);
      onDone();
    }
  };

  return (
    <ActionForm id={RECORD} errors={errors} fieldIds={ids} busy={busy} saved={saved} submitLabel={t.consents.record} onSubmit={() => void submit()}>
      <div className="form__pair">
        <SelectField
          id={ids.givenBy}
          label={t.consents.givenBy}
          value={givenBy}
          onChange={(event) => setGivenBy(event.target.value as Giver)}
          error={errors.fields.givenBy}
        >
          <option value="">{t.consents.choose}</option>
          {CONSENT_GIVERS.map((code) => (
            <option key={code} value={code}>
              {t.consents.givers[code]}
            </option>
          ))}
        </SelectField>
        <SelectField id={ids.how} label={t.consents.how} value={how} onChange={(event) => setHow(event.target.value as Channel)} error={errors.fields.how}>
          <option value="">{t.consents.choose}</option>
          {CONSENT_CHANNELS.map((code) => (
            <option key={code} value={code}>
              {t.consents.channels[code]}
            </option>
          ))}
        </SelectField>
      </div>
      <RecipientFields
        ids={ids}
        recipient={recipient}
        onRecipient={setRecipient}
        partners={partners}
        partnerId={partnerId}
        onPartner={setPartnerId}
        recipientName={recipientName}
        onRecipientName={setRecipientName}
        errors={errors.fields}
      />
      <TextAreaField
        id={ids.purpose}
        label={t.consents.purpose}
        value={purpose}
        onChange={(event) => setPurpose(event.target.value)}
        error={errors.fields.purpose}
      />
      <ConsentFieldset idPrefix={`${RECORD}-fields`} legend={t.consents.fields} value={fields} onChange={setFields} error={errors.fields.fields} />
      {givenBy && givenBy !== 'defender' ? (
        <Checkbox
          id={ids.confirmedWithDefender}
          label={t.consents.confirmedWithDefender}
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
        />
      ) : null}
    </ActionForm>
  );
}

interface RecipientProps {
  ids: { recipient: string; partnerId: string; recipientName: string };
  recipient: DisclosureRecipient | '';
  onRecipient: (recipient: DisclosureRecipient) => void;
  partners: readonly Partner[];
  partnerId: string;
  onPartner: (id: string) => void;
  recipientName: string;
  onRecipientName: (name: string) => void;
  errors: Record<string, string | undefined>;
}

/** The recipient, then a partner of the directory (for a partner) or a free name (for the others). */
function RecipientFields({ ids, recipient, onRecipient, partners, partnerId, onPartner, recipientName, onRecipientName, errors }: RecipientProps) {
  const t = useConsentT();
  return (
    <div className="form__pair">
      <SelectField
        id={ids.recipient}
        label={t.consents.recipient}
        value={recipient}
        onChange={(event) => onRecipient(event.target.value as DisclosureRecipient)}
        error={errors.recipient}
      >
        <option value="">{t.consents.choose}</option>
        {DISCLOSURE_RECIPIENTS.map((code) => (
          <option key={code} value={code}>
            {t.recipients[code]}
          </option>
        ))}
      </SelectField>
      {recipient === 'partner' ? (
        <SelectField
          id={ids.partnerId}
          label={t.consents.partner}
          value={partnerId}
          onChange={(event) => onPartner(event.target.value)}
          error={errors.partnerId}
        >
          <option value="">{t.consents.anyPartner}</option>
          {partners
            .filter((partner) => partner.active)
            .map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
        </SelectField>
      ) : (
        <Field
          id={ids.recipientName}
          label={t.consents.recipientName}
          hint={t.consents.recipientNameHint}
          autoComplete="off"
          value={recipientName}
          onChange={(event) => onRecipientName(event.target.value)}
          error={errors.recipientName}
        />
      )}
    </div>
  );
}

const EXCEPTION = 'disclosure-exception';

function ExceptionForm({ caseId, partners, onDone }: { caseId: string; partners: readonly Partner[]; onDone: () => void }) {
  const t = useConsentT();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [recipient, setRecipient] = useState<DisclosureRecipient | ''>('');
  const [partnerId, setPartnerId] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [reason, setReason] = useState('');
  const ids = { recipient: `${EXCEPTION}-recipient`, partnerId: `${EXCEPTION}-partner`, recipientName: `${EXCEPTION}-name`, reason: `${EXCEPTION}-reason` };
  const submit = async () => {
    const body = check(
      DisclosureException,
      {
        recipient,
        reason,
        ...(recipient === 'partner' && partnerId ? { partnerId } : {}),
        ...(recipient !== 'partner' && recipientName.trim() ? { recipientName } : {}),
      },
      { recipient: t.consents.choiceRequired, reason: t.consents.reasonRequired },
    );
    if (!body) return;
    if (await run(() => consentApi.exception(api, caseId, body))) {
      setRecipient('');
      setPartnerId('');
      setRecipientName('');
      setReason('');
      onDone();
    }
  };
  return (
    <ActionForm id={EXCEPTION} errors={errors} fieldIds={ids} busy={busy} saved={saved} submitLabel={t.exception.submit} onSubmit={() => void submit()}>
      <RecipientFields
        ids={ids}
        recipient={recipient}
        onRecipient={setRecipient}
        partners={partners}
        partnerId={partnerId}
        onPartner={setPartnerId}
        recipientName={recipientName}
        onRecipientName={setRecipientName}
        errors={errors.fields}
      />
      <TextAreaField
        id={ids.reason}
        label={t.exception.reason}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.reason}
      />
    </ActionForm>
  );
}
