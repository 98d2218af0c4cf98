import { SiteLocaleSchema } from '../locale.js';
import { isSiteLocale, LANGUAGES, OFFERED_LOCALES, SITE_LOCALES, staffLocaleOf } from './languages.js';
import { siteFr } from './index.js';
import { translateCatalogue } from './translate.js';

describe('languages as data', () => {
  it('configures French, English, Bambara and an Arabic test catalogue that is never offered', () => {
    expect(SITE_LOCALES).toEqual(['fr', 'en', 'bm', 'ar']);
    expect(OFFERED_LOCALES).toEqual(['fr', 'en', 'bm']);
    expect(LANGUAGES.find((language) => language.code === 'ar')?.dir).toBe('rtl');
  });

  it('accepts only configured languages at the edge', () => {
    expect(SiteLocaleSchema.safeParse('bm').success).toBe(true);
    expect(SiteLocaleSchema.safeParse('xx').success).toBe(false);
    expect(isSiteLocale('__proto__')).toBe(false);
  });

  it('maps every public language to the staff side’s French or English', () => {
    expect(SITE_LOCALES.map(staffLocaleOf)).toEqual(['fr', 'en', 'fr', 'fr']);
  });
});

describe('per-message fallback to French', () => {
  it('puts a translated message in place and keeps French for the others', () => {
    const sut = translateCatalogue(siteFr, { 'site.home.title': 'Translated', 'site.home.who.1': 'Second' }, 'site');
    expect(sut.home.title).toBe('Translated');
    expect(sut.home.lead).toBe(siteFr.home.lead);
    expect(sut.home.who).toEqual([siteFr.home.who[0], 'Second', siteFr.home.who[2]]);
  });

  it('ignores a translation whose key is not a message of the catalogue', () => {
    const sut = translateCatalogue(siteFr, { 'site.home': 'x', toString: 'y' } as Record<string, string>, 'site');
    expect(sut.home.title).toBe(siteFr.home.title);
  });
});
