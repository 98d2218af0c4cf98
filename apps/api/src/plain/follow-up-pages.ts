import { EMERGENCY_PHONE, PROTECTION_MEASURES, REGIONS, THREAT_TYPES, type FollowUpView, type ThreadEntry } from '@mnpddh/shared';
import { checkField, choiceField, errorSummary, formBasics, notice, textField, type FieldErrors } from './fields.js';
import { html, type Html } from './html.js';
import type { PlainContext } from './plain-context.js';

/** Signing in with the receipt. */
export function signInPage(context: PlainContext, errors: FieldErrors, message?: string): Html {
  const t = context.form.followUp;
  return html`<article class="form-page">
<h1>${t.title}</h1>
<p class="lead lead--small">${t.lead}</p>
${notice(message, 'error')}
${errorSummary(context, errors)}
<form method="post" action="${context.href('/suivi')}" novalidate>
${formBasics(context)}
${textField(context, { path: 'receipt', label: t.receiptLabel, hint: t.receiptHint, value: '', errors })}
<div class="form-actions"><button type="submit" class="button">${t.open}</button></div>
</form>
<p>${context.format(t.lost, { phone: EMERGENCY_PHONE })}</p>
</article>`;
}

function entryText(context: PlainContext, entry: ThreadEntry): string {
  const t = context.form.followUp;
  if (entry.kind === 'details') return t.detailsEntry;
  if (entry.kind === 'consent') return t.consentEntry;
  if (entry.kind === 'file') return context.format(t.fileEntry, { name: entry.body });
  if (entry.kind === 'voice') return t.voiceEntry;
  return entry.body;
}

function thread(context: PlainContext, view: FollowUpView): Html {
  const t = context.form.followUp;
  if (view.thread.length === 0) return html`<p>${t.threadEmpty}</p>`;
  return html`<ol class="thread">${view.thread.map(
    (entry) =>
      html`<li class="thread__entry thread__entry--${entry.from}"><p class="thread__from"><strong>${entry.from === 'protection_team' ? t.team : t.you}</strong> · <time datetime="${entry.at}">${entry.at.slice(0, 16).replace('T', ' ')}</time></p><p class="thread__body">${entryText(context, entry)}</p></li>`,
  )}</ol>`;
}

export interface FollowUpPageState {
  readonly errors: FieldErrors;
  /** Which form the errors belong to. */
  readonly form?: 'message' | 'details' | 'file' | 'consent';
  readonly message?: string | undefined;
}

function form(context: PlainContext, action: string, body: Html, button: string, multipart = false): Html {
  return html`<form method="post" action="${context.href(action)}" novalidate${multipart ? html` enctype="multipart/form-data"` : ''}>${formBasics(context)}${body}<div class="form-actions"><button type="submit" class="button">${button}</button></div></form>`;
}

/** A subset of "Ajouter des détails" on one page: what happened, where, the help asked. Same schema (RequestDetails). */
function detailsForm(context: PlainContext, errors: FieldErrors): Html {
  const d = context.form.details;
  const labels = context.form.labels;
  return form(
    context,
    '/suivi/details',
    html`
${choiceField(context, { path: 'incidents.0.types', label: d.incidents.typesLegend, hint: d.incidents.typesHint, multiple: true, optional: true, chosen: [], errors, options: THREAT_TYPES.map((v) => [v, labels.threats[v]] as const) })}
${textField(context, { path: 'incidents.0.description', label: d.incidents.descriptionLabel, rows: 5, value: '', optional: true, errors })}
${choiceField(context, { path: 'location.region', label: d.where.regionLabel, hint: d.where.regionHint, optional: true, chosen: [], errors, options: [['', d.where.regionNone] as const, ...REGIONS.map((v) => [v, labels.regions[v]] as const)] })}
${choiceField(context, { path: 'help.measures', label: d.help.measuresLegend, hint: d.help.measuresHint, multiple: true, optional: true, chosen: [], errors, options: PROTECTION_MEASURES.map((v) => [v, labels.measures[v]] as const) })}`,
    d.sendNow,
  );
}

