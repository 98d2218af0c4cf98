import type { Page } from 'playwright-core';
import { siteFr } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * Inside a Bambara or Arabic page, a message shown in French because its
 * translation is missing carries lang="fr" (and dir="ltr" right to left), so
 * a screen reader reads it with a French voice; a translated message carries
 * no lang of its own and inherits the page's. The help page is not
 * translated yet; the navigation is.
 */
describe('French fallback marked as French, in the browser at 360 px', () => {
  let portal: RunningPortal;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    portal = await startTestPortal();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = watchConsole(await browser.newPage(360), problems);
    page.setDefaultTimeout(60_000);
    await page.goto(`${portal.url}${path}`);
    return page;
  }

  /** The element's own lang and dir attributes (null: inherited). */
  function ownLanguage(page: Page, selector: string): Promise<[string | null, string | null]> {
    return page
      .locator(selector)
      .first()
      .evaluate((element) => [element.getAttribute('lang'), element.getAttribute('dir')]);
  }

  it('marks the French title of a Bambara page lang="fr", not its Bambara navigation; axe clean', async () => {
    const page = await open('/bm/aide');
    const title = page.getByRole('heading', { level: 1, name: siteFr.help.title });
    await title.waitFor();
    await page.locator('h1[lang="fr"]').waitFor();
    expect(await ownLanguage(page, 'h1')).toEqual(['fr', null]);
    const translated = page.locator('a', { hasText: 'Dɛmɛ ani lakana' }).first();
    expect(await translated.evaluate((element) => [element.getAttribute('lang'), element.closest('[lang]')?.getAttribute('lang')])).toEqual([null, 'bm']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it('marks French in the Arabic test page lang="fr" dir="ltr", not its Arabic; axe clean', async () => {
    const page = await open('/ar/aide');
    await page.locator('h1[lang="fr"]').waitFor();
    expect(await ownLanguage(page, 'h1')).toEqual(['fr', 'ltr']);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const home = await open('/ar/');
    await home.getByRole('heading', { level: 1, name: 'نحمي المدافعين عن حقوق الإنسان' }).waitFor();
    expect(await ownLanguage(home, 'h1')).toEqual([null, null]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
    await home.close();
  });

  it('offers staff pages in French and English only: a Bambara visitor gets the French sign-in, marked French', async () => {
    const page = await open('/personnel?lang=bm');
    const buttons = page.locator('.language-switcher[role="group"] button');
    await buttons.first().waitFor();
    expect(await buttons.allTextContents()).toEqual(['Français', 'English']);
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(await buttons.first().getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('body [lang="fr"]:not(button)').count()).toBe(0);
    await page.close();
  });

  it('takes the mark back when the page turns French', async () => {
    const page = await open('/bm/aide');
    await page.locator('h1[lang="fr"]').waitFor();
    await page.locator('.language-switcher a[hreflang="fr"]').first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.waitForFunction(() => document.querySelectorAll('main [lang="fr"]').length === 0);
    expect(await ownLanguage(page, 'h1')).toEqual([null, null]);
    await page.close();
    expect(problems).toEqual([]);
  });
});
