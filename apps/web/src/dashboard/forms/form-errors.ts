import { ApiError } from '../api';
import type { StaffCatalogue } from '../i18n/fr';

/** What a form shows after a failed submit: one message on top, one per field. */
export interface FormErrors {
  message?: string;
  /** Keyed by the API's field name (its first path segment: `roles.0` → `roles`). */
  fields: Record<string, string>;
  correlationId?: string;
  retryAfterSeconds?: number;
}

export const noErrors: FormErrors = { fields: {} };

export function hasErrors(errors: FormErrors): boolean {
  return Boolean(errors.message) || Object.keys(errors.fields).length > 0;
}

/** Turns what the API client threw into what the form shows, in the user's language. */
export function errorsFrom(error: unknown, t: StaffCatalogue): FormErrors {
  if (!(error instanceof ApiError)) return { message: t.errors.badResponse, fields: {} };
  const fields: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const name = field.split('.')[0] || field;
    fields[name] ??= message;
  }
  return {
    // A rule that refuses with a reason (consent required…) says that reason, not the generic "already done" conflict text.
    message: error.code === 'CONFLICT' && error.fields[0] ? error.fields[0].message : error.message,
    fields,
    // The code is for the technical team: only worth showing when something broke on their side.
    correlationId: error.code === 'INTERNAL' || error.status >= 500 ? error.correlationId : undefined,
    retryAfterSeconds: error.retryAfterSeconds,
  };
}
