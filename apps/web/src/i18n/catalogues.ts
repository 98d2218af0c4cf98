import {
  isSiteLocale,
  languageOf,
  OFFERED_LOCALES,
  siteFr,
  TRANSLATION_LOADERS,
  translateCatalogue,
  type SiteCatalogue as Catalogue,
  type SiteLocale,
  type Translations,
} from '@mnpddh/shared';

/** The staff side's languages (dashboard, reports): French or English. */
export type LocaleCode = 'fr' | 'en';

export type { SiteLocale };

/** A language ready to show: its translations, and the site's words with French wherever one is missing. */
export interface LoadedLanguage {
  readonly locale: SiteLocale;
  readonly translations: Translations;
  readonly site: Catalogue;
}

/** French is in the page already: the source catalogue, nothing to lay over it. */
export const FRENCH: LoadedLanguage = { locale: 'fr', translations: {}, site: siteFr };

const loading = new Map<SiteLocale, Promise<LoadedLanguage>>();

/** Downloads a language's catalogue (its own chunk) the first time it is chosen. */
export function loadLanguage(locale: SiteLocale): Promise<LoadedLanguage> {
  if (locale === 'fr') return Promise.resolve(FRENCH);
  const pending = loading.get(locale) ?? TRANSLATION_LOADERS[locale]().then((translations) => languageWith(locale, translations));
  // A failed download (the connection dropped) is tried again at the next choice.
  pending.catch(() => loading.delete(locale));
  loading.set(locale, pending);
  return pending;
}

function languageWith(locale: SiteLocale, translations: Translations): LoadedLanguage {
  const { name, dir } = languageOf(locale);
  const words = translateCatalogue(siteFr, translations, 'site');
  return { locale, translations, site: { ...words, meta: { ...words.meta, name, dir } } };
}

/** The languages the switcher offers. */
export const localeCodes = OFFERED_LOCALES;

/** The language's name in itself, as the switcher writes it. */
export function languageName(locale: SiteLocale): string {
  return languageOf(locale).name;
}

export function isLocaleCode(value: string | null | undefined): value is SiteLocale {
  return isSiteLocale(value);
}
