import { LANGUAGES, OFFERED_LOCALES, isSiteLocale, siteEn, siteFr, translateCatalogue, type SiteCatalogue as Catalogue, type SiteLocale } from '@mnpddh/shared';

/** The staff side's languages (dashboard, reports): French or English. */
export type LocaleCode = 'fr' | 'en';

export type { SiteLocale };

/** The French catalogue with a language's name and direction, every message French until translated. */
function untranslated(code: SiteLocale): Catalogue {
  const language = LANGUAGES.find((item) => item.code === code) ?? LANGUAGES[0];
  const words = translateCatalogue(siteFr, {}, 'site');
  return { ...words, meta: { ...words.meta, name: language.name, dir: language.dir } };
}

/** Every public language's catalogue, by its code (configured in languages.ts). */
export const catalogues = {
  fr: siteFr,
  en: siteEn,
  bm: untranslated('bm'),
  ar: untranslated('ar'),
} satisfies Record<SiteLocale, Catalogue>;

/** The languages the switcher offers. */
export const localeCodes = OFFERED_LOCALES;

export function isLocaleCode(value: string | null | undefined): value is SiteLocale {
  return isSiteLocale(value);
}
