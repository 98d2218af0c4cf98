/**
 * The pages without JavaScript mark French shown in place of a missing
 * translation: inside a Bambara or Arabic page it carries lang="fr" (and
 * dir="ltr" right to left); a translated message carries no lang of its own
 * (it inherits the page's).
 */
import { siteFr, TRANSLATION_LOADERS } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

async function page(path: string): Promise<string> {
  const response = await fetch(`${portal.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The markup just around a text: the element that holds it. */
function around(html: string, text: string): string {
  const at = html.indexOf(text);
  if (at < 0) throw new Error(`not on the page: ${text}`);
  return html.slice(html.lastIndexOf('<', at), at + text.length);
}

describe('French fallback marked as French, without JavaScript', () => {
  it('marks a Bambara page’s French fallback lang="fr", and leaves its Bambara alone', async () => {
    const bambara = await TRANSLATION_LOADERS.bm();
    // The help page is not translated yet: it shows in French; the quick exit is translated.
    expect(Object.hasOwn(bambara, 'site.layout.quickExit')).toBe(true);
    expect(Object.hasOwn(bambara, 'site.help.title')).toBe(false);
    const html = await page('/simple/aide?lang=bm');
    expect(around(html, siteFr.help.title)).toBe(`<span lang="fr">${siteFr.help.title}`);
    expect(around(html, bambara['site.layout.quickExit'] ?? '')).toBe(`<span>${bambara['site.layout.quickExit'] ?? ''}`);
  });

  it('marks French in the Arabic test page lang="fr" dir="ltr"', async () => {
    const html = await page('/simple/?lang=ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(around(html, siteFr.layout.skipLink)).toBe(`<span lang="fr" dir="ltr">${siteFr.layout.skipLink}`);
  });

  it('marks nothing on a French page', async () => {
    expect(await page('/simple/')).not.toMatch(/<span lang="fr"/);
  });
});
