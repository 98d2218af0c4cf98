import { z, type ZodType } from 'zod';
import { plainFieldMessage, type Locale } from '@mnpddh/shared';
import type { FieldErrors } from './fields.js';
import type { PlainContext } from './plain-context.js';

const LOCALE_ERRORS: Record<Locale, z.core.$ZodErrorMap> = {
  fr: z.locales.fr().localeError,
  en: z.locales.en().localeError,
};

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The shared schema, worded as the web form words it: one message per field, the first one wins. */
export function checkForm<T>(schema: ZodType<T>, value: unknown, context: PlainContext): Checked<T> {
  const result = schema.safeParse(value, { error: LOCALE_ERRORS[context.locale] });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= plainFieldMessage(issue, context.form, context.api.fields, context.language);
  return { ok: false, errors };
}

/** Only the errors under these prefixes (one step of the request). */
export function errorsUnder(errors: FieldErrors, prefixes: readonly string[]): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`))));
}
