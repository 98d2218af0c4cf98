import { countdown } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { format, TIME_ZONE } from '../format';
import type { CasesCatalogue } from './i18n';

/**
 * Times as the team reads them: Bamako (UTC+0) whatever the laptop says,
 * French formats, and deadlines relative to now ("dans 3 h", "en retard de 2 j").
 */
const LOCALE_TAGS: Record<LocaleCode, string> = { fr: 'fr-FR', en: 'en-GB' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12/01/2026 14:30" — dense enough for a table. */
export function shortDateTime(iso: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** A day (YYYY-MM-DD) as "12 janvier 2026": read at noon UTC so no time zone moves it. */
export function longDay(day: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: TIME_ZONE, dateStyle: 'long' }).format(new Date(`${day}T12:00:00Z`));
}

/** Today in Bamako, as YYYY-MM-DD (UTC+0: the UTC day). */
export function todayInBamako(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A deadline: "dans 3 h", or "en retard de 2 j" once passed. */
export function relativeDeadline(iso: string, t: CasesCatalogue, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  if (Math.abs(diff) < MINUTE) return t.relative.now;
  const { unit, n } = countdown(now, Date.parse(iso));
  return format(diff > 0 ? t.relative[`in${unit}`] : t.relative[`late${unit}`], { n });
}

/** Something that happened: "il y a 3 h". */
export function relativePast(iso: string, t: CasesCatalogue, now = Date.now()): string {
  const diff = now - Date.parse(iso);
  if (diff < MINUTE) return t.relative.now;
  const { unit, n } = countdown(now, Date.parse(iso));
  return format(t.relative[`ago${unit}`], { n });
}

export function isPast(iso: string, now = Date.now()): boolean {
  return Date.parse(iso) < now;
}

/** File sizes in the interface language ("1,2 Mo"). */
export function fileSize(bytes: number, locale: LocaleCode): string {
  const units = locale === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
