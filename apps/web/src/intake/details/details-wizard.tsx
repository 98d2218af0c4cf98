import { RequestDetails } from '@mnpddh/shared';
import { useRef, useState, type FormEvent, type JSX } from 'react';
import { useLocale } from '../../i18n/i18n-context';
import type { Failure, Result } from '../api/public-api';
import { ErrorSummary, SendFailure, Sending, useFormErrors, useRetainOnChange } from '../form/form-status';
import { Progress } from '../form/progress';
import { useHeadingFocus } from '../form/use-heading-focus';
import { errorsUnder, hasErrors, serverErrors, validate, type FieldErrors } from '../form/validate';
import { useIntakeT } from '../i18n/catalogues';
import { DETAIL_STEPS, detailStepOf, toDetailsInput, toDraftPaths, type DetailsDraft, type DetailStepName } from './details-draft';
import { HelpStep } from './help-step';
import { IncidentsStep, WhereStep } from './incidents-step';
import { OthersStep, PersonStep, WhoStep, type StepProps } from './who-steps';

const SCREENS: Record<DetailStepName, (props: StepProps) => JSX.Element> = {
  incidents: IncidentsStep,
  where: WhereStep,
  who: WhoStep,
  person: PersonStep,
  others: OthersStep,
  help: HelpStep,
};

export interface DetailsWizardProps {
  draft: DetailsDraft;
  onDraftChange: (draft: DetailsDraft) => void;
  step: number;
  onStepChange: (step: number) => void;
  /** Sends the details through follow-up; the page deals with opening (or reopening) the session. */
  send: (details: RequestDetails) => Promise<Result<unknown>>;
  onSent: () => void;
  /** "Arrêter sans envoyer". */
  onCancel: () => void;
}

/**
 * "Ajouter des détails": six short optional screens, the same in the request
 * form (right after the receipt) and in follow-up ("Compléter ma demande").
 * Each screen is checked with the shared schema before moving on; what was
 * filled in can be sent from any screen. The draft lives with the page, so a
 * failed send or an ended session loses nothing.
 */
export function DetailsWizard({ draft, onDraftChange, step, onStepChange, send, onSent, onCancel }: DetailsWizardProps) {
  const t = useIntakeT();
  const [locale] = useLocale();
  // Before useFormErrors: when errors send us to another screen, the first invalid field gets focus last.
  const heading = useHeadingFocus(`details-${step}`);
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [nothing, setNothing] = useState(false);
  const sending = useRef(false);

  const last = step === DETAIL_STEPS.length - 1;
  const current = DETAIL_STEPS[step] ?? DETAIL_STEPS[0];
  const Step = SCREENS[current.name];
  const onChange = (patch: Partial<DetailsDraft>) => {
    setNothing(false);
    onDraftChange({ ...draft, ...patch });
  };

  const check = (): { details?: RequestDetails; errors: FieldErrors } => {
    const input = toDetailsInput(draft);
    const result = validate(RequestDetails, input, locale, t);
    return result.ok ? { details: result.data, errors: {} } : { errors: toDraftPaths(result.errors, draft) };
  };

  useRetainOnChange(form, draft, () => check().errors);

  /** Errors on another screen: go there and show them. */
  const showErrors = (errors: FieldErrors) => {
    const first = Object.keys(errors)[0] ?? '';
    const target = detailStepOf(first);
    if (target !== step) onStepChange(target);
    form.show(errors);
  };

  const next = () => {
    const errors = errorsUnder(check().errors, current.paths);
    if (hasErrors(errors)) return form.show(errors);
    form.clear();
    setFailure(null);
    onStepChange(step + 1);
  };

  const submit = async () => {
    if (sending.current) return;
    const { details, errors } = check();
    if (!details) return showErrors(errors);
    form.clear();
    if (Object.keys(details).length === 0) return setNothing(true);
    sending.current = true;
    setBusy(true);
    setFailure(null);
    const result = await send(details);
    sending.current = false;
    setBusy(false);
    if (result.ok) return onSent();
    if (result.failure.kind === 'invalid' && result.failure.fields.length > 0) {
      return showErrors(toDraftPaths(serverErrors(result.failure.fields), draft));
    }
    // An ended session is the page's business (it asks for the receipt again).
    if (result.failure.kind !== 'unauthenticated') setFailure(result.failure);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (last) void submit();
    else next();
  };

  return (
    <form noValidate onSubmit={onSubmit} className="step-form">
      <Progress current={step} total={DETAIL_STEPS.length} />
      <h2 ref={heading} tabIndex={-1} className="step-title">
        {t.details.stepTitles[current.name]}
      </h2>
      {step === 0 ? <p className="lead lead--small">{t.details.lead}</p> : null}
      <div ref={form.container}>
        <Step draft={draft} onChange={onChange} errors={form.errors} />
      </div>
      <ErrorSummary state={form} />
      {nothing ? (
        <p className="form-status__errors" role="alert">
          {t.details.nothingToSend}
        </p>
      ) : null}
      <Sending active={busy} />
      {failure ? <SendFailure failure={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {last ? t.details.sendAll : t.common.next}
        </button>
        {step > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => (form.clear(), onStepChange(step - 1))}>
            {t.common.back}
          </button>
        ) : null}
      </div>
      <div className="form-aside">
        {!last ? (
          <>
            <p className="question__hint">{t.details.sendNowHint}</p>
            <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void submit()}>
              {t.details.sendNow}
            </button>
          </>
        ) : null}
        <button type="button" className="link-button" onClick={onCancel}>
          {t.details.cancel}
        </button>
      </div>
    </form>
  );
}
