/*
 * The public site's languages, as data: adding one is a line here and its
 * catalogue `locales/<code>.po` (docs/TRANSLATING.md). No zod in this file:
 * the public bundle imports it.
 *
 * `status` says how far a catalogue can be trusted:
 * - `source`: French, the language every message is written in first;
 * - `reviewed`: translated and reviewed; only reviewed messages are shown;
 * - `review`: awaiting review by a native speaker; messages awaiting review
 *   are shown (otherwise the page would be French), and the page says so;
 * - `test`: a test catalogue (right-to-left layout), never offered.
 * Any message a catalogue lacks is shown in French.
 */
export interface Language {
  /** BCP 47 tag, also the catalogue's file name and the URL prefix. */
  readonly code: string;
  /** The language's name in itself, as the switcher writes it. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /** Shown in the language switcher. */
  readonly offered: boolean;
  readonly status: 'source' | 'reviewed' | 'review' | 'test';
}

export const LANGUAGES = [
  { code: 'fr', name: 'Français', dir: 'ltr', offered: true, status: 'source' },
  { code: 'en', name: 'English', dir: 'ltr', offered: true, status: 'reviewed' },
  { code: 'bm', name: 'Bamanankan', dir: 'ltr', offered: true, status: 'review' },
  { code: 'ar', name: 'العربية', dir: 'rtl', offered: false, status: 'test' },
] as const satisfies readonly Language[];

/** Every configured public language: French, the translated ones and the test ones. */
export type SiteLocale = (typeof LANGUAGES)[number]['code'];

export const SITE_LOCALES = LANGUAGES.map((language) => language.code) as [SiteLocale, ...SiteLocale[]];

/** The languages the switcher offers, in the order above. */
export const OFFERED_LOCALES: readonly SiteLocale[] = LANGUAGES.filter((language) => language.offered).map((language) => language.code);

export const SOURCE_LOCALE = 'fr' satisfies SiteLocale;

export function isSiteLocale(value: string | null | undefined): value is SiteLocale {
  return typeof value === 'string' && (SITE_LOCALES as readonly string[]).includes(value);
}

export function languageOf(code: SiteLocale): Language {
  return LANGUAGES.find((language) => language.code === code) ?? LANGUAGES[0];
}

/**
 * The staff side (dashboard, e-mails, PDF texts, API answers to staff) speaks
 * French or English only: a public language maps to English when it is
 * English, else to French, the mechanism's working language.
 */
export function staffLocaleOf(code: SiteLocale): 'fr' | 'en' {
  return code === 'en' ? 'en' : 'fr';
}
