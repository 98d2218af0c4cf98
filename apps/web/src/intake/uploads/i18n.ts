import type { LocaleCode } from '../../i18n/catalogues';
import { useSiteLocale } from '../../i18n/i18n-context';
import { format } from '../i18n/catalogues';
import { translateCatalogue, uploadsEn, uploadsFr, type UploadsCatalogue } from '@mnpddh/shared';
import type { SiteLocale } from '../../i18n/catalogues';

const catalogues = {
  fr: uploadsFr,
  en: uploadsEn,
  bm: translateCatalogue(uploadsFr, {}, 'uploads'),
  ar: translateCatalogue(uploadsFr, {}, 'uploads'),
} satisfies Record<SiteLocale, UploadsCatalogue>;

export function useUploadsT(): UploadsCatalogue {
  const [locale] = useSiteLocale();
  return catalogues[locale];
}

/** "1,4 Mo", "350 Ko": what a person can compare with what their phone shows. */
export function sizeText(bytes: number, u: UploadsCatalogue, locale: LocaleCode): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return format(u.units.b, { n: number(bytes, 0) });
  if (bytes < 1024 * 1024) return format(u.units.kb, { n: number(bytes / 1024, 0) });
  return format(u.units.mb, { n: number(bytes / (1024 * 1024), 1) });
}

/** "1:05" */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
