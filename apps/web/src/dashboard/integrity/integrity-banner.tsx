import { IntegrityStatus, type IntegrityIncidentView } from '@mnpddh/shared';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { format, formatDateTime } from '../format';
import { WarningIcon } from '../icons';
import { useStaffSession } from '../session';
import { useIntegrityT } from './i18n';

/**
 * The loud banner, on every page for admins, supervisors and auditors, while
 * an integrity incident is open (the database is behind, rewritten under or
 * continued past the anchor kept outside it). Read again at each navigation;
 * nobody can dismiss it: only an admin's acknowledgement closes it.
 */
export function IntegrityBanner({ isAdmin }: { isAdmin: boolean }) {
  const t = useIntegrityT();
  const [locale] = useLocale();
  const { api } = useStaffSession();
  const { pathname } = useLocation();
  const [incident, setIncident] = useState<IntegrityIncidentView | null>(null);

  useEffect(() => {
    let current = true;
    api
      .request('GET', '/api/integrity', { schema: IntegrityStatus })
      .then((answer) => {
        if (current) setIncident(answer.value.incident);
      })
      // Not shown rather than shown wrong; the next page reads it again.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, pathname]);

  if (!incident) return null;
  return (
    <section className="alert-banner integrity-banner" role="alert" aria-labelledby="integrity-banner-title">
      <WarningIcon className="alert-banner__icon" />
      <div>
        <h2 id="integrity-banner-title" className="alert-banner__title">
          {t.title}
        </h2>
        <p>{t.kinds[incident.kind]}</p>
        <p className="alert-banner__count">{format(t.detected, { at: formatDateTime(incident.detectedAt, locale) })}</p>
        <p>{t.consequence}</p>
        {isAdmin ? <Acknowledge onDone={setIncident} /> : <p>{t.othersDo}</p>}
      </div>
    </section>
  );
}

/** The admin's procedure, then the acknowledgement (audited on the server with what was found). */
function Acknowledge({ onDone }: { onDone: (incident: IntegrityIncidentView | null) => void }) {
  const t = useIntegrityT();
  const { api } = useStaffSession();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const acknowledge = async () => {
    setBusy(true);
    setFailed(false);
    try {
      onDone((await api.request('POST', '/api/integrity/acknowledge', { body: {}, schema: IntegrityStatus })).value.incident);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t.adminDo}</p>
      <p>
        <Link to="/personnel/journal">{t.verify}</Link>
      </p>
      <div className="checkbox">
        <input
          id="integrity-confirm"
          type="checkbox"
          className="checkbox__input"
          autoComplete="off"
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
        />
        <label htmlFor="integrity-confirm" className="checkbox__label">
          {t.confirm}
        </label>
      </div>
      <button type="button" className="button button--small" disabled={!confirmed || busy} onClick={acknowledge}>
        {busy ? t.acknowledging : t.acknowledge}
      </button>
      <p role="status">{failed ? t.failed : ''}</p>
    </>
  );
}
