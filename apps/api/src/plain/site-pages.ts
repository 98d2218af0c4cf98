import { EMERGENCY_PHONE, EMERGENCY_PHONE_HREF, SPOKEN_LANGUAGES } from '@mnpddh/shared';
import { checkField, choiceField, errorSummary, formBasics, notice, textField, type FieldErrors } from './fields.js';
import { fillHtml, html, type Html } from './html.js';
import type { PlainContext } from './plain-context.js';
import { listen } from './spoken-help.js';

const call = (context: PlainContext) =>
  html`<p><a class="button button--call" href="${EMERGENCY_PHONE_HREF}">${context.format(context.site.layout.call, { phone: EMERGENCY_PHONE })}</a></p>`;

/** Home: who we are, the emergency number first, the ways in. */
export function homePage(context: PlainContext): Html {
  const h = context.site.home;
  return html`<article>
<p class="eyebrow">${h.eyebrow}</p>
<h1>${h.title}</h1>
<p class="lead">${h.lead}</p>
${listen(context, 'home')}
<section class="urgent" aria-labelledby="urgent"><h2 id="urgent">${h.urgentTitle}</h2><p>${h.urgentText}</p>${listen(context, 'urgent-call')}${call(context)}</section>
<p><a href="${context.href('/rappel')}">${context.site.layout.callBack}</a></p>
<h2>${h.actionsTitle}</h2>
<ul class="actions">
<li><a href="${context.href('/demande')}"><strong>${context.site.nav.request}</strong></a> — ${h.requestText}</li>
<li><a href="${context.href('/suivi')}"><strong>${context.site.nav.followUp}</strong></a> — ${h.followUpText}</li>
</ul>
<h2>${h.whoTitle}</h2>
${h.who.map((p) => html`<p>${p}</p>`)}
<p><strong>${h.noCard}</strong></p>
<h2>${h.protectTitle}</h2>
<ul>${h.protect.map((p) => html`<li>${p}</li>`)}</ul>
<p>${h.protectLimits} <a href="${context.href('/aide')}">${context.site.nav.help}</a></p>
</article>`;
}

/** Help and safety: what the site protects and cannot, Tor Browser, data-saver browsers, quick exit. */
export function helpPage(context: PlainContext): Html {
  const h = context.site.help;
  const section = (title: string, lines: readonly string[]) => html`<h2>${title}</h2><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
  return html`<article>
<h1>${h.title}</h1>
<p class="lead">${h.lead}</p>
${section(h.protectsTitle, h.protects)}
${section(h.limitsTitle, h.limits)}
${section(h.torTitle, h.tor)}
${section(h.dataSaverTitle, h.dataSaver)}
${section(h.exitTitle, h.exit)}
${section(h.draftTitle, h.draft)}
</article>`;
}

export interface CallbackValues {
  readonly phone: string;
  readonly safeTimes: string;
  readonly language: string;
  readonly lifeInDanger: string;
  readonly consent: boolean;
}

export const emptyCallback: CallbackValues = { phone: '', safeTimes: '', language: '', lifeInDanger: '', consent: false };

export function callbackPage(context: PlainContext, values: CallbackValues, errors: FieldErrors, message?: string): Html {
  const t = context.form.callback;
  const labels = context.form.labels;
  return html`<article class="form-page">
<h1>${t.title}</h1>
<p class="lead lead--small">${t.lead}</p>
${listen(context, 'callback')}
<p><strong>${t.urgent}</strong></p>${call(context)}
${notice(message, 'error')}
${errorSummary(context, errors)}
<form method="post" action="${context.href('/rappel')}" novalidate>
${formBasics(context)}
${textField(context, { path: 'phone', label: t.phoneLabel, hint: t.phoneHint, type: 'tel', value: values.phone, errors })}
${textField(context, { path: 'safeTimes', label: t.safeTimesLabel, hint: t.safeTimesHint, value: values.safeTimes, optional: true, errors })}
${choiceField(context, { path: 'language', label: t.languageLabel, optional: true, errors, chosen: [values.language], options: [['', context.form.request.contact.languageNone] as const, ...SPOKEN_LANGUAGES.map((l) => [l, labels.languages[l]] as const)] })}
${choiceField(context, {
  path: 'lifeInDanger',
  label: t.dangerLegend,
  errors,
  chosen: [values.lifeInDanger],
  options: [
    ['yes', labels.tristate.yes],
    ['no', labels.tristate.no],
    ['unknown', labels.tristate.unknown],
  ] as const,
})}
${checkField(context, { path: 'consent.processing', label: t.consentLabel, hint: t.consentHint, checked: values.consent, errors })}
<div class="form-actions"><button type="submit" class="button button--send">${t.send}</button></div>
</form>
</article>`;
}

export function callbackSentPage(context: PlainContext, reference: string): Html {
  const t = context.form.callback;
  return html`<article class="form-page"><h1>${t.sentTitle}</h1><p>${t.sentText}</p><p>${context.format(t.sentReference, { reference })}</p><p>${fillHtml(t.sentUrgent, { phone: html`<a href="${EMERGENCY_PHONE_HREF}">${EMERGENCY_PHONE}</a>` })}</p></article>`;
}
