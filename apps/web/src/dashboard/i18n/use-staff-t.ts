import { useLocale } from '../../i18n/i18n-context';
import { staffCatalogues } from './catalogues';
import type { StaffCatalogue } from './fr';

/** The staff area's strings in the current interface language. */
export function useStaffT(): StaffCatalogue {
  const [locale] = useLocale();
  return staffCatalogues[locale];
}
