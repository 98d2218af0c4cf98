import type { CaseSummary } from '@mnpddh/shared';
import { Link } from 'react-router';
import { AlertList } from '../alerts/alert-list';
import { EscrowWarning } from '../escrow/escrow-warning';
import { format } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { Loading } from '../require-session';
import { useStaffSession } from '../session';
import { Deadline, OverdueBadges, RiskBadge, StatusBadge } from './badges';
import { useCasesT } from './i18n';
import { nextDeadline } from './next-deadline';
import { useCaseList } from './use-case-list';
import { useNow } from './use-now';
import { relativePast } from './when';

/** Every status but the two ends. */
const OPEN = { urgent: 'true', status: 'received,under_assessment,measures_in_progress,monitoring' };

/**
 * /personnel/urgences — for whoever is on call, on a phone at night: the
 * alerts to acknowledge first (within the first screen of a phone), then
 * the open urgent cases, each with the three things to do first (open, log
 * the call, assign). One column, big targets.
 */
export function UrgentPage() {
  const t = useCasesT();
  const now = useNow(30_000);
  const { list, error, reload } = useCaseList(OPEN, 1, 50);
  const { user } = useStaffSession();
  // Shown above every other page (StaffLayout); here after the alerts and the urgent cases, which come first at night.
  const warnsOfEscrow = Boolean(user?.roles.some((role) => role === 'admin' || role === 'supervisor'));

  return (
    <div className="urgent-page">
      <h1>{t.urgentView.title}</h1>
      <p className="lead">{t.urgentView.lead}</p>
      <section aria-labelledby="urgent-alerts-title" className="urgent-section">
        <h2 id="urgent-alerts-title">{t.urgentView.alertsTitle}</h2>
        <AlertList now={now} headingId="urgent-alerts-title" arrivals={arrivalsOf(list?.items ?? [])} />
      </section>
      <section aria-labelledby="urgent-cases-title" className="urgent-section">
        <h2 id="urgent-cases-title">{t.urgentView.casesTitle}</h2>
        {list ? (
          list.items.length === 0 ? (
            <p>{t.urgentView.noCases}</p>
          ) : (
            <ul className="urgent-cases" aria-labelledby="urgent-cases-title">
              {list.items.map((item) => (
                <UrgentCase key={item.id} item={item} now={now} />
              ))}
            </ul>
          )
        ) : error ? (
          <>
            <ErrorSummary errors={error} fieldIds={{}} />
            <button type="button" className="button" onClick={reload}>
              {t.list.retry}
            </button>
          </>
        ) : (
          <Loading label={t.list.loading} />
        )}
      </section>
      {warnsOfEscrow ? <EscrowWarning /> : null}
    </div>
  );
}

/** The precise arrival of each listed case that has one (the alerts count their age from it). */
function arrivalsOf(items: readonly CaseSummary[]): ReadonlyMap<string, string> {
  return new Map(items.flatMap((item) => (item.arrivedAt ? [[item.id, item.arrivedAt] as const] : [])));
}

function UrgentCase({ item, now }: { item: CaseSummary; now: number }) {
  const t = useCasesT();
  const { user } = useStaffSession();
  // The server decides (canAssign on the case); this only spares a useless button.
  const mayAssign = Boolean(user && (user.roles.includes('supervisor') || user.onCall));
  const deadline = nextDeadline(item, t);
  const to = `/personnel/dossiers/${item.id}`;
  return (
    <li className={item.overdue ? 'urgent-case urgent-case--overdue' : 'urgent-case'}>
      <h3 className="urgent-case__title">
        <Link to={to}>{format(t.caseView.title, { reference: item.reference })}</Link>
      </h3>
      <p className="badges">
        <StatusBadge status={item.status} />
        <RiskBadge level={item.riskLevel} />
        {item.channel === 'callback_request' ? <span className="case-badge case-badge--plain">{t.channel.callback_request}</span> : null}
      </p>
      <p className="urgent-case__facts">
        <span>{format(t.urgentView.received, { when: relativePast(item.arrivedAt ?? item.receivedAt, t, now) })}</span>
        {deadline ? (
          <span>
            {deadline.label} <Deadline iso={deadline.iso} now={now} />
          </span>
        ) : null}
        <span>
          {t.caseView.assignee}
          {t.colon}
          {item.assignedToName ?? t.caseView.nobody}
        </span>
      </p>
      <OverdueBadges targets={item.overdueTargets} />
      <div className="urgent-case__actions">
        <Link to={to} className="button">
          {t.urgentView.openCase}
        </Link>
        <Link to={`${to}#action-contact`} className="button button--secondary">
          {t.urgentView.logContact}
        </Link>
        {mayAssign ? (
          <Link to={`${to}#action-assign`} className="button button--secondary">
            {t.urgentView.assign}
          </Link>
        ) : null}
      </div>
    </li>
  );
}
