import { fallbackMatcher } from './fallback-matcher.js';
import { frenchFallbacksOf, translateCatalogue } from './translate.js';

describe('French fallbacks', () => {
  const source = {
    home: {
      title: 'Demander une protection',
      call: 'Urgence : {phone}',
      phone: '{phone}',
      minutes: '{count, plural, one {# minute} other {# minutes}}',
      back: 'Retour',
    },
  };
  const translations = { 'site.home.back': 'Kɔsegin' };
  const words = translateCatalogue(source, translations, 'site');
  const sut = fallbackMatcher(frenchFallbacksOf(translations));

  it('records the messages a language lacks, not the ones it translates', () => {
    expect(words.home.back).toBe('Kɔsegin');
    expect([...frenchFallbacksOf(translations)]).toEqual(expect.arrayContaining(['Demander une protection', 'Urgence : {phone}']));
    expect(frenchFallbacksOf(translations).has('Retour')).toBe(false);
  });

  it('knows a French message on the page, formatted or not, with the markup’s whitespace', () => {
    expect(sut('Demander une protection')).toBe(true);
    expect(sut('\n  Demander   une protection ')).toBe(true);
    expect(sut('Urgence : 80 00 11 12')).toBe(true);
  });

  it('does not take a translation, other words, or a bare value for French', () => {
    expect(sut('Kɔsegin')).toBe(false);
    expect(sut('Demander une protection maintenant')).toBe(false);
    expect(sut('80 00 11 12')).toBe(false);
    expect(sut('2 minutes')).toBe(false);
  });
});