function fileForm(context: PlainContext, errors: FieldErrors): Html {
  const p = context.plain;
  const error = errors.file;
  // The checkbox comes before the file: the parts of a multipart post arrive in this order, and the
  // server decides about the photo's metadata from its first bytes, before the rest has arrived.
  return form(
    context,
    '/suivi/fichier',
    html`
<p>${p.fileMetadata}</p>
${checkField(context, { path: 'keepOriginal', label: p.keepOriginalLabel, checked: false, errors })}
<div class="question${error ? ' question--error' : ''}"><label for="f-file" class="question__label">${p.fileLabel}</label><p id="f-file-hint" class="question__hint">${p.fileHint}</p>${
      error
        ? html`<p id="f-file-error" class="question__error"><span><span class="visually-hidden">${context.form.errors.fieldPrefix} </span>${error}</span></p>`
        : ''
    }<input id="f-file" name="file" type="file" class="question__input" aria-describedby="${error ? 'f-file-error ' : ''}f-file-hint"${error ? html` aria-invalid="true"` : ''}></div>`,
    p.fileSend,
    true,
  );
}

function consentForm(context: PlainContext, view: FollowUpView, errors: FieldErrors): Html {
  const t = context.form.followUp;
  const options = [['', context.plain.withdrawAll] as const, ...view.consents.map((c) => [c.id, `${c.recipientName ?? c.recipient} · ${c.purpose}`] as const)];
  return form(
    context,
    '/suivi/accord',
    html`<p>${t.withdrawText}</p>
${choiceField(context, { path: 'consentId', label: t.withdrawTitle, chosen: [''], errors, options })}
${textField(context, { path: 'note', label: t.withdrawNoteLabel, value: '', optional: true, errors })}`,
    t.withdrawConfirm,
  );
}

/** The thread and everything a receipt allows: reply, add details, add a file, withdraw a consent, finish. */
export function followUpPage(context: PlainContext, view: FollowUpView, state: FollowUpPageState): Html {
  const t = context.form.followUp;
  const errorsOf = (name: FollowUpPageState['form']) => (state.form === name ? state.errors : {});
  return html`<article class="form-page">
<h1>${t.viewTitle}</h1>
<p>${context.format(t.reference, { reference: view.reference })}</p>
${notice(state.message, state.form && Object.keys(state.errors).length > 0 ? 'error' : 'ok')}
${errorSummary(context, state.errors)}
<h2>${t.statusTitle}</h2>
<p>${context.format(t.status[view.status], { phone: EMERGENCY_PHONE })}</p>
<h2>${t.threadTitle}</h2>
${thread(context, view)}
<h2 id="reply">${t.replyTitle}</h2>
${form(context, '/suivi/message', textField(context, { path: 'body', label: t.replyLabel, hint: t.replyHint, rows: 5, value: '', errors: errorsOf('message') }), t.replySend)}
<h2 id="details">${context.plain.detailsTitle}</h2>
<p>${context.plain.detailsLead}</p>
${detailsForm(context, errorsOf('details'))}
<h2 id="file">${context.plain.fileTitle}</h2>
${fileForm(context, errorsOf('file'))}
<h2 id="consent">${t.withdrawTitle}</h2>
${view.consents.length === 0 ? html`<p>${context.plain.noConsents}</p>` : ''}
${consentForm(context, view, errorsOf('consent'))}
<h2>${t.finishTitle}</h2>
${form(context, '/suivi/fin', html`<p class="question__hint">${t.finishHint}</p>`, t.finish)}
</article>`;
}

export function finishedPage(context: PlainContext): Html {
  const t = context.form.followUp;
  return html`<article class="form-page"><h1>${t.finishedTitle}</h1><p>${t.finishedText}</p><p><a href="${context.href('/suivi')}">${t.again}</a></p></article>`;
}
