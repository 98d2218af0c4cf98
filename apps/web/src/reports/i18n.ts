import { useLocale } from '../i18n/i18n-context';
import type { LocaleCode } from '../i18n/catalogues';
import { reportsEn } from './strings-en';
import { reportsFr, type ReportsCatalogue } from './strings-fr';

export type { ReportsCatalogue };

const catalogues: Record<LocaleCode, ReportsCatalogue> = { fr: reportsFr, en: reportsEn };

/** The reports screens' strings in the current interface language. */
export function useReportsT(): ReportsCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
