import { JUNK_ALERT_KINDS, type AlertView } from '@mnpddh/shared';
import { useState } from 'react';
import { ConfirmCheckbox } from '../case-work/fields';
import { format } from '../format';
import { errorsFrom, type FormErrors } from '../forms/form-errors';
import { ErrorSummary } from '../forms/error-summary';
import { useStaffT } from '../i18n/use-staff-t';
import { useStaffSession } from '../session';
import { useAlertsT } from './i18n';

const REQUEST_KINDS: readonly string[] = JUNK_ALERT_KINDS;

/**
 * For supervisors, when several new-request alerts wait: one action marks
 * them all as junk (a flood of fake requests), after an explicit check. The
 * server audits each one and takes them out of the statistics.
 */
export function JunkBurstPanel({ alerts, onMarked }: { alerts: readonly AlertView[]; onMarked: () => void }) {
  const t = useAlertsT();
  const st = useStaffT();
  const { user, api } = useStaffSession();
  const [confirmed, setConfirmed] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [marked, setMarked] = useState<number | null>(null);
  const burst = alerts.filter((alert) => alert.acknowledgedAt === null && !alert.junk && REQUEST_KINDS.includes(alert.kind));
  if (!user?.roles.includes('supervisor') || (burst.length < 2 && marked === null)) return null;
  const count = { count: burst.length };

  const mark = async () => {
    if (busy) return;
    if (!confirmed) return setMissing(true);
    setBusy(true);
    setErrors(null);
    try {
      const result = await api.markJunk(burst.map((alert) => alert.id));
      setMarked(result.marked);
      setConfirmed(false);
      onMarked();
    } catch (error) {
      setErrors(errorsFrom(error, st));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="junk-burst" aria-labelledby="junk-burst-title">
      <p className="junk-burst__done" role="status">
        {marked === null ? '' : format(t.burst.marked, { count: marked })}
      </p>
      {burst.length < 2 ? null : (
        <>
          <h3 id="junk-burst-title">{format(t.burst.title, count)}</h3>
          <p>{t.burst.lead}</p>
          {errors ? <ErrorSummary errors={errors} fieldIds={{}} /> : null}
          <ConfirmCheckbox
            id="junk-burst-confirm"
            label={format(t.burst.confirm, count)}
            checked={confirmed}
            error={missing && !confirmed ? t.burst.confirmMissing : undefined}
            onChange={(checked) => {
              setConfirmed(checked);
              setMissing(false);
            }}
          />
          {missing && !confirmed ? (
            <p className="field__error" role="alert">
              {t.burst.confirmMissing}
            </p>
          ) : null}
          <button type="button" className="button button--secondary" onClick={() => void mark()} aria-disabled={busy || undefined}>
            {busy ? t.burst.marking : format(t.burst.mark, count)}
          </button>
        </>
      )}
    </section>
  );
}
