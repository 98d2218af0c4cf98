import { SITE_LOCALES, STAFF_TRANSLATIONS, TRANSLATION_LOADERS, type SiteLocale, type Translations } from '@mnpddh/shared';

/** A language's public messages and, for the staff side's languages, its staff messages (the web app never loads those). */
async function translationsOf(locale: SiteLocale): Promise<Translations> {
  return locale === 'fr' ? {} : { ...(await TRANSLATION_LOADERS[locale]()), ...STAFF_TRANSLATIONS[locale] };
}

/** Every configured language's compiled translations, loaded once when the API starts (French is the source: none). */
export const TRANSLATIONS = Object.fromEntries(
  await Promise.all(SITE_LOCALES.map(async (locale) => [locale, await translationsOf(locale)] as const)),
) as Record<SiteLocale, Translations>;
