import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { LockIcon } from '../../ui/icons';
import { useCaseWorkT } from '../case-work/i18n';
import { LegalBasisList } from '../case-work/legal-basis';
import { MeasureList } from '../case-work/measures';
import { ReceiptsPanel } from '../case-work/receipts-panel';
import { ConsentsPanel } from '../case-work/consent-panel';
import { useConsentT } from '../case-work/consent-strings';
import { ReferralsPanel } from '../case-work/referral-panel';
import { DataSubjectPanel } from '../data-subject/data-subject-panel';
import { useDataSubjectT } from '../data-subject/i18n';
import { Rectifications } from '../data-subject/rectifications';
import { CaseLinksSection } from '../case-links/links-section';
import { DocumentsPanel } from '../documents/documents-panel';
import { useDocumentsT } from '../documents/i18n';
import { useCaseLinksT } from '../case-links/i18n';
import { ErrorSummary } from '../forms/error-summary';
import { Loading } from '../require-session';
import { Attachments } from './attachments';
import { CaseActions } from './case-actions';
import { CaseHeader } from './case-header';
import { LostAccessNotice } from './lost-access';
import { useCasesT } from './i18n';
import { ContactSection, PeopleSection, RequestSection } from './request-content';
import { Thread } from './thread';
import { Timeline } from './timeline';
import { useCase } from './use-case';
import { useNow } from './use-now';

/**
 * /personnel/dossiers/:id — the decrypted case. The address carries the id
 * only and the page title stays the site's neutral one; the page says that
 * this reading is logged.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const t = useCasesT();
  const w = useCaseWorkT();
  const ct = useConsentT();
  const cl = useCaseLinksT();
  const ds = useDataSubjectT();
  const dt = useDocumentsT();
  const { detail, error, reload } = useCase(id);
  const now = useNow();

  const logged = (
    <p className="case-logged">
      <LockIcon />
      <span>
        <strong>{t.caseView.logged}</strong> {t.caseView.loggedDetail}
      </span>
    </p>
  );
  const back = (
    <p className="case-back">
      <Link to="/personnel/dossiers">{t.caseView.back}</Link>
    </p>
  );

  if (!detail) {
    return (
      <>
        {back}
        {logged}
        {error ? <ErrorSummary errors={error} fieldIds={{}} /> : <Loading label={t.caseView.loading} />}
      </>
    );
  }

  const section = (key: string, title: string, body: ReactNode) => (
    <section className="case-section" aria-labelledby={`case-${key}-title`} id={`case-${key}`}>
      <h2 id={`case-${key}-title`}>{title}</h2>
      {body}
    </section>
  );

  return (
    <div className="case-page">
      {back}
      {logged}
      <CaseHeader detail={detail} now={now} />
      <LostAccessNotice detail={detail} onDone={reload} />
      <nav className="case-toc" aria-label={t.caseView.sections}>
        <ul>
          <li>
            <a href="#case-actions">{t.caseView.actionsTitle}</a>
          </li>
          <li>
            <a href="#case-request">{t.caseView.requestTitle}</a>
          </li>
          <li>
            <a href="#case-people">{t.caseView.peopleTitle}</a>
          </li>
          <li>
            <a href="#case-links">{cl.title}</a>
          </li>
          <li>
            <a href="#case-consents">{ct.consents.title}</a>
          </li>
          <li>
            <a href="#case-referrals">{ct.referrals.title}</a>
          </li>
          <li>
            <a href="#case-documents">{dt.title}</a>
          </li>
          <li>
            <a href="#case-timeline">{t.caseView.timelineTitle}</a>
          </li>
          <li>
            <a href="#case-thread">{t.caseView.threadTitle}</a>
          </li>
          <li>
            <a href="#case-receipts">{w.receipts.title}</a>
          </li>
          <li>
            <a href="#case-data-subject">{ds.title}</a>
          </li>
        </ul>
      </nav>
      {section('actions', t.caseView.actionsTitle, <CaseActions key={detail.id} detail={detail} onDone={reload} />)}
      <div className="case-columns">
        <div>
          {section(
            'request',
            t.caseView.requestTitle,
            <>
              <Rectifications detail={detail} />
              <RequestSection detail={detail} />
            </>,
          )}
          {section(
            'people',
            t.caseView.peopleTitle,
            <>
              <PeopleSection detail={detail} />
              <h3>{t.caseView.contactTitle}</h3>
              <ContactSection detail={detail} />
            </>,
          )}
          {section('attachments', t.caseView.attachmentsTitle, <Attachments detail={detail} />)}
        </div>
        <div>
          {section('measures', t.caseView.measuresTitle, <MeasureList detail={detail} onDone={reload} emptyText={t.caseView.noMeasures} />)}
          {section(
            'legal',
            t.caseView.legalTitle,
            <>
              <p className="form-help">{w.legal.uncertainHint}</p>
              <LegalBasisList detail={detail} onDone={reload} emptyText={t.caseView.noLegal} />
            </>,
          )}
          {section('links', cl.title, <CaseLinksSection key={detail.id} detail={detail} onDone={reload} />)}
        </div>
      </div>
      {section('consents', ct.consents.title, <ConsentsPanel key={detail.id} detail={detail} onDone={reload} />)}
      {section('referrals', ct.referrals.title, <ReferralsPanel key={detail.id} detail={detail} onDone={reload} />)}
      {section('documents', dt.title, <DocumentsPanel key={detail.id} detail={detail} onDone={reload} />)}
      {section('timeline', t.caseView.timelineTitle, <Timeline detail={detail} />)}
      {section('thread', t.caseView.threadTitle, <Thread detail={detail} onDone={reload} />)}
      {section('receipts', w.receipts.title, <ReceiptsPanel key={detail.id} detail={detail} />)}
      {section('data-subject', ds.title, <DataSubjectPanel key={detail.id} detail={detail} onDone={reload} />)}
    </div>
  );
}
