import { CONTACT_METHODS, Tristate } from '@mnpddh/shared';
import { Checkbox, Field } from '../forms/field';
import { CheckboxGroup, RadioGroup, SelectField } from './choices';
import { errorAt } from './field-ids';
import { optionsOf, useOptions } from './options';
import type { SectionProps } from './section-props';
import { useAssistedT } from './strings';

const PHONE_METHODS = new Set(['phone', 'signal', 'whatsapp']);

/** How to reach the person without putting them at risk; the details show for the methods chosen. */
export function ContactSection({ draft, patch, errors }: SectionProps) {
  const t = useAssistedT();
  const c = t.contact;
  const languages = useOptions('language');
  const usesPhone = draft.methods.some((method) => PHONE_METHODS.has(method));
  const reachable = draft.methods.length > 0 && !draft.methods.includes('no_contact');
  return (
    <section className="form-section" aria-labelledby="ai-contact-title">
      <h2 id="ai-contact-title">{c.title}</h2>
      <CheckboxGroup
        id="ai-methods"
        legend={`${c.methods} ${t.required}`}
        hint={c.methodsHint}
        options={optionsOf(CONTACT_METHODS, c.options)}
        values={draft.methods}
        onChange={(methods) => patch({ methods })}
        error={errorAt(errors, 'request.contact.methods')}
      />
      {usesPhone || errors['request.contact.phone'] ? (
        <Field
          id="ai-phone"
          label={c.phone}
          hint={c.phoneHint}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={draft.phone}
          onChange={(event) => patch({ phone: event.target.value })}
          error={errors['request.contact.phone']}
        />
      ) : null}
      {draft.methods.includes('email') || errors['request.contact.email'] ? (
        <Field
          id="ai-email"
          label={c.email}
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(event) => patch({ email: event.target.value })}
          error={errors['request.contact.email']}
        />
      ) : null}
      {draft.methods.includes('trusted_person') || errors['request.contact.trustedPerson'] ? (
        <Field
          id="ai-trusted-person"
          label={c.trustedPerson}
          autoComplete="off"
          value={draft.trustedPerson}
          onChange={(event) => patch({ trustedPerson: event.target.value })}
          error={errors['request.contact.trustedPerson']}
        />
      ) : null}
      {reachable ? (
        <>
          <div className="form-section__pair">
            <Field
              id="ai-safe-times"
              label={`${c.safeTimes} ${t.optional}`}
              autoComplete="off"
              value={draft.safeTimes}
              onChange={(event) => patch({ safeTimes: event.target.value })}
              error={errors['request.contact.safeTimes']}
            />
            <SelectField
              id="ai-callback-language"
              label={`${c.callbackLanguage} ${t.optional}`}
              emptyLabel={t.choose}
              options={languages}
              value={draft.callbackLanguage}
              onChange={(event) => patch({ callbackLanguage: event.target.value })}
              error={errors['request.contact.callbackLanguage']}
            />
          </div>
          <RadioGroup
            id="ai-leave-message"
            legend={`${c.mayLeaveMessage} ${t.optional}`}
            options={optionsOf(Tristate.options, t.tristate)}
            inline
            value={draft.mayLeaveMessage}
            onChange={(mayLeaveMessage) => patch({ mayLeaveMessage })}
            error={errors['request.contact.mayLeaveMessage']}
          />
        </>
      ) : null}
    </section>
  );
}

/** The consent the person gave, as told to the caseworker. */
export function ConsentSection({ draft, patch, errors }: SectionProps) {
  const t = useAssistedT();
  const c = t.consent;
  const error = errors['request.consent.processing'];
  return (
    <section className="form-section" aria-labelledby="ai-consent-title">
      <h2 id="ai-consent-title">{c.title}</h2>
      <div className={error ? 'field field--error' : 'field'}>
        {error ? (
          <p id="ai-consent-error" className="field__error">
            {error}
          </p>
        ) : null}
        <Checkbox
          id="ai-consent"
          label={`${c.processing} ${t.required}`}
          hint={c.processingHint}
          autoComplete="off"
          checked={draft.consentProcessing}
          onChange={(event) => patch({ consentProcessing: event.target.checked })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ai-consent-error ai-consent-hint' : 'ai-consent-hint'}
        />
      </div>
      <Checkbox
        id="ai-sharing"
        label={c.sharing}
        hint={c.sharingHint}
        autoComplete="off"
        checked={draft.sharingWithPartners}
        onChange={(event) => patch({ sharingWithPartners: event.target.checked })}
      />
    </section>
  );
}
