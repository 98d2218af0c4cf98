import { apiFr, plainFieldMessage, translateCatalogue, type FieldErrorWords, type Translations } from '@mnpddh/shared';
import type { core, ZodType } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodFr from 'zod/v4/locales/fr.js';
import type { LocaleCode } from '../../i18n/catalogues';
import { currentLanguage } from '../../i18n/format';
import type { FieldErrors } from './field-errors';

export { errorsUnder, fieldId, hasErrors, noErrors, serverErrors, type FieldErrors } from './field-errors';

/** zod's own wording in each language, as the API uses it (apps/api/src/common/valid-body.ts). */
const LOCALE_ERRORS: Record<LocaleCode, core.$ZodErrorMap> = {
  fr: zodFr().localeError,
  en: zodEn().localeError,
};

const fieldWords = new WeakMap<Translations, Readonly<Record<string, string>>>();

/** Our schemas' own codes (`invalid_characters`) in the language on screen, as the API words them. */
function apiFields(): Readonly<Record<string, string>> {
  const { translations } = currentLanguage();
  let fields = fieldWords.get(translations);
  if (!fields) {
    fields = translateCatalogue(apiFr.fields, translations, 'api.fields');
    fieldWords.set(translations, fields);
  }
  return fields;
}

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
  const fields = apiFields();
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= plainFieldMessage(issue, words, fields, currentLanguage().locale, root);
  }
  return { ok: false, errors };
}
