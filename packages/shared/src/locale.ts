import { z } from 'zod';
import { SITE_LOCALES } from './i18n/languages.js';

/**
 * The staff side's languages (dashboard, e-mails, PDF texts, answers to
 * staff): French, the working language and the fallback, or English. The
 * public site's languages are data in ./i18n/languages.ts (`SiteLocale`).
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

/** Every configured public language (./i18n/languages.ts), for validating a language given at the edge. */
export const SiteLocaleSchema = z.enum(SITE_LOCALES);
