import { intakeFr, translateCatalogue, type IntakeCatalogue, type Translations } from '@mnpddh/shared';
import { useTranslations } from '../../i18n/i18n-context';

export { format } from '../../i18n/format';

const built = new WeakMap<Translations, IntakeCatalogue>();

/** The form's strings in the current interface language, French wherever a message is not translated. */
export function useIntakeT(): IntakeCatalogue {
  const { translations } = useTranslations();
  let catalogue = built.get(translations);
  if (!catalogue) {
    catalogue = translateCatalogue(intakeFr, translations, 'intake');
    built.set(translations, catalogue);
  }
  return catalogue;
}
