import {
  FORM_TRANSLATION_LOADERS,
  isSiteLocale,
  LATER_TRANSLATION_LOADERS,
  languageOf,
  OFFERED_LOCALES,
  SITE_TRANSLATION_LOADERS,
  siteFr,
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

type Loaders = typeof SITE_TRANSLATION_LOADERS;

/*
 * A language comes in parts (compiled/<code>.ts, -form.ts, -later.ts), each
 * its own chunk: the home part with any page; the form part with the form
 * pages; the later part once the form goes past its first screen (or with
 * follow-up and call-back). So /bm/ on 2G carries no form words and the
 * form's first screen none of the receipt's or the details'. Once a part has
 * been needed, choosing another language downloads it too before switching.
 */
const homeParts = new Map<SiteLocale, Promise<Translations>>();
const formParts = new Map<SiteLocale, Promise<Translations>>();
const laterParts = new Map<SiteLocale, Promise<Translations>>();
/** The form's words that have arrived, per language, for the form's catalogues to read while rendering. */
const formWords = new Map<SiteLocale, Translations>([['fr', {}]]);
let formShown = false;
let laterShown = false;

/** A part of a language, downloaded once; a failed download (the connection dropped) is tried again next time. */
function partOf(parts: Map<SiteLocale, Promise<Translations>>, loaders: Loaders, locale: Exclude<SiteLocale, 'fr'>): Promise<Translations> {
  const pending = parts.get(locale) ?? loaders[locale]();
  pending.catch(() => parts.delete(locale));
  parts.set(locale, pending);
  return pending;
}

/** Downloads a language's home part (and the form's parts once they have been needed) the first time it is chosen. */
export function loadLanguage(locale: SiteLocale): Promise<LoadedLanguage> {
  if (locale === 'fr') return Promise.resolve(FRENCH);
  const form = formShown ? loadFormWords(locale) : Promise.resolve({});
  return Promise.all([partOf(homeParts, SITE_TRANSLATION_LOADERS, locale), form]).then(([home, words]) => languageWith(locale, { ...home, ...words }));
}

/**
 * Downloads the form's words in a language: the first screen's, and with
 * `later` the rest. Every language chosen afterwards comes with as much.
 */
export function loadFormWords(locale: SiteLocale, later = false): Promise<Translations> {
  formShown = true;
  laterShown ||= later;
  if (locale === 'fr') return Promise.resolve({});
  const parts = [partOf(formParts, FORM_TRANSLATION_LOADERS, locale)];
  if (laterShown) parts.push(partOf(laterParts, LATER_TRANSLATION_LOADERS, locale));
  return Promise.all(parts).then((arrived) => {
    const words: Translations = Object.assign({}, ...arrived) as Translations;
    // A new object only when more words arrived: the catalogues built from it are kept per object.
    if (Object.keys(words).length !== Object.keys(formWordsOf(locale)).length) formWords.set(locale, words);
    return words;
  });
}

/** The form's words in a language that have arrived (French wherever they have not). */
export function formWordsOf(locale: SiteLocale): Translations {
  return formWords.get(locale) ?? {};
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
