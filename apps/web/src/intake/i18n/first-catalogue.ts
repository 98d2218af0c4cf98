import { intakeFirstFr, translateCatalogue, type IntakeFirstCatalogue, type Translations } from '@mnpddh/shared';
import { formWordsOf } from '../../i18n/catalogues';
import { useSiteLocale } from '../../i18n/i18n-context';

export { format } from '../../i18n/format';

const built = new WeakMap<Translations, IntakeFirstCatalogue>();

/**
 * The words the request form's first screen and the fields of every form
 * read, in the current language (French wherever a message is not
 * translated): only the catalogue's first part, so that screen loads without
 * the rest (catalogues.ts has the whole form's).
 */
export function useIntakeFirstT(): IntakeFirstCatalogue {
  const [locale] = useSiteLocale();
  const translations = formWordsOf(locale);
  let catalogue = built.get(translations);
  if (!catalogue) {
    catalogue = translateCatalogue(intakeFirstFr, translations, 'intake');
    built.set(translations, catalogue);
  }
  return catalogue;
}
