import type { AlertView } from '@mnpddh/shared';
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
export function AlertList({ now, headingId }: { now: number; headingId: string }) {
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

function AlertItem({ alert, now, onAcknowledge }: { alert: AlertView; now: number; onAcknowledge: () => Promise<void> }) {
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
        <time dateTime={alert.createdAt}>{format(t.received, { when: relativePast(alert.createdAt, ct, now) })}</time>
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
