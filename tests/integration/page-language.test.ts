import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startTestPortal } from '../support/test-portal.js';

/** A language offered besides French, reached by its prefix or guessed from the browser. */
const OTHER = 'bm';

/** The opening tag of the HTML the server sends, before any script runs. */
function htmlTag(html: string): string {
  return /<html[^>]*>/.exec(html)?.[0] ?? '';
}

describe('the language of the app’s pages, decided by the server', () => {
  let portal: RunningPortal;
  const get = (path: string, acceptLanguage = 'fr-FR,fr;q=0.9') =>
    fetch(`${portal.url}${path}`, { headers: { 'accept-language': acceptLanguage }, redirect: 'manual' });

  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it.each([`/${OTHER}/`, `/${OTHER}`, `/${OTHER}/demande`, `/${OTHER}/suivi`, `/${OTHER}/rappel`, `/${OTHER}/aide`])(
    'serves %s with the language and direction in <html>, whatever the browser prefers',
    async (path) => {
      const response = await get(path, 'fr');
      expect(response.status).toBe(200);
      expect(htmlTag(await response.text())).toBe(`<html lang="${OTHER}" dir="ltr">`);
      expect(response.headers.get('content-language')).toBe(OTHER);
      // The address decided: the same answer for every browser.
      expect(response.headers.get('vary') ?? '').not.toMatch(/accept-language/i);
    },
  );

  it('serves the right-to-left test catalogue by its prefix with dir="rtl", and never guesses it', async () => {
    const response = await get('/ar/demande', 'ar');
    expect(htmlTag(await response.text())).toBe('<html lang="ar" dir="rtl">');
    const unprefixed = await get('/demande', 'ar-ML,ar');
    expect(htmlTag(await unprefixed.text())).toBe('<html lang="fr" dir="ltr">');
  });

  it('guesses an unprefixed page’s language from Accept-Language in one answer, and says it varies', async () => {
    const guessed = await get('/demande', `${OTHER}-GB,${OTHER};q=0.8`);
    expect(guessed.status).toBe(200);
    expect(htmlTag(await guessed.text())).toBe(`<html lang="${OTHER}" dir="ltr">`);
    expect(guessed.headers.get('vary') ?? '').toMatch(/accept-language/i);
    const french = await get('/', 'de-DE,fr;q=0.5');
    expect(htmlTag(await french.text())).toBe('<html lang="fr" dir="ltr">');
  });

  it('answers Tor Browser’s fixed English header in French, the site’s own language', async () => {
    const response = await get('/', 'en-US,en;q=0.5');
    expect(htmlTag(await response.text())).toBe('<html lang="fr" dir="ltr">');
  });

  it('writes only a known code into the markup, never the header or the path as sent', async () => {
    const hostile = await get('/', `"><script src=//evil.example/x.js></script>,${OTHER}`);
    const html = await hostile.text();
    expect(htmlTag(html)).toBe(`<html lang="${OTHER}" dir="ltr">`);
    expect(html).not.toContain('evil.example');
    expect(hostile.headers.get('content-language')).toBe(OTHER);
    const shouting = await get(`/${OTHER.toUpperCase()}/Demande`);
    expect(htmlTag(await shouting.text())).toBe(`<html lang="${OTHER}" dir="ltr">`);
  });

  it('sends a browser without JavaScript to the plain page in the same language', async () => {
    expect(await (await get(`/${OTHER}/demande`)).text()).toContain(`url=/simple/demande?lang=${OTHER}"`);
    expect(await (await get(`/${OTHER}/`)).text()).toContain(`url=/simple/?lang=${OTHER}"`);
    // Unprefixed: the plain page guesses from the same header.
    expect(await (await get('/suivi')).text()).toContain('url=/simple/suivi"');
  });

  it('gives the pages without JavaScript the same first guess', async () => {
    expect(htmlTag(await (await get('/simple/', `${OTHER}-ML,fr;q=0.5`)).text())).toMatch(new RegExp(`^<html lang="${OTHER}"`));
    expect(htmlTag(await (await get('/simple/', 'en-US,en;q=0.5')).text())).toMatch(/^<html lang="fr"/);
  });

  it.each(['/xx/demande', `/${OTHER}/inconnue`, `/${OTHER}/personnel`, `/${OTHER}/simple/demande`, `/${OTHER}/${OTHER}/demande`, `/${OTHER}/api/health`])(
    'keeps %s a 404',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<div id="root">');
    },
  );

  it('leaves the staff pages as they were: French markup, no guess', async () => {
    const response = await get('/personnel', `${OTHER}`);
    expect(response.status).toBe(200);
    expect(htmlTag(await response.text())).toBe('<html lang="fr">');
    expect(response.headers.get('vary') ?? '').not.toMatch(/accept-language/i);
  });
});
