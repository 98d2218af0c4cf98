import { translateCatalogue, uploadsFr, type Translations, type UploadsCatalogue } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { formWordsOf } from '../../i18n/catalogues';
import { useSiteLocale } from '../../i18n/i18n-context';
import { format } from '../i18n/catalogues';

const built = new WeakMap<Translations, UploadsCatalogue>();

/** The files and voice part's strings in the current language, French wherever a message is not translated. */
export function useUploadsT(): UploadsCatalogue {
  const [locale] = useSiteLocale();
  const translations = formWordsOf(locale);
  let catalogue = built.get(translations);
  if (!catalogue) {
    catalogue = translateCatalogue(uploadsFr, translations, 'uploads');
    built.set(translations, catalogue);
  }
  return catalogue;
}

/** "1,4 Mo", "350 Ko": what a person can compare with what their phone shows. */
export function sizeText(bytes: number, u: UploadsCatalogue, locale: LocaleCode): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return format(u.units.b, { n: number(bytes, 0) });
  if (bytes < 1024 * 1024) return format(u.units.kb, { n: number(bytes / 1024, 0) });
  return format(u.units.mb, { n: number(bytes / (1024 * 1024), 1) });
}

/** "1:05" */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
