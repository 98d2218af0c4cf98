import {
  apiFr,
  intakeFr,
  languageOf,
  plainFr,
  SITE_LOCALES,
  siteFr,
  translateCatalogue,
  type ApiCatalogue,
  type IntakeCatalogue,
  type PlainCatalogue,
  type SiteCatalogue,
  type SiteLocale,
  type Translations,
} from '@mnpddh/shared';
import { TRANSLATIONS } from '../common/translations.js';

/** The words of a page without JavaScript: the site's, the form's and these pages' own. */
export interface PlainWords {
  readonly site: SiteCatalogue;
  readonly form: IntakeCatalogue;
  readonly plain: PlainCatalogue;
  /** The API's messages (errors, our schemas' field codes), worded in the page's language. */
  readonly api: ApiCatalogue;
}

/** A language's words: its compiled catalogue laid over French, message by message (the web app does the same). */
function wordsOf(locale: SiteLocale, translations: Translations): PlainWords {
  const { name, dir } = languageOf(locale);
  const site = translateCatalogue(siteFr, translations, 'site');
  return {
    site: { ...site, meta: { ...site.meta, name, dir } },
    form: translateCatalogue(intakeFr, translations, 'intake'),
    plain: translateCatalogue(plainFr, translations, 'plain'),
    api: translateCatalogue(apiFr, translations, 'api'),
  };
}

/** Every configured language's words, built once when the API starts. */
export const PLAIN_WORDS = Object.fromEntries(SITE_LOCALES.map((locale) => [locale, wordsOf(locale, TRANSLATIONS[locale])] as const)) as Record<
  SiteLocale,
  PlainWords
>;
