import { formatMessage, type MessageValues } from '@mnpddh/shared';
import type { LoadedLanguage, SiteLocale } from './catalogues';

// The language on screen, for code that runs outside React (formatting, form
// checks): the page shows one language at a time, set by the I18nProvider as
// it renders it.
let current: Pick<LoadedLanguage, 'locale' | 'translations'> = { locale: 'fr', translations: {} };

export function setCurrentLanguage(language: LoadedLanguage): void {
  current = language;
}

/** The language on screen and its translations. */
export function currentLanguage(): Pick<LoadedLanguage, 'locale' | 'translations'> {
  return current;
}

/** The language on screen, for code that runs outside React (a page's chunk downloading its words). */
export function shownLocale(): SiteLocale {
  return current.locale;
}

/** A message of the current language with its values: `format(t.common.minutes, { count: 2 })`. Text only (see ui/fill.tsx for elements). */
export function format(message: string, values: MessageValues): string {
  return formatMessage(message, values, current.locale);
}
