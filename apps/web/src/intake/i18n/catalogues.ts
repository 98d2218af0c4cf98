import { intakeFr, translateCatalogue, type IntakeCatalogue, type Translations } from '@mnpddh/shared';
import { formWordsOf } from '../../i18n/catalogues';
import { useSiteLocale } from '../../i18n/i18n-context';

export { format } from '../../i18n/format';

const built = new WeakMap<Translations, IntakeCatalogue>();

/** The form's strings in the current interface language, French wherever a message is not translated. */
export function useIntakeT(): IntakeCatalogue {
  const [locale] = useSiteLocale();
  const translations = formWordsOf(locale);
  let catalogue = built.get(translations);
  if (!catalogue) {
    catalogue = translateCatalogue(intakeFr, translations, 'intake');
    built.set(translations, catalogue);
  }
  return catalogue;
}
