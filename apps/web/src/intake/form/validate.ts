import { fieldMessage, type FieldError } from '@mnpddh/shared';
import type { core, ZodType } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodFr from 'zod/v4/locales/fr.js';
import type { LocaleCode } from '../../i18n/catalogues';
import { format } from '../i18n/catalogues';
import type { IntakeCatalogue } from '@mnpddh/shared';

/** What a form shows beside its fields: one message per dotted path (`contact.phone`, `incidents.0.when.date`). */
export type FieldErrors = Record<string, string>;

export const noErrors: FieldErrors = {};

/** zod's own wording in each language, as the API uses it (apps/api/src/common/valid-body.ts). */
const LOCALE_ERRORS: Record<LocaleCode, core.$ZodErrorMap> = {
  fr: zodFr().localeError,
  en: zodEn().localeError,
};

/**
 * zod's generic wording ("Trop grand : chaîne de caractères doit avoir
 * <=5000 caractères") is not for a B1 reader in a hurry: the common cases get
 * plain words; anything else keeps zod's message, which is the API's too.
 */
function plainMessage(issue: core.$ZodIssue, t: IntakeCatalogue, locale: LocaleCode): string {
  const e = t.errors;
  const path = issue.path.join('.');
  switch (issue.code) {
    case 'custom':
      return fieldMessage(issue.message, locale) ?? issue.message;
    case 'too_big':
      return format(issue.origin === 'array' ? e.tooMany : e.tooLong, { max: Number(issue.maximum) });
    case 'too_small':
      if (path === 'summary') return e.summary;
      if (path === 'contact.methods') return e.methods;
      if (issue.origin === 'array') return e.chooseAtLeastOne;
      return Number(issue.minimum) > 1 ? e.phoneShort : e.required;
    case 'invalid_value':
      return issue.values.includes(true) ? e.consent : e.choose;
    case 'invalid_format':
      if (issue.format === 'email') return e.email;
      if (issue.format === 'date') return e.date;
      if (issue.format === 'time') return e.time;
      return issue.message;
    default:
      return issue.message;
  }
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Parses with the shared schema, in the page's language, one message per field (the first one wins). */
export function validate<T>(schema: ZodType<T>, value: unknown, locale: LocaleCode, t: IntakeCatalogue): Validation<T> {
  const result = schema.safeParse(value, { error: LOCALE_ERRORS[locale] });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= plainMessage(issue, t, locale);
  }
  return { ok: false, errors };
}

/** The API's 400 answer, field by field (already in the page's language: we send Accept-Language). */
export function serverErrors(fields: readonly FieldError[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of fields) errors[field] ??= message;
  return errors;
}

/** Only the errors whose path starts with one of these prefixes (`contact` keeps `contact.phone`). */
export function errorsUnder(errors: FieldErrors, prefixes: readonly string[]): FieldErrors {
  const kept: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`))) kept[path] = message;
  }
  return kept;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The id of a field's control (or group) for a dotted path: `contact.phone` → `f-contact-phone`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^\w]/g, '-')}`;
}
