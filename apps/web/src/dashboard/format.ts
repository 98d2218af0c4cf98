import type { LocaleCode } from '../i18n/catalogues';

/**
 * Dates and times as the team reads them: Bamako time (UTC+0, no daylight
 * saving) whatever the laptop's own setting, French formats in French.
 */
export const TIME_ZONE = 'Africa/Bamako';

const LOCALE_TAGS: Record<LocaleCode, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatDateTime(iso: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** `format('Il reste {n} min', { n: 3 })`: plain-text placeholders (see `fill` for elements). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
