import type { LocaleCode } from '../../i18n/catalogues';
import { staffEn } from './en';
import { staffFr, type StaffCatalogue } from './fr';

/**
 * The staff area's strings for every interface language. Keyed by the public
 * catalogue's codes: adding a language there without adding it here is a
 * type error.
 */
export const staffCatalogues = {
  fr: staffFr,
  en: staffEn,
} satisfies Record<LocaleCode, StaffCatalogue>;
