import type { AuditCheckpointView, AuditVerification } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { format, formatDateTime } from '../dashboard/format';
import { errorsFrom, type FormErrors } from '../dashboard/forms/form-errors';
import { ErrorSummary } from '../dashboard/forms/error-summary';
import { useStaffT } from '../dashboard/i18n/use-staff-t';
import { WarningIcon } from '../dashboard/icons';
import { Loading } from '../dashboard/require-session';
import { DownloadIcon, ShieldCheckIcon } from '../dashboard/icons';
import { useReportsT } from './i18n';
import { useNumber } from './labels';
import { useReportsApi } from './reports-api';
import { saveFile } from './save-file';
import { useLoad } from './use-load';

/**
 * The chain's verification first: intact, or broken at which row; the
 * latest signed checkpoint; "check now"; sign a checkpoint and keep a copy
 * of it off the server.
 */
export function AuditVerificationPanel() {
  const t = useReportsT();
  const staffT = useStaffT();
  const [locale] = useLocale();
  const reports = useReportsApi();
  const [run, setRun] = useState(0);
  const verification = useLoad(`verify-${run}`, () => reports.verifyAudit());
  const [checkedAt, setCheckedAt] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);

  const verifyNow = () => {
    setNote('');
    setRun((n) => n + 1);
    setCheckedAt(new Date().toISOString());
  };

  const act = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setErrors(null);
    setNote('');
    try {
      setNote(await action());
    } catch (caught) {
      setErrors(errorsFrom(caught, staffT));
    } finally {
      setBusy(false);
    }
  };

  const sign = () =>
    act(async () => {
      const checkpoint = await reports.signCheckpoint();
      setRun((n) => n + 1);
      return format(t.audit.signed, { n: checkpoint.rowCount });
    });

  const download = () =>
    act(async () => {
      const checkpoint = await reports.latestCheckpoint();
      if (!checkpoint) return t.audit.noCheckpointYet;
      saveFile(new Blob([`${JSON.stringify(checkpoint, null, 2)}\n`], { type: 'application/json' }), checkpointName(checkpoint));
      return '';
    });

  return (
    <section className="audit-verify" aria-labelledby="audit-verify-title" aria-busy={!verification.value && !verification.error}>
      <h2 id="audit-verify-title">{t.audit.verifyTitle}</h2>
      {verification.value ? (
        <Result verification={verification.value} locale={locale} />
      ) : verification.error ? (
        <ErrorSummary errors={verification.error} fieldIds={{}} />
      ) : (
        <Loading label={t.audit.verifying} />
      )}
      {checkedAt && verification.value ? <p className="muted">{format(t.audit.checkedAt, { time: formatDateTime(checkedAt, locale) })}</p> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={verifyNow}>
          {t.audit.verifyNow}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void sign()} disabled={busy}>
          {busy ? t.audit.signing : t.audit.sign}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void download()} disabled={busy}>
          <DownloadIcon />
          <span>{t.audit.downloadCheckpoint}</span>
        </button>
      </div>
      <p className="field__hint">{t.audit.checkpointHelp}</p>
      {errors ? <ErrorSummary errors={errors} fieldIds={{}} /> : null}
      <p role="status" className="audit-verify__note">
        {note}
      </p>
    </section>
  );
}

function Result({ verification, locale }: { verification: AuditVerification; locale: 'fr' | 'en' }) {
  const t = useReportsT();
  const number = useNumber();
  const { valid, checked, firstBrokenId, checkpoint } = verification;
  return (
    <div className={valid ? 'verdict verdict--valid' : 'verdict verdict--broken'} role={valid ? 'status' : 'alert'}>
      {valid ? <ShieldCheckIcon className="verdict__icon" /> : <WarningIcon className="verdict__icon" />}
      <div>
        <p className="verdict__title">{valid ? t.audit.valid : t.audit.broken}</p>
        <p>
          {valid
            ? format(t.audit.validText, { n: number(checked) })
            : firstBrokenId
              ? format(t.audit.brokenText, { row: firstBrokenId, n: number(checked) })
              : format(t.audit.brokenUnknown, { n: number(checked) })}
        </p>
        <p>
          {checkpoint
            ? format(t.audit.checkpoint, { date: formatDateTime(checkpoint.signedAt, locale), n: number(checkpoint.rowCount) })
            : t.audit.noCheckpoint}
        </p>
        {checkpoint && !checkpoint.matches ? <p className="verdict__warning">{t.audit.checkpointMismatch}</p> : null}
      </div>
    </div>
  );
}

function checkpointName(checkpoint: AuditCheckpointView): string {
  return `audit-checkpoint-${checkpoint.tenant}-${checkpoint.rowCount}-${checkpoint.signedAt.slice(0, 10)}.json`.replace(/[^A-Za-z0-9._-]/g, '_');
}
