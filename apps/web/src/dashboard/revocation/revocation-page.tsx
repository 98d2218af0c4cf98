import { REVOCATION_REASONS, RevocationForCause, type RekeyJobView, type RevocationReason } from '@mnpddh/shared';
import { useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ActionForm } from '../case-work/action-form';
import { ConfirmCheckbox, SelectField, TextAreaField } from '../case-work/fields';
import { useAction } from '../case-work/use-action';
import { useAssignees } from '../case-work/use-assignees';
import { format, formatDateTime } from '../format';
import { ErrorSummary } from '../forms/error-summary';
import { useStaffSession } from '../session';
import { DrasticActsPanel } from '../drastic-acts/drastic-acts-panel';
import { useRevocationT } from './i18n';
import { useRekeyJobs } from './use-rekey-jobs';
import './revocation.css';

const IDS = { staffId: 'revocation-person', reason: 'revocation-reason', note: 'revocation-note', confirm: 'revocation-confirm' };

/**
 * /personnel/revocation — for supervisors: revoke a colleague for cause and
 * re-key every case they held, then follow the job (counts only, never which
 * cases) and resume one that was interrupted or left cases to another holder.
 */
export function RevocationPage() {
  const t = useRevocationT();
  const { jobs, error, revoke, resume } = useRekeyJobs();
  return (
    <div className="revocation-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="form-help">{t.keepsDownloads}</p>
      <RevocationForm onRevoke={revoke} />
      <DrasticActsPanel />
      <section aria-labelledby="rekey-jobs-title">
        <h2 id="rekey-jobs-title">{t.jobsTitle}</h2>
        {error ? <ErrorSummary errors={error} fieldIds={{}} /> : null}
        {jobs === null ? error ? null : <p className="muted">{t.loading}</p> : <JobList jobs={jobs} onResume={resume} />}
      </section>
    </div>
  );
}

function RevocationForm({ onRevoke }: { onRevoke: ReturnType<typeof useRekeyJobs>['revoke'] }) {
  const t = useRevocationT();
  const session = useStaffSession();
  const self = session.status === 'signed-in' ? (session.user?.id ?? null) : null;
  const { assignees } = useAssignees();
  const { busy, errors, saved, run, refuse, check } = useAction();
  const [staffId, setStaffId] = useState('');
  const [reason, setReason] = useState<RevocationReason | ''>('');
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  const submit = async () => {
    const revocation = check(
      RevocationForCause,
      { staffId, reason, ...(note.trim() ? { note } : {}) },
      { staffId: t.personRequired, reason: t.reasonRequired },
    );
    // The confirmation is the form's own (it is not sent): asked after what the schema refuses.
    if (!revocation || refuse(confirmed ? {} : { confirm: t.confirmRequired })) return;
    if (await run(() => onRevoke(revocation))) {
      setStaffId('');
      setReason('');
      setNote('');
      setConfirmed(false);
    }
  };

  return (
    <ActionForm id="revocation-form" errors={errors} fieldIds={IDS} busy={busy} saved={saved} submitLabel={t.submit} onSubmit={() => void submit()}>
      <SelectField id={IDS.staffId} label={t.person} value={staffId} onChange={(event) => setStaffId(event.target.value)} error={errors.fields.staffId}>
        <option value="">{t.choose}</option>
        {assignees
          .filter((person) => person.id !== self)
          .map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
      </SelectField>
      <SelectField
        id={IDS.reason}
        label={t.reason}
        value={reason}
        onChange={(event) => setReason(event.target.value as RevocationReason)}
        error={errors.fields.reason}
      >
        <option value="">{t.choose}</option>
        {REVOCATION_REASONS.map((code) => (
          <option key={code} value={code}>
            {t.reasons[code]}
          </option>
        ))}
      </SelectField>
      <TextAreaField id={IDS.note} label={t.note} value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} error={errors.fields.note} />
      <ConfirmCheckbox id={IDS.confirm} label={t.confirm} checked={confirmed} error={errors.fields.confirm} onChange={setConfirmed} />
      {busy ? (
        <p className="revocation-working" role="status">
          {t.working}
        </p>
      ) : null}
    </ActionForm>
  );
}

function JobList({ jobs, onResume }: { jobs: RekeyJobView[]; onResume: (id: string) => Promise<void> }) {
  const t = useRevocationT();
  if (jobs.length === 0) return <p className="muted">{t.jobsEmpty}</p>;
  return (
    <ul className="rekey-jobs">
      {jobs.map((job) => (
        <JobItem key={job.id} job={job} onResume={onResume} />
      ))}
    </ul>
  );
}

function JobItem({ job, onResume }: { job: RekeyJobView; onResume: (id: string) => Promise<void> }) {
  const t = useRevocationT();
  const [locale] = useLocale();
  const resume = useAction();
  const done = job.casesTotal - job.casesLeft;
  return (
    <li className={job.casesLeft > 0 ? 'rekey-job rekey-job--unfinished' : 'rekey-job'}>
      <p className="rekey-job__reason">
        {t.reasons[job.reason]}
        {job.revokedStaffName ? ` — ${job.revokedStaffName}` : ''}
      </p>
      {job.requestedByName ? (
        <p>
          {t.requestedBy}&nbsp;: {job.requestedByName}
        </p>
      ) : null}
      <p>
        {t.started} <time dateTime={job.createdAt}>{formatDateTime(job.createdAt, locale)}</time>
      </p>
      <p>
        {t.progress}&nbsp;: {format(t.progressValue, { done, total: job.casesTotal })}
      </p>
      {job.casesLeft > 0 ? (
        <>
          <p className="rekey-job__left">{format(t.unfinished, { left: job.casesLeft })}</p>
          <p className="form-help">{t.unfinishedHelp}</p>
          <ErrorSummary errors={resume.errors} fieldIds={{}} />
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={resume.busy || undefined}
            onClick={() => void resume.run(() => onResume(job.id))}
          >
            {resume.busy ? t.working : t.resume}
          </button>
        </>
      ) : (
        <p>{t.finished}</p>
      )}
    </li>
  );
}
