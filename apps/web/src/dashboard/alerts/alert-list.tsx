import type { AlertKind, AlertView } from '@mnpddh/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCasesT } from '../cases/i18n';
import { relativePast } from '../cases/when';
import { format } from '../format';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { ErrorSummary } from '../forms/error-summary';
import { WarningIcon } from '../icons';
import { useStaffT } from '../i18n/use-staff-t';
import { Loading } from '../require-session';
import { useAlertsT } from './i18n';
import { JunkBurstPanel } from './junk-burst-panel';
import { useAlerts } from './use-alerts';

/**
 * The alerts waiting for the signed-in person: each with a big "Accuser
 * réception" button (acknowledging stops the escalation to the next person
 * on call), then a link to the case.
 */
export function AlertList({ now, headingId, arrivals }: { now: number; headingId: string; arrivals?: ReadonlyMap<string, string> }) {
  const t = useAlertsT();
  const { alerts, failed, acknowledge, reload } = useAlerts();
  // Acknowledged here: kept on screen (with the link to the case) until the next visit.
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());

  if (!alerts) {
    if (!failed) return <Loading label={t.loading} />;
    return (
      <div className="alerts-unavailable">
        <p>{t.unavailable}</p>
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          {t.retry}
        </button>
      </div>
    );
  }
  const shown = alerts.filter((alert) => alert.acknowledgedAt === null || seen.has(alert.id));
  if (shown.length === 0) {
    return (
      <>
        <JunkBurstPanel alerts={alerts} onMarked={reload} />
        <p>{t.none}</p>
      </>
    );
  }

  return (
    <>
      <JunkBurstPanel alerts={alerts} onMarked={reload} />
      <ul className="alert-list" aria-labelledby={headingId}>
        {shown.map((alert) => (
          <AlertItem
            key={alert.id}
            alert={alert}
            now={now}
            arrivedAt={arrivalOf(alert, arrivals)}
            onAcknowledge={async () => {
              await acknowledge(alert.id);
              setSeen((current) => new Set([...current, alert.id]));
            }}
          />
        ))}
      </ul>
    </>
  );
}

/**
 * When a request alert's case is listed with its precise arrival (held, so
 * decrypted for the list), its age counts from it: the alert's own time is
 * kept to the hour in the clear and would say "30 min" of a request sent 3 min ago.
 */
function arrivalOf(alert: AlertView, arrivals: ReadonlyMap<string, string> | undefined): string {
  return (REQUEST_ALERTS.has(alert.kind) && alert.caseId ? arrivals?.get(alert.caseId) : undefined) ?? alert.createdAt;
}

/** Alerts raised by a request's arrival (the others are raised later: their own time is theirs). */
const REQUEST_ALERTS: ReadonlySet<AlertKind> = new Set(['urgent_request', 'callback_request']);

function AlertItem({ alert, now, arrivedAt, onAcknowledge }: { alert: AlertView; now: number; arrivedAt: string; onAcknowledge: () => Promise<void> }) {
  const t = useAlertsT();
  const ct = useCasesT();
  const st = useStaffT();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const acknowledged = alert.acknowledgedAt !== null;

  const click = async () => {
    if (busy) return;
    setBusy(true);
    setErrors(null);
    try {
      await onAcknowledge();
    } catch (error) {
      setErrors(errorsFrom(error, st));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={acknowledged ? 'alert-item alert-item--done' : 'alert-item'}>
      <p className="alert-item__title">
        {acknowledged ? null : <WarningIcon />}
        {t.kinds[alert.kind]}
        {alert.reference ? <span className="alert-item__reference"> · {alert.reference}</span> : null}
      </p>
      {alert.kind === 'operational' && alert.topic ? <p className="alert-item__topic">{t.topics[alert.topic]}</p> : null}
      <p className="alert-item__when">
        <time dateTime={arrivedAt}>{format(t.received, { when: relativePast(arrivedAt, ct, now) })}</time>
        {alert.level > 1 ? <span> · {t.escalated}</span> : null}
      </p>
      {errors ? <ErrorSummary errors={errors} fieldIds={{}} /> : null}
      {/* Always in the page, so that "acknowledged" is announced when it appears. */}
      <p className="alert-item__done" role="status">
        {acknowledged ? t.acknowledged : ''}
      </p>
      <div className="alert-item__actions">
        {acknowledged ? null : (
          <button type="button" className="button alert-item__ack" onClick={click} aria-disabled={busy || undefined}>
            {busy ? t.acknowledging : t.acknowledge}
          </button>
        )}
        {alert.caseId ? (
          <Link to={`/personnel/dossiers/${alert.caseId}`} className="button button--secondary">
            {t.openCase}
          </Link>
        ) : null}
      </div>
    </li>
  );
}
