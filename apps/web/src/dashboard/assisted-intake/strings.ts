import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';
import { assistedEn } from './strings-en';
import { assistedFr, type AssistedCatalogue } from './strings-fr';

const catalogues = { fr: assistedFr, en: assistedEn } satisfies Record<LocaleCode, AssistedCatalogue>;

/** The assisted-intake strings in the interface language. */
export function useAssistedT(): AssistedCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
