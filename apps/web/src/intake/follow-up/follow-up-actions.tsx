import { ConsentWithdrawal, FollowUpMessage } from '@mnpddh/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { CheckIcon } from '../../ui/icons';
import type { FollowUpView } from '../api/follow-up-view';
import type { Failure, Result } from '../api/public-api';
import { TextField } from '../form/fields';
import { ErrorSummary, SendFailure, Sending, useFormErrors, useRetainOnChange } from '../form/form-status';
import { useFocusLater } from '../form/use-focus-later';
import { serverErrors, validate } from '../form/validate';
import { useIntakeT } from '../i18n/catalogues';

/** One send with its busy flag, failure and "sent" note; an ended session is handed to the page. */
function useSend(onSessionLost: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const sending = useRef(false);
  const run = async (call: () => Promise<Result<FollowUpView>>, onOk: () => void) => {
    if (sending.current) return null;
    sending.current = true;
    setBusy(true);
    setFailure(null);
    setDone(false);
    const result = await call();
    sending.current = false;
    setBusy(false);
    if (result.ok) {
      setDone(true);
      onOk();
      return null;
    }
    if (result.failure.kind === 'unauthenticated' || result.failure.kind === 'not_found') {
      onSessionLost();
      return null;
    }
    if (result.failure.kind === 'invalid' && result.failure.fields.length > 0) return result.failure.fields;
    setFailure(result.failure);
    return null;
  };
  return { busy, failure, done, run };
}

interface ActionProps {
  send: {
    message: (body: FollowUpMessage) => Promise<Result<FollowUpView>>;
    withdraw: (body: ConsentWithdrawal) => Promise<Result<FollowUpView>>;
  };
  onSessionLost: () => void;
}

/** The reply box. Its text lives with the page, so an ended session or a dropped connection loses nothing. */
export function ReplyForm({ send, onSessionLost, draft, onDraftChange }: ActionProps & { draft: string; onDraftChange: (text: string) => void }) {
  const t = useIntakeT();
  const f = t.followUp;
  const [locale] = useLocale();
  const form = useFormErrors();
  const { busy, failure, done, run } = useSend(onSessionLost);
  useRetainOnChange(form, draft, () => {
    const checked = validate(FollowUpMessage, { body: draft }, locale, t);
    return checked.ok ? {} : checked.errors;
  });

  const submit = async () => {
    const checked = validate(FollowUpMessage, { body: draft }, locale, t);
    if (!checked.ok) return form.show(checked.errors);
    form.clear();
    const fields = await run(
      () => send.message(checked.data),
      () => onDraftChange(''),
    );
    if (fields) form.show(serverErrors(fields));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <section aria-labelledby="reply-title">
      <h2 id="reply-title">{f.replyTitle}</h2>
      <form noValidate onSubmit={onSubmit} className="step-form">
        <div ref={form.container}>
          <TextField path="body" label={f.replyLabel} hint={f.replyHint} rows={5} required value={draft} onChange={onDraftChange} error={form.errors.body} />
        </div>
        <ErrorSummary state={form} />
        <Sending active={busy} />
        {failure ? <SendFailure failure={failure} /> : null}
        <p className="sent-note" role="status">
          {done ? (
            <>
              <CheckIcon /> <span>{f.replySent}</span>
            </>
          ) : null}
        </p>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {f.replySend}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Retirer mon accord de partage": asked once more before it is sent; a short note is optional. */
export function WithdrawConsent({ send, onSessionLost }: ActionProps) {
  const t = useIntakeT();
  const f = t.followUp;
  const [locale] = useLocale();
  const form = useFormErrors();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const { busy, failure, done, run } = useSend(onSessionLost);
  const focusLater = useFocusLater();
  const ask = (on: boolean) => {
    setAsking(on);
    focusLater(on ? 'withdraw-ask' : 'withdraw-open');
  };

  const submit = async () => {
    const input = note.trim() ? { sharingWithPartners: false, note } : { sharingWithPartners: false };
    const checked = validate(ConsentWithdrawal, input, locale, t);
    if (!checked.ok) return form.show(checked.errors);
    form.clear();
    const fields = await run(
      () => send.withdraw(checked.data),
      () => {
        setAsking(false);
        setNote('');
        focusLater('withdraw-done');
      },
    );
    if (fields) form.show(serverErrors(fields));
  };

  return (
    <section aria-labelledby="withdraw-title" className="follow-up-section">
      <h2 id="withdraw-title">{f.withdrawTitle}</h2>
      <p>{f.withdrawText}</p>
      <p id="withdraw-done" tabIndex={-1} className="sent-note" role="status">
        {done ? (
          <>
            <CheckIcon /> <span>{f.withdrawn}</span>
          </>
        ) : null}
      </p>
      {done ? null : asking ? (
        <div className="confirm-box" ref={form.container}>
          <p id="withdraw-ask" tabIndex={-1}>
            <strong>{f.withdrawAsk}</strong>
          </p>
          <TextField path="note" label={f.withdrawNoteLabel} optional rows={2} value={note} onChange={setNote} error={form.errors.note} />
          <ErrorSummary state={form} />
          <Sending active={busy} />
          {failure ? <SendFailure failure={failure} /> : null}
          <div className="form-actions">
            <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void submit()}>
              {f.withdrawConfirm}
            </button>
            <button type="button" className="button button--secondary" onClick={() => ask(false)}>
              {f.withdrawCancel}
            </button>
          </div>
        </div>
      ) : (
        <button id="withdraw-open" type="button" className="button button--secondary" onClick={() => ask(true)}>
          {f.withdraw}
        </button>
      )}
    </section>
  );
}
