import { CONTACT_METHODS, needsPhone, reachable, SPOKEN_LANGUAGES } from '@mnpddh/shared';
import { CallButton } from '../../ui/call-button';
import { useT } from '../../i18n/i18n-context';
import { CheckboxGroup, optionsOf, RadioGroup, SelectField, TextField } from '../form/fields';
import { tristateOptions, type Patch } from '../form/options';
import type { FieldErrors } from '../form/validate';
import { useIntakeT } from '../i18n/catalogues';
import type { ContactMethod, FirstStepDraft } from './request-draft';

export interface FirstStepProps {
  draft: FirstStepDraft;
  onChange: Patch<FirstStepDraft>;
  errors: FieldErrors;
}

export const isUrgentDraft = (draft: FirstStepDraft) => draft.detainedOrMissing === 'yes' || draft.lifeInDanger === 'yes';

/** Screen 1: what is happening, in the person's words, and the two questions that set the urgent procedure. */
export function NowStep({ draft, onChange, errors }: FirstStepProps) {
  const t = useIntakeT();
  const site = useT();
  const n = t.request.now;
  return (
    <>
      <TextField
        path="summary"
        label={n.summaryLabel}
        hint={n.summaryHint}
        why={n.summaryWhy}
        required
        rows={7}
        value={draft.summary}
        onChange={(summary) => onChange({ summary })}
        error={errors.summary}
      />
      <fieldset className="subsection">
        <legend className="subsection__title">{n.rightNowTitle}</legend>
        <p className="question__why question__why--block">
          {t.common.why} {n.rightNowWhy}
        </p>
        <RadioGroup
          path="rightNow.detainedOrMissing"
          label={n.detainedLabel}
          required
          options={tristateOptions(t)}
          value={draft.detainedOrMissing}
          onChange={(detainedOrMissing) => onChange({ detainedOrMissing })}
          error={errors['rightNow.detainedOrMissing']}
        />
        <RadioGroup
          path="rightNow.lifeInDanger"
          label={n.dangerLabel}
          required
          options={tristateOptions(t)}
          value={draft.lifeInDanger}
          onChange={(lifeInDanger) => onChange({ lifeInDanger })}
          error={errors['rightNow.lifeInDanger']}
        />
      </fieldset>
      {/* Appears as soon as either answer is "Oui": the phone is faster than any form. */}
      <div aria-live="polite">
        {isUrgentDraft(draft) ? (
          <section className="urgent urgent--inline" aria-labelledby="urgent-now-title">
            <h3 id="urgent-now-title">{n.urgentTitle}</h3>
            <p>{n.urgentText}</p>
            <CallButton template={site.layout.call} />
          </section>
        ) : null}
      </div>
    </>
  );
}

/**
 * "Ne pas me contacter" cannot go with another way (the schema refuses it):
 * choosing it clears the others, choosing another clears it.
 */
function exclusiveMethods(previous: readonly ContactMethod[], next: ContactMethod[]): ContactMethod[] {
  const added = next.find((method) => !previous.includes(method));
  if (added === 'no_contact') return ['no_contact'];
  if (added) return next.filter((method) => method !== 'no_contact');
  return next;
}

/** Screen 2: how to reach the person safely, or not at all. */
export function ContactStep({ draft, onChange, errors }: FirstStepProps) {
  const t = useIntakeT();
  const c = t.request.contact;
  const methods = draft.methods;
  return (
    <>
      <CheckboxGroup
        path="contact.methods"
        label={c.methodsLegend}
        hint={c.methodsHint}
        why={c.methodsWhy}
        required
        options={optionsOf(CONTACT_METHODS, t.labels.contactMethods)}
        values={methods}
        onChange={(next) => onChange({ methods: exclusiveMethods(methods, next) })}
        error={errors['contact.methods']}
      />
      <div aria-live="polite">{methods.includes('no_contact') ? <p className="note">{c.noContactHint}</p> : null}</div>
      {needsPhone(methods) ? (
        <TextField
          path="contact.phone"
          label={c.phoneLabel}
          hint={c.phoneHint}
          type="tel"
          inputMode="tel"
          spellCheck={false}
          required
          value={draft.phone}
          onChange={(phone) => onChange({ phone })}
          error={errors['contact.phone']}
        />
      ) : null}
      {methods.includes('email') ? (
        <TextField
          path="contact.email"
          label={c.emailLabel}
          type="email"
          inputMode="email"
          spellCheck={false}
          required
          value={draft.email}
          onChange={(email) => onChange({ email })}
          error={errors['contact.email']}
        />
      ) : null}
      {methods.includes('trusted_person') ? (
        <TextField
          path="contact.trustedPerson"
          label={c.trustedLabel}
          hint={c.trustedHint}
          spellCheck={false}
          required
          value={draft.trustedPerson}
          onChange={(trustedPerson) => onChange({ trustedPerson })}
          error={errors['contact.trustedPerson']}
        />
      ) : null}
      {reachable(methods) ? (
        <>
          <TextField
            path="contact.safeTimes"
            label={c.safeTimesLabel}
            hint={c.safeTimesHint}
            optional
            value={draft.safeTimes}
            onChange={(safeTimes) => onChange({ safeTimes })}
            error={errors['contact.safeTimes']}
          />
          <RadioGroup
            path="contact.mayLeaveMessage"
            label={c.messageLegend}
            hint={c.messageHint}
            optional
            options={tristateOptions(t)}
            value={draft.mayLeaveMessage}
            onChange={(mayLeaveMessage) => onChange({ mayLeaveMessage })}
            error={errors['contact.mayLeaveMessage']}
          />
          <SelectField
            path="contact.callbackLanguage"
            label={c.languageLabel}
            hint={c.languageHint}
            optional
            options={optionsOf(SPOKEN_LANGUAGES, t.labels.languages)}
            emptyLabel={c.languageNone}
            value={draft.callbackLanguage}
            onChange={(callbackLanguage) => onChange({ callbackLanguage })}
            error={errors['contact.callbackLanguage']}
          />
        </>
      ) : null}
    </>
  );
}
