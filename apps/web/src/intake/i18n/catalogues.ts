import type { SiteLocale } from '../../i18n/catalogues';
import { useSiteLocale } from '../../i18n/i18n-context';
import { intakeEn, intakeFr, translateCatalogue, type IntakeCatalogue } from '@mnpddh/shared';

/**
 * The form's strings for every interface language, keyed by the site's
 * language codes: adding a language to the site without adding it here is a
 * type error.
 */
export const intakeCatalogues = {
  fr: intakeFr,
  en: intakeEn,
  bm: translateCatalogue(intakeFr, {}, 'intake'),
  ar: translateCatalogue(intakeFr, {}, 'intake'),
} satisfies Record<SiteLocale, IntakeCatalogue>;

/** The form's strings in the current interface language. */
export function useIntakeT(): IntakeCatalogue {
  const [locale] = useSiteLocale();
  return intakeCatalogues[locale];
}

/** Fills `{name}` placeholders with plain text (see ui/fill.tsx for elements). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
