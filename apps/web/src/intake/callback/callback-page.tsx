import { SPOKEN_LANGUAGES, type Tristate } from '@mnpddh/shared';
import { PrivacyNoticeText } from '../privacy-notice-text';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocale, useT } from '../../i18n/i18n-context';
import { CallButton } from '../../ui/call-button';
import { EmergencyPhoneLink } from '../../ui/emergency-phone';
import { fill } from '../../ui/fill';
import { CheckIcon } from '../../ui/icons';
import { laterPart } from '../../ui/lazy-page';
import { onQuickExit } from '../../ui/quick-exit';
import type { Failure } from '../api/public-api';
import { serverErrors, type FieldErrors } from '../form/field-errors';
import { Checkbox, optionsOf, RadioGroup, SelectField, TextField } from '../form/fields';
import { ErrorSummary, SendFailure, Sending, useFormErrors, useRetainOnChange } from '../form/form-status';
import { tristateOptions } from '../form/options';
import { useHeadingFocus } from '../form/use-heading-focus';
import { useIntakeT } from '../i18n/catalogues';
import type { SpokenLanguage } from '../request/request-draft';
import '../intake.css';
import { ListenButton } from '../../ui/listen-button';

interface CallbackDraft {
  phone: string;
  safeTimes: string;
  language: SpokenLanguage | '';
  lifeInDanger: Tristate | '';
  consent: boolean;
}

const emptyDraft: CallbackDraft = { phone: '', safeTimes: '', language: '', lifeInDanger: '', consent: false };

/** zod, the schema and the API client: fetched at the first answer, so the form shows without them. */
const sender = laterPart(() => import('./callback-send'));

/** Kept while moving around the site, like the request form; never on the device. */
let kept: CallbackDraft | null = null;
/** One call-back request, however many times a dropped connection makes the person press "send". */
let idempotencyKey: string | null = null;

/**
 * "Être rappelé": the smallest request there is — a number, a safe time, a
 * language, consent — for someone who cannot talk now. Reachable from every
 * public page, beside the emergency number.
 */
export default function CallbackPage() {
  const t = useIntakeT();
  const site = useT();
  const c = t.callback;
  const [locale] = useLocale();
  const [draft, setDraft] = useState<CallbackDraft>(() => kept ?? emptyDraft);
  const [reference, setReference] = useState<string | null>(null);
  const heading = useHeadingFocus(reference ? 'sent' : 'form');
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const sending = useRef(false);

  useEffect(() => {
    kept = reference ? null : draft;
  }, [draft, reference]);
  useEffect(
    () =>
      onQuickExit(() => {
        kept = null;
        idempotencyKey = null;
      }),
    [],
  );

  const change = (patch: Partial<CallbackDraft>) => {
    sender.load().catch(() => undefined);
    setDraft((current) => ({ ...current, ...patch }));
  };

  const check = (api: NonNullable<ReturnType<typeof sender.ready>>) => {
    const checked = api.checkCallback(draft, locale, t);
    // "Too short" is the schema's word for an empty number too: say what to do instead.
    if (!checked.ok && checked.errors.phone && draft.phone.trim() === '') checked.errors.phone = t.errors.required;
    return checked;
  };
  useRetainOnChange(form, draft, (): FieldErrors => {
    // Errors are shown only after a check, which needed the sender: it has arrived.
    const api = sender.ready();
    if (!api) return form.errors;
    const checked = check(api);
    return checked.ok ? {} : checked.errors;
  });

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
    const api = await sender.load().catch(() => null);
    if (!api) return setFailure({ kind: 'network' });
    const checked = check(api);
    if (!checked.ok) return form.show(checked.errors);
    form.clear();
    idempotencyKey ??= api.newIdempotencyKey();
    const result = await api.publicApi.requestCallback(checked.data, idempotencyKey);
    if (result.ok) {
      idempotencyKey = null;
      setDraft(emptyDraft);
      return setReference(result.value.reference);
    }
    // A 400 created nothing: the next attempt is a new request.
    if (result.failure.kind === 'invalid') idempotencyKey = null;
    if (result.failure.kind === 'invalid' && result.failure.fields.length > 0) return form.show(serverErrors(result.failure.fields));
    setFailure(result.failure);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  if (reference) {
    return (
      <article className="form-page">
        <h1 ref={heading} tabIndex={-1} className="receipt-title">
          <CheckIcon className="receipt-title__icon" />
          <span>{c.sentTitle}</span>
        </h1>
        <p>{c.sentText}</p>
        <p>{fill(c.sentReference, { reference: <strong className="reference">{reference}</strong> })}</p>
        <p>{fill(c.sentUrgent, { phone: <EmergencyPhoneLink /> })}</p>
      </article>
    );
  }

  return (
    <article className="form-page">
      <h1 ref={heading} tabIndex={-1}>
        {c.title}
      </h1>
      <p className="lead lead--small">{c.lead}</p>
      <ListenButton step="callback" />
      <div className="urgent urgent--inline">
        <p>{c.urgent}</p>
        <CallButton template={site.layout.call} />
      </div>
      <form noValidate onSubmit={onSubmit} className="step-form">
        <div ref={form.container}>
          <TextField
            path="phone"
            label={c.phoneLabel}
            hint={c.phoneHint}
            type="tel"
            inputMode="tel"
            spellCheck={false}
            required
            value={draft.phone}
            onChange={(phone) => change({ phone })}
            error={form.errors.phone}
          />
          <TextField
            path="safeTimes"
            label={c.safeTimesLabel}
            hint={c.safeTimesHint}
            optional
            value={draft.safeTimes}
            onChange={(safeTimes) => change({ safeTimes })}
            error={form.errors.safeTimes}
          />
          <SelectField
            path="language"
            label={c.languageLabel}
            optional
            options={optionsOf(SPOKEN_LANGUAGES, t.labels.languages)}
            emptyLabel={t.request.contact.languageNone}
            value={draft.language}
            onChange={(language) => change({ language })}
            error={form.errors.language}
          />
          <RadioGroup
            path="lifeInDanger"
            label={c.dangerLegend}
            why={c.dangerWhy}
            optional
            options={tristateOptions(t)}
            value={draft.lifeInDanger}
            onChange={(lifeInDanger) => change({ lifeInDanger })}
            error={form.errors.lifeInDanger}
          />
          <Checkbox
            path="consent.processing"
            label={c.consentLabel}
            hint={c.consentHint}
            required
            checked={draft.consent}
            onChange={(consent) => change({ consent })}
            error={form.errors['consent.processing']}
          />
          {/* The same versioned notice as the full form: its version goes with the request. */}
          <details className="privacy__more">
            <summary>{t.request.privacy.fullNotice}</summary>
            <PrivacyNoticeText headingLevel="h3" />
          </details>
        </div>
        <ErrorSummary state={form} />
        <Sending active={busy} />
        {failure ? <SendFailure failure={failure} /> : null}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {c.send}
          </button>
        </div>
      </form>
    </article>
  );
}
