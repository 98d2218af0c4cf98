import type { FieldError } from '@mnpddh/shared';

/*
 * Errors as a form shows them, without zod: the first screen of a form
 * renders with these, and zod (form/validate.ts) loads only when the person
 * moves on or sends.
 */

/** What a form shows beside its fields: one message per dotted path (`contact.phone`, `incidents.0.when.date`). */
export type FieldErrors = Record<string, string>;

export const noErrors: FieldErrors = {};

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
