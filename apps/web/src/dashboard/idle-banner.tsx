import { useEffect, useState } from 'react';
import { format } from './format';
import { ClockIcon } from './icons';
import { useStaffT } from './i18n/use-staff-t';
import { useStaffSession } from './session';

/** The warning shows this long before the session ends: enough to come back to the laptop. */
export const WARNING_MS = 2 * 60_000;
const TICK_MS = 5_000;

/**
 * A non-blocking banner before the session ends (WCAG 2.2.1: the person can
 * extend it). Idle: "Rester connecté" reads the session again, which the
 * server counts as activity. Absolute limit: it cannot be extended, so the
 * banner only says so. When the time is up, the person goes back to sign in.
 */
export function IdleBanner() {
  const t = useStaffT();
  const session = useStaffSession();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const clock = session.clock;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const { timedOut } = session;
  const deadline = clock ? Math.min(clock.idleDeadline, clock.absoluteDeadline) : Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (now >= deadline) timedOut();
  }, [now, deadline, timedOut]);

  if (!clock || now < deadline - WARNING_MS || now >= deadline) {
    // The live region stays in the page so that its content is announced when it appears.
    return <div className="idle-banner-region" role="status" />;
  }

  const minutes = Math.max(1, Math.ceil((deadline - now) / 60_000));
  const absolute = clock.absoluteDeadline <= clock.idleDeadline;

  const stay = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await session.refresh();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="idle-banner-region" role="status">
      <div className="idle-banner">
        <div className="idle-banner__inner container container--staff">
          <ClockIcon />
          <p className="idle-banner__text">
            {absolute ? format(t.idle.ending, { minutes }) : format(t.idle.warning, { minutes })}
            {failed ? ` ${t.errors.network}` : ''}
          </p>
          {absolute ? null : (
            <button type="button" className="button button--small" onClick={stay}>
              {busy ? t.idle.staying : t.idle.stay}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
