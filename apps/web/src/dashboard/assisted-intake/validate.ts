import { AssistedRequest, fieldMessage, type FieldError } from '@mnpddh/shared';
import type { core } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodFr from 'zod/v4/locales/fr.js';
import type { LocaleCode } from '../../i18n/catalogues';
import { format } from '../format';
import type { AssistedCatalogue } from './strings-fr';

/** One message per dotted path of the AssistedRequest (`request.contact.phone`, `request.incidents.0.when.date`). */
export type FieldErrors = Record<string, string>;

/** zod's own wording in each language, as the API uses it. */
const LOCALE_ERRORS: Record<LocaleCode, core.$ZodErrorMap> = {
  fr: zodFr().localeError,
  en: zodEn().localeError,
};

/** Plain words for the common cases; anything else keeps zod's message (the API's too). */
function plainMessage(issue: core.$ZodIssue, t: AssistedCatalogue, locale: LocaleCode): string {
  const e = t.errors;
  const path = issue.path.join('.');
  switch (issue.code) {
    case 'custom':
      return fieldMessage(issue.message, locale) ?? issue.message;
    case 'too_big':
      return format(issue.origin === 'array' ? e.tooMany : e.tooLong, { max: Number(issue.maximum) });
    case 'too_small':
      if (path === 'request.summary') return e.summary;
      if (path === 'request.contact.methods') return e.methods;
      return e.tooShort;
    case 'invalid_value':
      return issue.values.includes(true) ? e.consent : e.choose;
    case 'invalid_type':
      return issue.input === undefined ? e.required : issue.message;
    case 'invalid_format':
      if (issue.format === 'email') return e.email;
      if (issue.format === 'date') return e.date;
      return issue.message;
    default:
      return issue.message;
  }
}

export type Validation = { ok: true; data: AssistedRequest } | { ok: false; errors: FieldErrors };

/** Parses with the shared schema, in the page's language; the first problem of each field wins. */
export function validate(body: unknown, t: AssistedCatalogue, locale: LocaleCode): Validation {
  const result = AssistedRequest.safeParse(body, { error: LOCALE_ERRORS[locale] });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= plainMessage(issue, t, locale);
  return { ok: false, errors };
}

/** The API's 400 answer, field by field (already in the page's language: the client sends Accept-Language). */
export function serverErrors(fields: readonly FieldError[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of fields) errors[field] ??= message;
  return errors;
}
