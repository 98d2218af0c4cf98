import {
  DISCLOSURE_RECIPIENTS,
  DOCUMENT_CONSENT_FIELDS,
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  DocumentDraftInput,
  type CaseDetail,
  type DisclosureRecipient,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentView,
} from '@mnpddh/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { ActionForm } from '../case-work/action-form';
import { useConsentT } from '../case-work/consent-strings';
import { SelectField, TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { shortDateTime } from '../cases/when';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Field } from '../forms/field';
import { useStaffSession } from '../session';
import { documentsApi } from './documents-api';
import { useDocumentsT } from './i18n';

const STATE_BADGE: Record<DocumentView['state'], string> = {
  draft: 'case-badge case-badge--plain',
  approved: 'case-badge case-badge--status',
  issued: 'case-badge case-badge--measure-done',
};

/**
 * The documents of a case, folded by the server from its whole journal: each with its state
 * (brouillon, approuvé, délivré), the approve button for a supervisor who
 * did not draft it, and the PDF link once approved; then the draft form.
 * The server decides again (approval, consent) at every step.
 */
export function DocumentsPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useDocumentsT();
  const { user } = useStaffSession();
  const documents = detail.documents;
  const editsTemplates = Boolean(user?.roles.some((role) => role === 'supervisor' || role === 'admin'));
  return (
    <>
      <p className="form-help">{t.intro}</p>
      {documents.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ul className="work-list">
          {documents.map((document) => (
            <DocumentItem key={document.documentId} detail={detail} document={document} onDone={onDone} />
          ))}
        </ul>
      )}
      <h3>{t.draftTitle}</h3>
      <DraftForm caseId={detail.id} onDone={onDone} />
      {editsTemplates ? (
        <p>
          <Link to="/personnel/admin/modeles">{t.templatesLink}</Link>
        </p>
      ) : null}
    </>
  );
}

function DocumentItem({ detail, document, onDone }: { detail: CaseDetail; document: DocumentView; onDone: () => void }) {
  const t = useDocumentsT();
  const ct = useConsentT();
  const [locale] = useLocale();
  const { api, user } = useStaffSession();
  const { busy, errors, run } = useAction();
  const isSupervisor = Boolean(user?.roles.includes('supervisor'));
  const ownDraft = document.draftedBy === user?.id;
  const fields = DOCUMENT_CONSENT_FIELDS[document.kind];
  const consented = detail.consents.some((c) => c.active && c.recipient === document.recipient && fields.every((field) => c.fields.includes(field)));
  const approve = async () => {
    if (await run(() => documentsApi.approve(api, detail.id, document.documentId))) onDone();
  };
  return (
    <li className="work-list__item">
      <p className="work-list__title">
        {t.kinds[document.kind]} — {document.recipientName} <span className={STATE_BADGE[document.state]}>{t.states[document.state]}</span>
      </p>
      <p className="work-list__facts">
        <span>{format(t.draftedOn, { date: shortDateTime(document.draftedAt, locale), name: document.draftedByName })}</span>
        <span>{ct.recipients[document.recipient]}</span>
        <span>{t.languages[document.language]}</span>
        {document.approvedBy ? <span>{format(t.approvedBy, { name: document.approvedByName ?? '' })}</span> : null}
        {document.issuedCount ? <span>{format(t.issuedTimes, { count: document.issuedCount })}</span> : null}
      </p>
      {document.note ? <p className="prewrap">{document.note}</p> : null}
      {document.state === 'draft' ? (
        isSupervisor && !ownDraft ? (
          <>
            <ErrorSummary errors={errors} fieldIds={{}} />
            <button
              type="button"
              className="button button--small"
              aria-disabled={busy || undefined}
              aria-label={format(t.approveLabel, { recipient: document.recipientName })}
              onClick={() => void approve()}
            >
              {t.approve}
            </button>
          </>
        ) : (
          <p className="muted">{ownDraft && isSupervisor ? t.ownDraft : t.waitingApproval}</p>
        )
      ) : (
        <>
          {/* A link that would be refused is not offered: without consent, the reason instead. */}
          {consented ? (
            <p>
              <a
                href={documentsApi.pdfUrl(detail.id, document.documentId)}
                download
                className="attachment__link"
                aria-label={format(t.downloadLabel, { recipient: document.recipientName })}
              >
                {t.download}
              </a>
            </p>
          ) : (
            <p className="field__hint">{format(t.noConsent, { fields: fields.map((field) => ct.fields[field]).join(', ') })}</p>
          )}
        </>
      )}
    </li>
  );
}

const DRAFT = 'document-new';

function DraftForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useDocumentsT();
  const ct = useConsentT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const { busy, errors, saved, run, check } = useAction();
  const [kind, setKind] = useState<DocumentKind>('attestation');
  const [language, setLanguage] = useState<DocumentLanguage>(locale);
  const [recipient, setRecipient] = useState<DisclosureRecipient | ''>('');
  const [recipientName, setRecipientName] = useState('');
  const [note, setNote] = useState('');
  const ids = {
    kind: `${DRAFT}-kind`,
    language: `${DRAFT}-language`,
    recipient: `${DRAFT}-recipient`,
    recipientName: `${DRAFT}-recipient-name`,
    note: `${DRAFT}-note`,
  };
  const submit = async () => {
    const draft = check(
      DocumentDraftInput,
      { kind, language, recipient, recipientName, note },
      { recipient: ct.consents.choiceRequired, recipientName: t.recipientNameRequired },
    );
    if (!draft) return;
    if (await run(() => documentsApi.draft(api, caseId, draft))) {
      setRecipientName('');
      setNote('');
      onDone();
    }
  };
  return (
    <ActionForm id={DRAFT} errors={errors} fieldIds={ids} busy={busy} saved={saved} submitLabel={t.draft} onSubmit={() => void submit()}>
      <SelectField id={ids.kind} label={t.kind} value={kind} onChange={(event) => setKind(event.target.value as DocumentKind)} error={errors.fields.kind}>
        {DOCUMENT_KINDS.map((code) => (
          <option key={code} value={code}>
            {t.kinds[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={ids.language}
        label={t.language}
        value={language}
        onChange={(event) => setLanguage(event.target.value as DocumentLanguage)}
        error={errors.fields.language}
      >
        {DOCUMENT_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {t.languages[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={ids.recipient}
        label={t.recipient}
        value={recipient}
        onChange={(event) => setRecipient(event.target.value as DisclosureRecipient)}
        error={errors.fields.recipient}
      >
        <option value="">{t.choose}</option>
        {DISCLOSURE_RECIPIENTS.map((code) => (
          <option key={code} value={code}>
            {ct.recipients[code]}
          </option>
        ))}
      </SelectField>
      <Field
        id={ids.recipientName}
        label={t.recipientName}
        hint={t.recipientNameHint}
        value={recipientName}
        onChange={(event) => setRecipientName(event.target.value)}
        error={errors.fields.recipientName}
        autoComplete="off"
        maxLength={200}
      />
      <TextAreaField
        id={ids.note}
        label={t.note}
        hint={t.noteHint}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.fields.note}
        maxLength={2000}
      />
    </ActionForm>
  );
}
