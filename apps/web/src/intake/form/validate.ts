import { plainFieldMessage, type FieldErrorWords } from '@mnpddh/shared';
import type { core, ZodType } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodFr from 'zod/v4/locales/fr.js';
import type { LocaleCode } from '../../i18n/catalogues';
import type { FieldErrors } from './field-errors';

export { errorsUnder, fieldId, hasErrors, noErrors, serverErrors, type FieldErrors } from './field-errors';

/** zod's own wording in each language, as the API uses it (apps/api/src/common/valid-body.ts). */
const LOCALE_ERRORS: Record<LocaleCode, core.$ZodErrorMap> = {
  fr: zodFr().localeError,
  en: zodEn().localeError,
};

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Parses with the shared schema, in the page's language, one message per
 * field (the first one wins). `root` names where the request sits when a form
 * wraps it (the assisted intake's `request`), so its fields get the same words.
 */
export function validate<T>(schema: ZodType<T>, value: unknown, locale: LocaleCode, words: { errors: FieldErrorWords }, root = ''): Validation<T> {
  const result = schema.safeParse(value, { error: LOCALE_ERRORS[locale] });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= plainFieldMessage(issue, words, locale, root);
  }
  return { ok: false, errors };
}
