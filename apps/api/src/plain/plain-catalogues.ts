import {
  intakeFr,
  languageOf,
  plainFr,
  SITE_LOCALES,
  siteFr,
  TRANSLATION_LOADERS,
  translateCatalogue,
  type IntakeCatalogue,
  type PlainCatalogue,
  type SiteCatalogue,
  type SiteLocale,
  type Translations,
} from '@mnpddh/shared';

/** The words of a page without JavaScript: the site's, the form's and these pages' own. */
export interface PlainWords {
  readonly site: SiteCatalogue;
  readonly form: IntakeCatalogue;
  readonly plain: PlainCatalogue;
}

/** A language's words: its compiled catalogue laid over French, message by message (the web app does the same). */
function wordsOf(locale: SiteLocale, translations: Translations): PlainWords {
  const { name, dir } = languageOf(locale);
  const site = translateCatalogue(siteFr, translations, 'site');
  return {
    site: { ...site, meta: { ...site.meta, name, dir } },
    form: translateCatalogue(intakeFr, translations, 'intake'),
    plain: translateCatalogue(plainFr, translations, 'plain'),
  };
}

async function translationsOf(locale: SiteLocale): Promise<Translations> {
  return locale === 'fr' ? {} : TRANSLATION_LOADERS[locale]();
}

/** Every configured language's words, built once when the API starts. */
export const PLAIN_WORDS = Object.fromEntries(
  await Promise.all(SITE_LOCALES.map(async (locale) => [locale, wordsOf(locale, await translationsOf(locale))] as const)),
) as Record<SiteLocale, PlainWords>;
