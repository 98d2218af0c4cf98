import type { RequestDetails } from '@mnpddh/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { loadFormWords } from '../../i18n/catalogues';
import { shownLocale } from '../../i18n/format';
import { useLocale } from '../../i18n/i18n-context';
import { InfoIcon } from '../../ui/icons';
import { laterPart } from '../../ui/lazy-page';
import { ListenButton } from '../../ui/listen-button';
import { onQuickExit } from '../../ui/quick-exit';
import type { Failure, Result } from '../api/public-api';
import { errorsUnder, hasErrors, serverErrors, type FieldErrors } from '../form/field-errors';
import { ErrorSummary, SendFailure, Sending, useFormErrors, useRetainOnChange } from '../form/form-status';
import { useLaterPart } from '../form/later-part';
import { Progress } from '../form/progress';
import { useHeadingFocus } from '../form/use-heading-focus';
import { useIntakeFirstT } from '../i18n/first-catalogue';
import { NowStep } from './now-step';
import { PartStatus } from './part-status';
import { FIRST_STEPS, firstStepOf, requestMemory, type RequestMemory, type Stage } from './request-draft';
import '../intake.css';

/*
 * The first screen shows with this chunk alone. The checks and the API client
 * (zod and the shared schema) and the later screens are their own chunks,
 * fetched as soon as the person starts answering, so a 2G line does not wait
 * at "Continuer" and the page's first load does not carry them.
 */
const sender = laterPart(() => import('./request-send'));
const later = laterPart(() => Promise.all([import('./later-parts'), loadFormWords(shownLocale(), true).catch(() => ({}))]).then(([screens]) => screens));

function prefetch(): void {
  sender.load().catch(() => undefined);
  later.load().catch(() => undefined);
}

const stageKey = (stage: Stage) => (stage.name === 'first' ? `first-${stage.step}` : stage.name);

/**
 * "Demander une protection": three short screens, then "Envoyer maintenant"
 * creates the request and shows the receipt; details can follow in the same
 * visit, sent through follow-up with the receipt just received. Everything
 * stays in memory (never on the device); a failed send keeps the text and
 * retries with the same Idempotency-Key.
 */
export default function RequestPage() {
  const t = useIntakeFirstT();
  const [locale] = useLocale();
  const [memory, setMemory] = useState<RequestMemory>(requestMemory.read);
  const { stage, draft } = memory;
  const laterScreens = useLaterPart(later, !(stage.name === 'first' && stage.step === 0));
  const screens = laterScreens.value;
  const waitForScreens = <PartStatus failed={laterScreens.failed} onRetry={laterScreens.retry} />;
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
      // A session is opened through the sender: it has arrived.
      if (session.current) sender.ready()?.endFollowUpInBackground();
    });
    return () => {
      undo();
      // Leaving the page: the form stays in memory, but an open follow-up session is closed.
      if (session.current) sender.ready()?.endFollowUpInBackground();
      session.current = false;
    };
  }, []);

  const update = (patch: Partial<RequestMemory>) => setMemory((current) => ({ ...current, ...patch }));
  const goTo = (next: Stage) => {
    form.clear();
    setFailure(null);
    update({ stage: next });
  };

  /** The checks and the API client; null, with the connection's failure shown, if they cannot be fetched. */
  const loadSender = async () => {
    try {
      return await sender.load();
    } catch {
      setFailure({ kind: 'network' });
      return null;
    }
  };

  useRetainOnChange(form, draft, () => {
    // Errors are shown only after a check, which needed the sender: it has arrived.
    const checks = sender.ready();
    if (!checks) return form.errors;
    const checked = checks.checkRequest(draft, locale, t);
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
    sending.current = true;
    setBusy(true);
    setFailure(null);
    await send().finally(() => {
      sending.current = false;
      setBusy(false);
    });
  };

  const send = async () => {
    const api = await loadSender();
    if (!api) return;
    const checked = api.checkRequest(draft, locale, t);
    if (!checked.ok) return showErrors(checked.errors);
    form.clear();
    const key = memory.idempotencyKey ?? api.newIdempotencyKey();
    update({ idempotencyKey: key });
    const result = await api.publicApi.submitRequest(checked.data, key);
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

  /** "Continuer": the screen's own answers checked with the shared schema. */
  const next = async (step: number) => {
    setFailure(null);
    const api = await loadSender();
    if (!api) return;
    const checked = api.checkRequest(draft, locale, t);
    const errors = checked.ok ? {} : errorsUnder(checked.errors, FIRST_STEPS[step] ?? []);
    if (hasErrors(errors)) return form.show(errors);
    goTo({ name: 'first', step: step + 1 });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (stage.name !== 'first') return;
    if (stage.step === FIRST_STEPS.length - 1) return void submit();
    void next(stage.step);
  };

  /** Opens follow-up with the receipt just received (once), then sends; reopens once if the short session ended. */
  const sendDetails = async (details: RequestDetails): Promise<Result<unknown>> => {
    const receipt = memory.submitted?.receipt;
    if (!receipt) return { ok: false, failure: { kind: 'server' } };
    const api = await loadSender();
    if (!api) return { ok: false, failure: { kind: 'network' } };
    const { publicApi } = api;
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
      opening.current = sender
        .load()
        .then((api) => api.publicApi.openFollowUp(receipt))
        .then(
          (opened) => {
            if (opened.ok) session.current = true;
            return opened.ok;
          },
          () => false,
        )
        .finally(() => {
          opening.current = null;
        });
    }
    return opening.current;
  };

  /** "Terminer": close the follow-up session if one was opened, and forget everything. */
  const finish = (detailsSent: boolean) => {
    if (session.current) void sender.ready()?.publicApi.endFollowUp();
    session.current = false;
    setMemory((current) => ({ ...current, stage: { name: 'done', detailsSent } }));
  };

  if (stage.name === 'receipt' && memory.submitted) {
    if (!screens) return waitForScreens;
    const { ReceiptScreen } = screens;
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
    if (!screens) return waitForScreens;
    const { DetailsStage } = screens;
    return (
      <DetailsStage
        heading={heading}
        draft={memory.details}
        onDraftChange={(details) => update({ details })}
        step={stage.step}
        onStepChange={(step) => update({ stage: { name: 'details', step } })}
        send={sendDetails}
        onSent={() => finish(true)}
        onCancel={() => finish(false)}
      />
    );
  }

  if (stage.name === 'done') return screens ? <screens.DoneScreen heading={heading} detailsSent={stage.detailsSent} /> : waitForScreens;

  const step = stage.name === 'first' ? stage.step : 0;
  const last = step === FIRST_STEPS.length - 1;
  const onChange = (patch: Partial<RequestMemory['draft']>) => {
    prefetch();
    update({ draft: { ...draft, ...patch } });
  };
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
          {step > 0 && !screens ? waitForScreens : null}
          {step === 1 && screens ? <screens.ContactStep {...stepProps} /> : null}
          {step === 2 && screens ? <screens.ConsentStep {...stepProps} onEdit={(target) => goTo({ name: 'first', step: target })} /> : null}
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
