import type { SubmissionReceipt } from '@mnpddh/shared';
import { useEffect, useState, type RefObject } from 'react';
import { useT } from '../../i18n/i18n-context';
import { CallButton } from '../../ui/call-button';
import { EmergencyPhoneLink } from '../../ui/emergency-phone';
import { fill } from '../../ui/fill';
import { CheckIcon } from '../../ui/icons';
import { SiteLink } from '../../ui/site-link';
import { Checkbox } from '../form/fields';
import { useIntakeT } from '../i18n/catalogues';
import { UploadsSlot } from '../uploads/uploads-slot';
import { ListenButton } from '../../ui/listen-button';

/** The receipt's digits in groups of four (whatever separators the server used). */
export function receiptGroups(receipt: string): string[] {
  return receipt.replace(/\D/g, '').match(/.{1,4}/g) ?? [];
}

/** Shown large, grouped by four; a screen reader spells it digit by digit, group by group. */
export function ReceiptCode({ receipt }: { receipt: string }) {
  const groups = receiptGroups(receipt);
  return (
    <p className="receipt-code">
      <span className="receipt-code__digits" aria-hidden="true">
        {groups.map((group, index) => (
          <span key={index} className="receipt-code__group">
            {group}
          </span>
        ))}
      </span>
      <span className="visually-hidden">{groups.map((group) => group.split('').join(' ')).join(', ')}</span>
    </p>
  );
}

interface ReceiptScreenProps {
  submitted: SubmissionReceipt;
  heading: RefObject<HTMLHeadingElement | null>;
  onComplete: () => void;
  onFinish: () => void;
  /** Opens (or, with `renew`, reopens) a follow-up session with this receipt, for files and voice. */
  uploadSession: (renew: boolean) => Promise<boolean>;
}

/**
 * The only time the receipt is shown. Plain words on what it is (the only
 * key), how to keep it (on paper, hidden), and what happens next — with the
 * emergency number first when the request is urgent.
 */
export function ReceiptScreen({ submitted, heading, onComplete, onFinish, uploadSession }: ReceiptScreenProps) {
  const t = useIntakeT();
  const site = useT();
  const r = t.receipt;
  const [noted, setNoted] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  // After the error is on screen, so that it is read with the checkbox.
  useEffect(() => {
    if (attempt > 0) document.getElementById('f-receipt-noted')?.focus();
  }, [attempt]);

  const leave = (next: () => void) => {
    if (noted) return next();
    setError(r.notedError);
    setAttempt((n) => n + 1);
  };

  return (
    <article className="form-page">
      <h1 ref={heading} tabIndex={-1} className="receipt-title">
        <CheckIcon className="receipt-title__icon" />
        <span>{r.title}</span>
      </h1>
      <ListenButton step="receipt" />

      {submitted.urgent ? (
        <section className="urgent" aria-labelledby="receipt-urgent">
          <h2 id="receipt-urgent">{r.urgentTitle}</h2>
          <p>{r.urgentText}</p>
          <p>{r.urgentCall}</p>
          <CallButton template={site.layout.call} />
        </section>
      ) : (
        <div className="next-steps">
          <p>{r.ordinaryText}</p>
          <p>{fill(r.ordinaryCall, { phone: <EmergencyPhoneLink /> })}</p>
        </div>
      )}

      <section className="receipt" aria-labelledby="receipt-label">
        <h2 id="receipt-label" className="receipt__label">
          {r.receiptLabel}
        </h2>
        <ReceiptCode receipt={submitted.receipt} />
        <ul className="receipt__help">
          {r.receiptHelp.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="receipt__lost">{fill(r.receiptLost, { phone: <EmergencyPhoneLink /> })}</p>
        <p className="receipt__reference">
          {r.referenceLabel} <strong className="reference">{submitted.reference}</strong>
        </p>
        <p className="question__hint">{r.referenceHelp}</p>
        <Checkbox
          path="receipt.noted"
          label={<strong>{r.notedLabel}</strong>}
          checked={noted}
          onChange={(checked) => {
            setNoted(checked);
            if (checked) setError(undefined);
          }}
          error={error}
        />
      </section>

      <UploadsSlot session={uploadSession} />

      <section className="complete-offer" aria-labelledby="complete-title">
        <h2 id="complete-title">{r.completeTitle}</h2>
        <p>{r.completeText}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => leave(onComplete)}>
            {r.complete}
          </button>
          <button type="button" className="button button--secondary" onClick={() => leave(onFinish)}>
            {r.finish}
          </button>
        </div>
      </section>
    </article>
  );
}

/** After "Terminer": the request is in, the receipt is no longer on screen or in memory. */
export function DoneScreen({ heading, detailsSent }: { heading: RefObject<HTMLHeadingElement | null>; detailsSent: boolean }) {
  const t = useIntakeT();
  const d = t.done;
  return (
    <article className="form-page">
      <h1 ref={heading} tabIndex={-1}>
        {d.title}
      </h1>
      {detailsSent ? (
        <p className="success-note">
          <CheckIcon />
          <span>{t.details.sentTitle}</span>
        </p>
      ) : null}
      <p>{d.text}</p>
      <p>{fill(d.followUp, { link: <SiteLink to="/suivi">{d.followUpLink}</SiteLink> })}</p>
      <p className="note">{d.safety}</p>
      <p>
        <SiteLink to="/" className="button button--secondary">
          {t.common.backHome}
        </SiteLink>
      </p>
    </article>
  );
}
