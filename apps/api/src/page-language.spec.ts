import { guessLanguage, pageLanguage, splitLanguagePrefix } from './page-language.js';

describe('splitLanguagePrefix', () => {
  it.each([
    ['/en/demande', { code: 'en', page: '/demande' }],
    ['/en/', { code: 'en', page: '/' }],
    ['/en', { code: 'en', page: '/' }],
    ['/EN/suivi', { code: 'en', page: '/suivi' }],
    ['/fr/aide', { code: 'fr', page: '/aide' }],
    ['/bm/demande', { code: 'bm', page: '/demande' }],
    ['/ar/', { code: 'ar', page: '/' }],
  ])('reads %s as a page in a language', (path, expected) => {
    expect(splitLanguagePrefix(path)).toEqual(expected);
  });

  it.each(['/demande', '/', '/xx/demande', '/english/demande', '/personnel', '/simple/demande', '//en/demande'])('finds no language in %s', (path) => {
    expect(splitLanguagePrefix(path)).toBeNull();
  });
});

describe('guessLanguage', () => {
  it.each([
    ['en-GB,en;q=0.8', 'en'],
    ['de-DE, en;q=0.5', 'en'],
    ['fr-ML,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE', 'fr'],
    ['bm-ML,fr;q=0.8', 'bm'],
    ['en;q=0, bm;q=0.5', 'bm'],
    // The right-to-left test catalogue is reached by its prefix only, never guessed.
    ['ar-ML,ar', 'fr'],
    ['*', 'fr'],
    ['', 'fr'],
  ])('takes the first offered language of %j', (header, expected) => {
    expect(guessLanguage(header)).toBe(expected);
  });

  it('reads nothing into the header every Tor Browser sends, whatever its user reads', () => {
    expect(guessLanguage('en-US,en;q=0.5')).toBe('fr');
    expect(guessLanguage('en-US, en;q=0.5')).toBe('fr');
    // An English browser that says anything more is taken at its word.
    expect(guessLanguage('en-US,en;q=0.9')).toBe('en');
  });

  it('takes French when the browser sends no header', () => {
    expect(guessLanguage(undefined)).toBe('fr');
  });
});

describe('pageLanguage', () => {
  it('prefers the address to the browser, and says which decided', () => {
    expect(pageLanguage('/fr/demande', 'en')).toEqual({ code: 'fr', dir: 'ltr', named: true });
    expect(pageLanguage('/demande', 'en')).toEqual({ code: 'en', dir: 'ltr', named: false });
    expect(pageLanguage('/ar/demande', 'bm')).toEqual({ code: 'ar', dir: 'rtl', named: true });
  });
});

describe('pageLanguage of a staff page', () => {
  it.each([
    ['bm-ML,fr;q=0.8', 'fr'],
    ['en-GB', 'en'],
    ['fr', 'fr'],
  ])('answers %s in a staff language (%s): the dashboard speaks French or English only', (acceptLanguage, code) => {
    expect(pageLanguage('/personnel/accueil', acceptLanguage)).toEqual({ code, dir: 'ltr', named: false });
    expect(pageLanguage('/personnel', acceptLanguage).code).toBe(code);
  });
});
