import { useRef, useState, type FormEvent } from 'react';
import { EmergencyPhoneLink } from '../../ui/emergency-phone';
import { fill } from '../../ui/fill';
import { InfoIcon } from '../../ui/icons';
import type { FollowUpView } from '../api/follow-up-view';
import { publicApi, type Failure } from '../api/public-api';
import { SendFailure, Sending, waitText } from '../form/form-status';
import { TextField } from '../form/fields';
import { format, useIntakeT } from '../i18n/catalogues';

/** Spaces and dashes are how people write long numbers down; the server ignores them too. */
const normalise = (typed: string) => typed.replace(/[\s-]/g, '');

interface ReceiptLoginProps {
  /** Why the receipt is asked again (the session ended), shown above the field. */
  notice?: string | undefined;
  onOpened: (view: FollowUpView, skewMs: number) => void;
}

/**
 * The receipt field: `inputmode="numeric"`, autocomplete and spellcheck off.
 * A wrong receipt gets one calm message whatever is wrong (the server answers
 * 404 the same way for all); too many tries, a request to wait.
 */
export function ReceiptLogin({ notice, onOpened }: ReceiptLoginProps) {
  const t = useIntakeT();
  const f = t.followUp;
  const [receipt, setReceipt] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const input = useRef<HTMLDivElement>(null);

  const focusField = () => window.setTimeout(() => input.current?.querySelector('input')?.focus(), 0);

  const open = async () => {
    if (sending.current) return;
    const digits = normalise(receipt);
    setFailure(null);
    if (digits === '') return (setError(f.receiptEmpty), focusField());
    if (!/^\d+$/.test(digits)) return (setError(f.receiptNotDigits), focusField());
    setError(undefined);
    sending.current = true;
    setBusy(true);
    const result = await publicApi.openFollowUp(digits);
    sending.current = false;
    setBusy(false);
    if (result.ok) {
      // The receipt leaves the page's memory as soon as it has opened the session.
      setReceipt('');
      return onOpened(result.value, result.skewMs);
    }
    const why = result.failure;
    if (why.kind === 'not_found' || why.kind === 'invalid') {
      setError(`${f.notFound} ${format(f.typedCount, { count: digits.length })}`);
      return focusField();
    }
    if (why.kind === 'rate_limited') {
      setError(why.retryAfterSeconds ? format(f.tooManyFor, { wait: waitText(why.retryAfterSeconds, t) }) : f.tooMany);
      return focusField();
    }
    setFailure(why);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void open();
  };

  return (
    <form noValidate onSubmit={onSubmit} className="step-form receipt-login">
      {notice ? (
        <p className="notice" role="status">
          <InfoIcon />
          <span>{notice}</span>
        </p>
      ) : null}
      <div ref={input}>
        <TextField
          path="receipt"
          label={f.receiptLabel}
          hint={f.receiptHint}
          inputMode="numeric"
          spellCheck={false}
          required
          className="question--receipt"
          value={receipt}
          onChange={setReceipt}
          error={error}
        />
      </div>
      <Sending active={busy} text={f.opening} />
      {failure ? <SendFailure failure={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {f.open}
        </button>
      </div>
      <p className="note">{fill(f.lost, { phone: <EmergencyPhoneLink /> })}</p>
    </form>
  );
}
