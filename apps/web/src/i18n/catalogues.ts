import { siteEn as en, siteFr as fr, type SiteCatalogue as Catalogue } from '@mnpddh/shared';

/**
 * Every interface language, by its code. Adding a language (Bambara `bm`,
 * Fulfulde `ff`, Songhay…) is adding its catalogue file and one line here.
 */
export const catalogues = {
  fr,
  en,
} satisfies Record<string, Catalogue>;

export type LocaleCode = keyof typeof catalogues;

export const localeCodes = Object.keys(catalogues) as LocaleCode[];

export function isLocaleCode(value: string | null | undefined): value is LocaleCode {
  return typeof value === 'string' && Object.hasOwn(catalogues, value);
}
