import { ProtectionRequest, toRequestInput, type RequestDetails } from '@mnpddh/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import { InfoIcon } from '../../ui/icons';
import { onQuickExit } from '../../ui/quick-exit';
import { endFollowUpInBackground, newIdempotencyKey, publicApi, type Failure, type Result } from '../api/public-api';
import { DetailsWizard } from '../details/details-wizard';
import { ErrorSummary, SendFailure, Sending, useFormErrors, useRetainOnChange } from '../form/form-status';
import { Progress } from '../form/progress';
import { useHeadingFocus } from '../form/use-heading-focus';
import { errorsUnder, hasErrors, serverErrors, validate, type FieldErrors } from '../form/validate';
import { useIntakeT } from '../i18n/catalogues';
import { ConsentStep } from './consent-step';
import { ContactStep, NowStep } from './first-steps';
import { DoneScreen, ReceiptScreen } from './receipt-screen';
import { FIRST_STEPS, firstStepOf, requestMemory, type RequestMemory, type Stage } from './request-draft';
import '../intake.css';
import { ListenButton } from '../../ui/listen-button';

const stageKey = (stage: Stage) => (stage.name === 'first' ? `first-${stage.step}` : stage.name);

/**
 * "Demander une protection": three short screens, then "Envoyer maintenant"
 * creates the request and shows the receipt; details can follow in the same
 * visit, sent through follow-up with the receipt just received. Everything
 * stays in memory (never on the device); a failed send keeps the text and
 * retries with the same Idempotency-Key.
 */
