import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

/** The catalogue chunk each language's choice downloads (vite names a chunk after its module: compiled/bm.ts → bm-<hash>.js). */
const LANGUAGE_CHUNK = /\/assets\/(en|bm|ar)-[\w-]+\.js$/;

describe('language catalogues in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;

  beforeAll(async () => {
    portal = await startTestPortal();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** Opens a page and lists the language chunks it downloaded. */
  async function open(path: string, problems: string[]): Promise<{ page: Page; chunks: () => string[] }> {
    const page = watchConsole(await browser.newPage(360), problems);
    const chunks: string[] = [];
    page.on('request', (request) => {
      const match = LANGUAGE_CHUNK.exec(new URL(request.url()).pathname);
      if (match?.[1]) chunks.push(match[1]);
    });
    await page.goto(`${portal.url}${path}`);
    return { page, chunks: () => chunks };
  }

  it('downloads no other language for a French visitor', async () => {
    const problems: string[] = [];
    const { page, chunks } = await open('/', problems);
    await page.getByRole('heading', { level: 1, name: /Nous protégeons/ }).waitFor();
    expect(chunks()).toEqual([]);
    // Nor does the page's entry script carry another language's words.
    const entry = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '');
    const script = await (await fetch(entry)).text();
    const carries = (words: string) => script.includes(words);
    expect(['Nous protégeons les défenseurs', 'We protect human rights defenders', 'An bɛ hadamaden josariyaw'].map(carries)).toEqual([true, false, false]);
    expect(await page.locator('.review-notice').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows Bambara awaiting review, French for each message not yet translated, and downloads Bambara only', async () => {
    const problems: string[] = [];
    const { page, chunks } = await open('/aide?lang=bm', problems);
    // Translated (awaiting review): the navigation. Not translated yet: the help page's own title, in French.
    await page.getByRole('link', { name: 'Dɛmɛ ani lakana' }).first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Aide et sécurité');
    expect(await page.getAttribute('html', 'lang')).toBe('bm');
    expect(await page.locator('.review-notice').textContent()).toBe('Nin bamanankan ma lajɛ fɔlɔ kan fɔbaga dɔ fɛ.');
    expect(chunks()).toEqual(['bm']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lays the Arabic test catalogue out right to left, without the review line of a language offered for review', async () => {
    const problems: string[] = [];
    const { page, chunks } = await open('/?lang=ar', problems);
    await page.getByRole('heading', { level: 1, name: 'نحمي المدافعين عن حقوق الإنسان' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('.review-notice').count()).toBe(0);
    expect(chunks()).toEqual(['ar']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves the pages without JavaScript from the same catalogues', async () => {
    const response = await fetch(`${portal.url}/simple/?lang=bm`);
    const page = await response.text();
    expect(page).toContain('<html lang="bm" dir="ltr">');
    expect(page).toContain('An bɛ hadamaden josariyaw lafasabagaw tanga');
    expect(page).toContain('<p class="review-notice">Nin bamanankan ma lajɛ fɔlɔ kan fɔbaga dɔ fɛ.</p>');
    // Not translated yet: French.
    expect(page).toContain('Version simple, sans JavaScript');
  });
});
