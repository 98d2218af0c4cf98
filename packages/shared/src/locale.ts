import { z } from 'zod';

/**
 * Interface languages. A language is data: adding Bambara (bm) means adding
 * its code here and its catalogues (web strings, error messages), no code.
 * French is the working language and the fallback for anything missing.
 */
export const UI_LOCALES = ['fr', 'en'] as const;
export const DEFAULT_LOCALE = 'fr';
export const Locale = z.enum(UI_LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Picks the first supported language of an Accept-Language header, else French. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    const found = UI_LOCALES.find((locale) => locale === tag);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
