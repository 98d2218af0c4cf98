import { html, type Html } from './html.js';
import type { PlainContext } from './plain-context.js';

/** One message per dotted path (`contact.phone`), as the web form shows them. */
export type FieldErrors = Record<string, string>;

/** The same ids as the web form: `contact.phone` → `f-contact-phone`. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w]/g, '-')}`;

interface Question {
  readonly path: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly optional?: boolean;
  readonly errors: FieldErrors;
}

function described(context: PlainContext, q: Question) {
  const id = fieldId(q.path);
  const error = q.errors[q.path];
  const hintId = q.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const parts = html`${q.hint ? html`<p id="${hintId}" class="question__hint">${q.hint}</p>` : ''}${
    error
      ? html`<p id="${errorId}" class="question__error"><span><span class="visually-hidden">${context.form.errors.fieldPrefix} </span>${error}</span></p>`
      : ''
  }`;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return { id, error, parts, aria: html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}` };
}

const labelText = (context: PlainContext, q: Question) =>
  html`${q.label}${q.optional ? html`<span class="question__tag"> (${context.form.common.optional})</span>` : ''}`;

export function textField(context: PlainContext, q: Question & { value: string; type?: string; rows?: number }): Html {
  const { id, error, parts, aria } = described(context, q);
  const control = q.rows
    ? html`<textarea id="${id}" name="${q.path}" rows="${q.rows}" autocomplete="off" class="question__input question__input--area"${aria}>${q.value}</textarea>`
    : html`<input id="${id}" name="${q.path}" type="${q.type ?? 'text'}" value="${q.value}" autocomplete="off" class="question__input"${aria}>`;
  return html`<div class="question${error ? ' question--error' : ''}"><label for="${id}" class="question__label">${labelText(context, q)}</label>${parts}${control}</div>`;
}

/** Radio buttons (one answer) or checkboxes (several), in a fieldset. */
export function choiceField(
  context: PlainContext,
  q: Question & { options: readonly (readonly [value: string, label: string])[]; chosen: readonly string[]; multiple?: boolean },
): Html {
  const { id, error, parts, aria } = described(context, q);
  const type = q.multiple ? 'checkbox' : 'radio';
  const options = q.options.map(
    ([value, label], index) =>
      html`<label class="choice"><input class="choice__input" type="${type}" name="${q.path}" value="${value}" id="${index === 0 ? id : `${id}-${index}`}"${
        q.chosen.includes(value) ? html` checked` : ''
      }> <span class="choice__label">${label}</span></label>`,
  );
  return html`<fieldset class="question question--group${error ? ' question--error' : ''}"${aria}><legend>${labelText(context, q)}</legend>${parts}<div class="choices">${options}</div></fieldset>`;
}

/** A single checkbox (consent, "keep the original"). */
export function checkField(context: PlainContext, q: Question & { checked: boolean }): Html {
  const { id, error, parts, aria } = described(context, q);
  return html`<div class="question question--check${error ? ' question--error' : ''}"><label class="choice choice--single"><input class="choice__input" type="checkbox" id="${id}" name="${q.path}" value="on"${
    q.checked ? html` checked` : ''
  }${aria}> <span class="choice__label">${q.label}</span></label>${parts}</div>`;
}

/** At the top of the form, as the web form: how many answers to correct, each a link to its field. */
export function errorSummary(context: PlainContext, errors: FieldErrors): Html {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  const e = context.form.errors;
  const title = context.format(e.summaryCount, { count: entries.length });
  return html`<div class="form-status" role="alert"><div class="form-status__errors"><div><p id="error-summary">${title}</p><ul>${entries.map(
    ([path, message]) => html`<li><a href="#${fieldId(path)}">${message}</a></li>`,
  )}</ul></div></div></div>`;
}

/** The hidden fields every form carries: its CSRF token, its language and its one-time key (a repeated post is recognised). */
export function formBasics(context: PlainContext): Html {
  return html`<input type="hidden" name="_token" value="${context.token}"><input type="hidden" name="lang" value="${context.language}"><input type="hidden" name="_once" value="${context.once()}">`;
}

/** A message above the page's content (sent, refused, expired). */
export function notice(text: string | undefined, kind: 'ok' | 'error' = 'ok'): Html {
  if (!text) return html``;
  return html`<div class="form-status" role="${kind === 'error' ? 'alert' : 'status'}"><p class="${kind === 'error' ? 'form-status__errors' : 'form-status__ok'}">${text}</p></div>`;
}