export default function RequestPage() {
  const t = useIntakeT();
  const [locale] = useLocale();
  const [memory, setMemory] = useState<RequestMemory>(requestMemory.read);
  const { stage, draft } = memory;
  const heading = useHeadingFocus(stageKey(stage));
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const sending = useRef(false);
  /** Whether this page opened a follow-up session (to send details), so "Terminer" can close it. */
  const session = useRef(false);

  useEffect(() => {
    if (stage.name === 'done') requestMemory.forget();
    else requestMemory.write(memory);
  }, [memory, stage.name]);

  useEffect(() => {
    const undo = onQuickExit(() => {
      requestMemory.forget();
      if (session.current) endFollowUpInBackground();
    });
    return () => {
      undo();
      // Leaving the page: the form stays in memory, but an open follow-up session is closed.
      if (session.current) endFollowUpInBackground();
      session.current = false;
    };
  }, []);

  const update = (patch: Partial<RequestMemory>) => setMemory((current) => ({ ...current, ...patch }));
  const goTo = (next: Stage) => {
    form.clear();
    setFailure(null);
    update({ stage: next });
  };

  const check = () => validate(ProtectionRequest, toRequestInput(draft), locale, t);
  useRetainOnChange(form, draft, () => {
    const checked = check();
    return checked.ok ? {} : checked.errors;
  });

  /** Errors found on another screen: go there, show them, focus the first. */
  const showErrors = (errors: FieldErrors) => {
    const first = Object.keys(errors)[0] ?? '';
    update({ stage: { name: 'first', step: firstStepOf(first) } });
    form.show(errors);
  };

  const submit = async () => {
    if (sending.current) return;
    const checked = check();
    if (!checked.ok) return showErrors(checked.errors);
    form.clear();
    const key = memory.idempotencyKey ?? newIdempotencyKey();
    update({ idempotencyKey: key });
    sending.current = true;
    setBusy(true);
    setFailure(null);
    const result = await publicApi.submitRequest(checked.data, key);
    sending.current = false;
    setBusy(false);
    if (result.ok) {
      setMemory((current) => ({ ...current, submitted: result.value, idempotencyKey: null, stage: { name: 'receipt' } }));
      return;
    }
    if (result.failure.kind === 'invalid') {
      // A 400 created nothing: the next attempt is a new submission.
      update({ idempotencyKey: null });
      if (result.failure.fields.length > 0) return showErrors(serverErrors(result.failure.fields));
    }
    setFailure(result.failure);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (stage.name !== 'first') return;
    if (stage.step === FIRST_STEPS.length - 1) return void submit();
    const checked = check();
    const errors = checked.ok ? {} : errorsUnder(checked.errors, FIRST_STEPS[stage.step] ?? []);
    if (hasErrors(errors)) return form.show(errors);
    goTo({ name: 'first', step: stage.step + 1 });
  };

  /** Opens follow-up with the receipt just received (once), then sends; reopens once if the short session ended. */
  const sendDetails = async (details: RequestDetails): Promise<Result<unknown>> => {
    const receipt = memory.submitted?.receipt;
    if (!receipt) return { ok: false, failure: { kind: 'server' } };
    const open = async (): Promise<Result<unknown>> => {
      const opened = await publicApi.openFollowUp(receipt);
      if (opened.ok) session.current = true;
      // The receipt was just issued: a 404 here is the server's problem, not the person's.
      return opened.ok || opened.failure.kind !== 'not_found' ? opened : { ok: false, failure: { kind: 'server' } };
    };
    if (!session.current) {
      const opened = await open();
      if (!opened.ok) return opened;
    }
    const sent = await publicApi.sendDetails(details);
    if (sent.ok || (sent.failure.kind !== 'unauthenticated' && sent.failure.kind !== 'not_found')) return sent;
    session.current = false;
    const reopened = await open();
    return reopened.ok ? publicApi.sendDetails(details) : reopened;
  };

  /** For files and voice after the receipt: one follow-up session, opened once (several uploads may ask at the same time). */
  const opening = useRef<Promise<boolean> | null>(null);
  const uploadSession = (renew: boolean): Promise<boolean> => {
    if (session.current && !renew) return Promise.resolve(true);
    const receipt = memory.submitted?.receipt;
    if (!receipt) return Promise.resolve(false);
    if (!opening.current) {
      session.current = false;
      opening.current = publicApi.openFollowUp(receipt).then((opened) => {
        opening.current = null;
        if (opened.ok) session.current = true;
        return opened.ok;
      });
    }
    return opening.current;
  };

  /** "Terminer": close the follow-up session if one was opened, and forget everything. */
  const finish = (detailsSent: boolean) => {
    if (session.current) void publicApi.endFollowUp();
    session.current = false;
    setMemory((current) => ({ ...current, stage: { name: 'done', detailsSent } }));
  };

  if (stage.name === 'receipt' && memory.submitted) {
    return (
      <ReceiptScreen
        submitted={memory.submitted}
        heading={heading}
        onComplete={() => goTo({ name: 'details', step: 0 })}
        onFinish={() => finish(false)}
        uploadSession={uploadSession}
      />
    );
  }

  if (stage.name === 'details' && memory.submitted) {
    return (
      <article className="form-page">
        <h1 ref={heading} tabIndex={-1}>
          {t.details.title}
        </h1>
        <DetailsWizard
          draft={memory.details}
          onDraftChange={(details) => update({ details })}
          step={stage.step}
          onStepChange={(step) => update({ stage: { name: 'details', step } })}
          send={sendDetails}
          onSent={() => finish(true)}
          onCancel={() => finish(false)}
        />
      </article>
    );
  }

  if (stage.name === 'done') return <DoneScreen heading={heading} detailsSent={stage.detailsSent} />;

  const step = stage.name === 'first' ? stage.step : 0;
  const last = step === FIRST_STEPS.length - 1;
  const onChange = (patch: Partial<RequestMemory['draft']>) => update({ draft: { ...draft, ...patch } });
  const stepProps = { draft, onChange, errors: form.errors };

  return (
    <article className="form-page">
      <h1>{t.request.title}</h1>
      {step === 0 ? (
        <div className="form-intro">
          <p className="lead lead--small">{t.request.lead}</p>
          <ListenButton step="request-first-step" />
          <ul className="form-intro__notes">
            <li>{t.request.sendNowCompleteLater}</li>
            <li>
              <strong>{t.request.noCard}</strong>
            </li>
            <li>{t.request.noDraft}</li>
          </ul>
        </div>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="step-form">
        <Progress current={step} total={FIRST_STEPS.length} />
        <h2 ref={heading} tabIndex={-1} className="step-title">
          {t.request.stepTitles[step]}
        </h2>
        <div ref={form.container}>
          {step === 0 ? <NowStep {...stepProps} /> : null}
          {step === 1 ? <ContactStep {...stepProps} /> : null}
          {step === 2 ? <ConsentStep {...stepProps} onEdit={(target) => goTo({ name: 'first', step: target })} /> : null}
        </div>
        <ErrorSummary state={form} />
        <Sending active={busy} />
        {failure ? <SendFailure failure={failure} /> : null}
        <div className="form-actions">
          <button type="submit" className={last ? 'button button--send' : 'button'} aria-disabled={busy || undefined}>
            {last ? (failure ? t.errors.retry : t.request.consent.send) : t.common.next}
          </button>
          {step > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => goTo({ name: 'first', step: step - 1 })}>
              {t.common.back}
            </button>
          ) : null}
        </div>
        {last ? (
          <p className="question__hint form-hint">
            <InfoIcon className="inline-icon" /> {t.request.consent.sendHint}
          </p>
        ) : null}
      </form>
    </article>
  );
}
