import { CONTACT_METHODS, EMERGENCY_PHONE, EMERGENCY_PHONE_HREF, SPOKEN_LANGUAGES, type SubmissionReceipt } from '@mnpddh/shared';
import { checkField, choiceField, errorSummary, formBasics, notice, textField, type FieldErrors } from './fields.js';
import { html, type Html } from './html.js';
import type { PlainContext } from './plain-context.js';
import { REQUEST_STEPS, type PlainDraft } from './request-draft.js';
import { listen } from './spoken-help.js';

export interface StepView {
  readonly step: number;
  readonly draft: PlainDraft;
  readonly sealed: string;
  readonly errors: FieldErrors;
  readonly message?: string | undefined;
}

function tristate(context: PlainContext) {
  const labels = context.form.labels.tristate;
  return [
    ['yes', labels.yes],
    ['no', labels.no],
    ['unknown', labels.unknown],
  ] as const;
}

function nowStep(context: PlainContext, { draft, errors }: StepView): Html {
  const t = context.form.request.now;
  return html`${textField(context, { path: 'summary', label: t.summaryLabel, hint: t.summaryHint, value: draft.summary, rows: 6, errors })}
<h3>${t.rightNowTitle}</h3>
${choiceField(context, { path: 'rightNow.detainedOrMissing', label: t.detainedLabel, options: tristate(context), chosen: [draft.detainedOrMissing], errors })}
${choiceField(context, { path: 'rightNow.lifeInDanger', label: t.dangerLabel, options: tristate(context), chosen: [draft.lifeInDanger], errors })}`;
}

function contactStep(context: PlainContext, { draft, errors }: StepView): Html {
  const t = context.form.request.contact;
  const labels = context.form.labels;
  return html`${choiceField(context, {
    path: 'contact.methods',
    label: t.methodsLegend,
    hint: t.methodsHint,
    multiple: true,
    errors,
    chosen: draft.methods,
    options: CONTACT_METHODS.map((m) => [m, labels.contactMethods[m]] as const),
  })}
${textField(context, { path: 'contact.phone', label: t.phoneLabel, hint: t.phoneHint, type: 'tel', value: draft.phone, optional: true, errors })}
${textField(context, { path: 'contact.email', label: t.emailLabel, type: 'email', value: draft.email, optional: true, errors })}
${textField(context, { path: 'contact.trustedPerson', label: t.trustedLabel, hint: t.trustedHint, value: draft.trustedPerson, optional: true, errors })}
${textField(context, { path: 'contact.safeTimes', label: t.safeTimesLabel, hint: t.safeTimesHint, value: draft.safeTimes, optional: true, errors })}
${choiceField(context, { path: 'contact.mayLeaveMessage', label: t.messageLegend, hint: t.messageHint, options: tristate(context), chosen: [draft.mayLeaveMessage], optional: true, errors })}
${choiceField(context, {
  path: 'contact.callbackLanguage',
  label: t.languageLabel,
  hint: t.languageHint,
  optional: true,
  errors,
  chosen: [draft.callbackLanguage],
  options: [['', t.languageNone] as const, ...SPOKEN_LANGUAGES.map((l) => [l, labels.languages[l]] as const)],
})}`;
}

function consentStep(context: PlainContext, { draft, errors }: StepView): Html {
  const t = context.form.request.consent;
  const p = context.form.request.privacy;
  const labels = context.form.labels;
  const none = context.plain.reviewNone;
  const urgent = draft.detainedOrMissing === 'yes' || draft.lifeInDanger === 'yes';
  const methods = draft.methods.map((m) => labels.contactMethods[m as (typeof CONTACT_METHODS)[number]] ?? m).join(', ');
  return html`<h3>${t.reviewTitle}</h3>
<dl class="review">
<dt>${t.reviewSummary}</dt><dd>${draft.summary || none}</dd>
<dt>${t.reviewRightNow}</dt><dd>${urgent ? t.urgentYes : t.urgentNo}</dd>
<dt>${t.reviewContact}</dt><dd>${methods || none}</dd>
</dl>
<h3>${p.title}</h3>
<p>${p.intro}</p>
<ul>${p.items.map((item) => html`<li>${item}</li>`)}</ul>
<p>${context.format(p.rights, { phone: EMERGENCY_PHONE })}</p>
<p><a href="${context.href('/aide')}">${p.fullNotice}</a></p>
<h3>${t.consentTitle}</h3>
${checkField(context, { path: 'consent.processing', label: t.processingLabel, checked: draft.consentProcessing, errors })}
${checkField(context, { path: 'consent.sharingWithPartners', label: t.sharingLabel, hint: t.sharingHint, checked: draft.consentSharing, errors })}`;
}

