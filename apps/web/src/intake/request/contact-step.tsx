import { CONTACT_METHODS, needsPhone, reachable, SPOKEN_LANGUAGES } from '@mnpddh/shared';
import { CheckboxGroup, optionsOf, RadioGroup, SelectField, TextField } from '../form/fields';
import { tristateOptions } from '../form/options';
import { useIntakeT } from '../i18n/catalogues';
import type { FirstStepProps } from './now-step';
import type { ContactMethod } from './request-draft';

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
