import type { CustodianOperationResult, CustodianOperationView, EscrowRotationProgress } from '@mnpddh/shared';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { ApiError } from '../api';
import { ErrorSummary } from '../forms/error-summary';
import { errorsFrom, noErrors, type FormErrors } from '../forms/form-errors';
import { format, formatDateTime } from '../format';
import { useStaffT } from '../i18n/use-staff-t';
import type { CustodianApi } from './custodians-api';
import { RotationProgress } from './escrow-requests';
import { useCustodiansT } from './i18n';

/** How often the progress of a rotation being completed is read again. */
const PROGRESS_POLL_MS = 2_000;

interface Props {
  operation: CustodianOperationView;
  viewerId: string;
  custodians: CustodianApi;
  /** The second step ran: its result (null when the answer was lost but the work may go on). */
  onCompleted: (result: CustodianOperationResult | null) => void;
}

/** One pending request: what, asked by whom and when; "complete" only for a second custodian who can. */
export function OperationCard({ operation, viewerId, custodians, onCompleted }: Props) {
  const t = useCustodiansT();
  const [locale] = useLocale();
  const own = operation.requestedBy.id === viewerId;
  const titleId = `operation-${operation.id}`;
  return (
    <li className={own ? 'custodian-card custodian-card--own' : 'custodian-card'} aria-labelledby={titleId}>
      <h3 id={titleId} className="custodian-card__title">
        {t.kinds[operation.kind]}
        {own ? <span className="badge badge--custodian">{t.pending.yours}</span> : null}
      </h3>
      <ul className="custodian-facts">
        <li>
          {format(t.pending.requestedBy, { name: operation.requestedBy.name })}{' '}
          <time dateTime={operation.requestedAt}>{format(t.pending.requestedAt, { date: formatDateTime(operation.requestedAt, locale) })}</time>
        </li>
        {operation.targetUser ? <li>{format(t.pending.forPerson, { name: operation.targetUser.name })}</li> : null}
        {operation.caseReference ? <li>{format(t.pending.forCase, { reference: operation.caseReference })}</li> : null}
        <li className="muted">
          <time dateTime={operation.expiresAt}>{format(t.pending.expires, { date: formatDateTime(operation.expiresAt, locale) })}</time>
        </li>
      </ul>
      {own ? (
        <p className="custodian-card__why">{t.pending.ownRequest}</p>
      ) : operation.targetUser?.id === viewerId ? (
        <p className="custodian-card__why">{t.pending.aboutYou}</p>
      ) : !operation.canComplete ? (
        <p className="custodian-card__why">{t.pending.cannot}</p>
      ) : (
        <CompleteAction operation={operation} custodians={custodians} onCompleted={onCompleted} />
      )}
    </li>
  );
}

/** "Compléter", then a confirmation, then the second step; a rotation shows its progress while it runs. */
function CompleteAction({ operation, custodians, onCompleted }: Omit<Props, 'viewerId'>) {
  const t = useCustodiansT();
  const st = useStaffT();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [progress, setProgress] = useState<EscrowRotationProgress | null>(null);
  const [lost, setLost] = useState(false);
  const rotating = operation.kind === 'rotate_escrow' && (step === 'busy' || lost);
  useRotationPolling(rotating, custodians, setProgress, lost ? () => onCompleted(null) : null);

  const complete = async () => {
    if (step === 'busy') return;
    setStep('busy');
    setErrors(noErrors);
    try {
      onCompleted(await custodians.complete(operation.id));
    } catch (error) {
      // A long rotation may outlast the browser's patience; it carries on on the server, so keep showing where it is.
      if (operation.kind === 'rotate_escrow' && error instanceof ApiError && error.code === 'NETWORK') setLost(true);
      else setErrors(errorsFrom(error, st));
      setStep('idle');
    }
  };

  const label = format(t.pending.completeLabel, { kind: t.kinds[operation.kind], name: operation.requestedBy.name });
  return (
    <div className="custodian-complete">
      <ErrorSummary errors={errors} fieldIds={{}} />
      {step === 'confirm' ? (
        <>
          <p className="custodian-card__why">{t.pending.confirmText}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={complete}>
              {t.pending.confirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep('idle')}>
              {t.pending.cancel}
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button"
          aria-label={label}
          aria-disabled={step === 'busy' || lost || undefined}
          onClick={() => step === 'idle' && !lost && setStep('confirm')}
        >
          {step === 'busy' ? t.pending.completing : t.pending.complete}
        </button>
      )}
      <div role="status">
        {lost ? <p>{t.request.rotation.stillRunning}</p> : null}
        {rotating ? <RotationProgress rotation={progress} running /> : null}
      </div>
    </div>
  );
}

/** While `on`, reads the rotation's progress every 2 s; `onFinished` (if given) once it is no longer under way. */
function useRotationPolling(on: boolean, custodians: CustodianApi, setProgress: (p: EscrowRotationProgress) => void, onFinished: (() => void) | null) {
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (!on) return;
    let live = true;
    const read = async () => {
      const progress = await custodians.rotation().catch(() => null);
      if (!live || !progress) return;
      setProgress(progress);
      if (!progress.rotating) finished.current?.();
    };
    const timer = setInterval(() => void read(), PROGRESS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [on, custodians, setProgress]);
}
