import type { ConsentWithdrawal, FollowUpMessage, RequestDetails } from '@mnpddh/shared';
import { useEffect, useRef, useState } from 'react';
import { CheckIcon } from '../../ui/icons';
import { onQuickExit } from '../../ui/quick-exit';
import { SiteLink } from '../../ui/site-link';
import type { FollowUpView } from '../api/follow-up-view';
import { endFollowUpInBackground, publicApi, type Result } from '../api/public-api';
import { emptyDetails, type DetailsDraft } from '../details/details-draft';
import { DetailsWizard } from '../details/details-wizard';
import { useHeadingFocus } from '../form/use-heading-focus';
import { useIntakeT } from '../i18n/catalogues';
import { UploadsSlot } from '../uploads/uploads-slot';
import { ConsentList } from './consent-list';
import { ReplyForm, WithdrawConsent } from './follow-up-actions';
import { ReceiptLogin } from './receipt-login';
import { RequestStatus, Thread } from './thread';
import '../intake.css';

type Stage = 'login' | 'open' | 'details' | 'finished';

/** Timers longer than this overflow in browsers; a session is minutes long anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * "Suivre ma demande": the receipt opens a short session (an httpOnly cookie);
 * the page then shows the status and the thread — never the request itself —
 * and lets the person reply, complete the request, withdraw consent to
 * sharing, and finish. Nothing is kept on the device; leaving the page ends
 * the session. When the session ends, what was being typed stays on screen and
 * the receipt is asked again.
 */
export default function FollowUpPage() {
  const t = useIntakeT();
  const f = t.followUp;
  const [stage, setStage] = useState<Stage>('login');
  const [view, setView] = useState<FollowUpView | null>(null);
  /** When the session ends, on this device's clock (corrected by the server's Date). */
  const [deadline, setDeadline] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [returnTo, setReturnTo] = useState<'open' | 'details'>('open');
  const [reply, setReply] = useState('');
  const [details, setDetails] = useState<DetailsDraft>(emptyDetails);
  const [detailsStep, setDetailsStep] = useState(0);
  const [detailsSent, setDetailsSent] = useState(false);
  const heading = useHeadingFocus(stage);
  const hasSession = useRef(false);

  // Leaving the page (another page of the site, "Quitter vite") ends the session.
  useEffect(() => {
    const end = () => {
      if (hasSession.current) endFollowUpInBackground();
      hasSession.current = false;
    };
    const undo = onQuickExit(end);
    return () => {
      undo();
      end();
    };
  }, []);

  const accept = (result: Result<FollowUpView>) => {
    if (result.ok) {
      hasSession.current = true;
      setView(result.value);
      setDeadline(Date.parse(result.value.expiresAt) - result.skewMs);
    }
    return result;
  };

  const sessionLost = (from: 'open' | 'details', message: string) => {
    hasSession.current = false;
    setView(null);
    setDeadline(null);
    setNotice(message);
    setReturnTo(from);
    setStage('login');
  };

  // The session closes on the server at `expiresAt`: close the thread on screen too.
  useEffect(() => {
    if (deadline === null || stage !== 'open') return;
    const timer = window.setTimeout(() => sessionLost('open', f.expired), Math.min(Math.max(deadline - Date.now(), 0), MAX_TIMER_MS));
    return () => window.clearTimeout(timer);
  }, [deadline, stage, f.expired]);

  const send = {
    message: async (body: FollowUpMessage) => accept(await publicApi.sendMessage(body)),
    withdraw: async (body: ConsentWithdrawal) => accept(await publicApi.withdrawConsent(body)),
  };

  /** The page holds the session already; when it has ended, only the receipt opens a new one. */
  const uploadSession = (renew: boolean) => Promise.resolve(!renew && hasSession.current);

  const sendDetails = async (body: RequestDetails): Promise<Result<unknown>> => {
    const result = accept(await publicApi.sendDetails(body));
    if (!result.ok && (result.failure.kind === 'unauthenticated' || result.failure.kind === 'not_found')) {
      sessionLost('details', t.details.sessionEnded);
      return { ok: false, failure: { kind: 'unauthenticated' } };
    }
    return result;
  };

  const finish = async () => {
    hasSession.current = false;
    setView(null);
    setDeadline(null);
    setReply('');
    setDetails(emptyDetails());
    setStage('finished');
    // Ended on this screen whatever the network says; the server's session also expires by itself.
    await publicApi.endFollowUp();
  };

  if (stage === 'finished') {
    return (
      <article className="form-page">
        <h1 ref={heading} tabIndex={-1}>
          {f.finishedTitle}
        </h1>
        <p>{f.finishedText}</p>
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={() => (setNotice(undefined), setStage('login'))}>
            {f.again}
          </button>
          <SiteLink to="/" className="button button--secondary">
            {t.common.backHome}
          </SiteLink>
        </div>
      </article>
    );
  }

  if (stage === 'login' || !view) {
    return (
      <article className="form-page">
        <h1 ref={heading} tabIndex={-1}>
          {f.title}
        </h1>
        <p className="lead lead--small">{f.lead}</p>
        <ReceiptLogin
          notice={notice}
          onOpened={(opened, skewMs) => {
            accept({ ok: true, value: opened, skewMs });
            setNotice(undefined);
            setStage(returnTo);
            setReturnTo('open');
          }}
        />
      </article>
    );
  }

  if (stage === 'details') {
    return (
      <article className="form-page">
        <h1 ref={heading} tabIndex={-1}>
          {f.completeTitle}
        </h1>
        <DetailsWizard
          draft={details}
          onDraftChange={setDetails}
          step={detailsStep}
          onStepChange={setDetailsStep}
          send={sendDetails}
          onSent={() => {
            setDetails(emptyDetails());
            setDetailsStep(0);
            setDetailsSent(true);
            setStage('open');
          }}
          onCancel={() => setStage('open')}
        />
      </article>
    );
  }

  return (
    <article className="form-page follow-up">
      <h1 ref={heading} tabIndex={-1}>
        {f.viewTitle}
      </h1>
      {detailsSent ? (
        <p className="success-note" role="status">
          <CheckIcon />
          <span>{f.detailsSent}</span>
        </p>
      ) : null}
      <RequestStatus view={view} />
      <Thread thread={view.thread} />
      <ReplyForm send={send} onSessionLost={() => sessionLost('open', t.details.sessionEnded)} draft={reply} onDraftChange={setReply} />
      <UploadsSlot
        session={uploadSession}
        onView={(value, skewMs) => accept({ ok: true, value, skewMs })}
        onSessionLost={() => sessionLost('open', t.details.sessionEnded)}
      />
      <section aria-labelledby="complete-title" className="follow-up-section">
        <h2 id="complete-title">{f.completeTitle}</h2>
        <p>{f.completeText}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDetailsSent(false);
            setStage('details');
          }}
        >
          {f.complete}
        </button>
      </section>
      <ConsentList consents={view.consents} withdraw={send.withdraw} onSessionLost={() => sessionLost('open', t.details.sessionEnded)} />
      <WithdrawConsent send={send} onSessionLost={() => sessionLost('open', t.details.sessionEnded)} />
      <section aria-labelledby="finish-title" className="follow-up-section follow-up-section--finish">
        <h2 id="finish-title">{f.finishTitle}</h2>
        <p className="question__hint" id="finish-hint">
          {f.finishHint}
        </p>
        <button type="button" className="button button--finish" aria-describedby="finish-hint" onClick={() => void finish()}>
          {f.finish}
        </button>
      </section>
    </article>
  );
}
