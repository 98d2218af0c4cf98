import { SITE_LOCALES, TRANSLATION_LOADERS, type SiteLocale, type Translations } from '@mnpddh/shared';

async function translationsOf(locale: SiteLocale): Promise<Translations> {
  return locale === 'fr' ? {} : TRANSLATION_LOADERS[locale]();
}

/** Every configured language's compiled translations, loaded once when the API starts (French is the source: none). */
export const TRANSLATIONS = Object.fromEntries(
  await Promise.all(SITE_LOCALES.map(async (locale) => [locale, await translationsOf(locale)] as const)),
) as Record<SiteLocale, Translations>;
