import { apiFr, isSiteLocale, staffFr, type ErrorCode, type SiteLocale } from '@mnpddh/shared';
import { TRANSLATIONS } from './translations.js';

/** A message in the language it is actually written in: a page marks French shown in another language's place. */
export interface Worded {
  readonly text: string;
  readonly lang: SiteLocale;
}

/** The message at `key` in `locale`, else its French source (and says so). */
function worded(key: string, french: string, locale: SiteLocale): Worded {
  const translations = TRANSLATIONS[locale];
  return Object.hasOwn(translations, key) ? { text: translations[key] ?? french, lang: locale } : { text: french, lang: 'fr' };
}

export function errorMessage(code: ErrorCode, locale: SiteLocale): Worded {
  return worded(`api.errors.${code}`, apiFr.errors[code], locale);
}

/** A field code's message (`file_too_large`), public or staff; undefined for a code no catalogue has. */
export function fieldMessage(code: string, locale: SiteLocale): Worded | undefined {
  if (Object.hasOwn(apiFr.fields, code)) return worded(`api.fields.${code}`, apiFr.fields[code as keyof typeof apiFr.fields], locale);
  if (Object.hasOwn(staffFr.fields, code)) return worded(`staff.fields.${code}`, staffFr.fields[code as keyof typeof staffFr.fields], locale);
  return undefined;
}

/**
 * The language an API answer is worded in. The web app sends its page's
 * language as Accept-Language (`bm` on /bm/ pages); a caller that names none
 * of ours gets French. Only a configured code is ever used, never the header
 * as sent.
 */
export function answerLanguage(acceptLanguage: string | undefined): SiteLocale {
  for (const range of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter))) continue;
    const code = tag.split('-')[0];
    if (isSiteLocale(code)) return code;
  }
  return 'fr';
}