const STEP_BODIES = [nowStep, contactStep, consentStep];

/** One page of the request: the step's questions, the error summary, "Continuer"/"Retour" or "Envoyer maintenant". */
export function requestStepPage(context: PlainContext, view: StepView): Html {
  const t = context.form;
  const { step } = view;
  const last = step === REQUEST_STEPS.length - 1;
  return html`<article class="form-page">
<h1>${t.request.title}</h1>
${step === 0 ? listen(context, 'request-first-step') : ''}
${step === 0 ? html`<div class="form-intro"><p class="lead lead--small">${t.request.lead}</p><ul class="form-intro__notes"><li>${t.request.sendNowCompleteLater}</li><li><strong>${t.request.noCard}</strong></li></ul></div>` : ''}
${notice(view.message, 'error')}
${errorSummary(context, view.errors)}
<form method="post" action="${context.href('/demande')}" class="step-form" novalidate>
${formBasics(context)}
<input type="hidden" name="_draft" value="${view.sealed}">
<input type="hidden" name="_step" value="${step}">
<p class="progress">${context.format(t.common.stepOf, { current: step + 1, total: REQUEST_STEPS.length })}</p>
<h2 class="step-title">${t.request.stepTitles[step]}</h2>
${STEP_BODIES[step]?.(context, view)}
<div class="form-actions">
<button type="submit" name="_go" value="${last ? 'send' : 'next'}" class="${last ? 'button button--send' : 'button'}">${last ? t.request.consent.send : t.common.next}</button>
${step > 0 ? html`<button type="submit" name="_go" value="back" class="button button--secondary">${t.common.back}</button>` : ''}
</div>
${last ? html`<p class="question__hint form-hint">${t.request.consent.sendHint}</p>` : ''}
</form>
</article>`;
}

/** The receipt, on its own page (served no-store, like every page): shown once, grouped by four. */
export function receiptPage(context: PlainContext, submitted: SubmissionReceipt): Html {
  const t = context.form.receipt;
  const grouped = submitted.receipt.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
  return html`<article class="form-page">
<h1>${t.title}</h1>
${listen(context, 'receipt')}
${
  submitted.urgent
    ? html`<div class="urgent"><h2>${t.urgentTitle}</h2><p>${t.urgentText}</p><p>${t.urgentCall}</p><p><a class="button button--call" href="${EMERGENCY_PHONE_HREF}">${EMERGENCY_PHONE}</a></p></div>`
    : html`<p>${t.ordinaryText}</p><p>${context.format(t.ordinaryCall, { phone: EMERGENCY_PHONE })}</p>`
}
<h2>${t.receiptTitle}</h2>
<p>${t.receiptLabel}</p>
<p class="receipt-code" id="receipt"><strong>${grouped}</strong></p>
<ul>${t.receiptHelp.map((line) => html`<li>${line}</li>`)}</ul>
<p>${context.format(t.receiptLost, { phone: EMERGENCY_PHONE })}</p>
<p>${t.referenceLabel} <strong id="reference">${submitted.reference}</strong></p>
<p>${t.referenceHelp}</p>
<h2>${t.completeTitle}</h2>
<p>${t.completeText}</p>
<p>${context.plain.followUpAfterReceipt}</p>
<p><a class="button" href="${context.href('/suivi')}">${context.site.nav.followUp}</a></p>
</article>`;
}
