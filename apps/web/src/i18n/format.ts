import { formatMessage, type MessageValues } from '@mnpddh/shared';
import type { SiteLocale } from './catalogues';

// The language whose plural rules `format` applies: the page shows one
// language at a time, set by the I18nProvider as it renders it.
let pluralLocale: SiteLocale = 'fr';

export function setPluralLocale(locale: SiteLocale): void {
  pluralLocale = locale;
}

/** The language on screen, for code that runs outside React (a page's chunk downloading its words). */
export function shownLocale(): SiteLocale {
  return pluralLocale;
}

/** A message of the current language with its values: `format(t.common.minutes, { count: 2 })`. Text only (see ui/fill.tsx for elements). */
export function format(message: string, values: MessageValues): string {
  return formatMessage(message, values, pluralLocale);
}
