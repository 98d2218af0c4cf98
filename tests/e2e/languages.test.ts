import type { Page } from 'playwright-core';
import { OFFERED_LOCALES } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, watchConsole, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * The language lives in the address (/bm/…), never on the device. The
 * screens are found by structure and field ids, not by their words: the
 * Bambara draft changes as the CNDH's translators review it.
 */

/** Proof of work and Argon2id on a busy machine: a submission can take a while. */
const SLOW = 180_000;

/** What the page's document says about its language and direction. */
function languageOf(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** Links inside the public site (switcher, skip link and the staff link aside): they must keep the address's language. */
function internalLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href^="/"]')]
      .filter((link) => !link.closest('.language-switcher'))
      .map((link) => link.getAttribute('href') ?? '')
      .filter((href) => !href.startsWith('/personnel')),
  );
}

/** Nothing written on the device, whatever the language. */
function storedOnDevice(page: Page): Promise<{ local: number; session: number; cookies: string }> {
  return page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }));
}

function boxOf(page: Page, selector: string): Promise<{ left: number; right: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { left, right } = element.getBoundingClientRect();
      return { left, right };
    });
}

/** Fills the request's three first screens by field id and sends it; resolves on the receipt screen. */
async function sendRequest(page: Page): Promise<void> {
  await page.locator('#f-summary').fill('Un journaliste a été emmené ce matin par des hommes armés.');
  await page.locator('#f-rightNow-detainedOrMissing-yes').check();
  await page.locator('#f-rightNow-lifeInDanger-unknown').check();
  await page.locator('main button[type="submit"]').click();
  await page.locator('#f-contact-methods-phone').check();
  await page.locator('#f-contact-phone').fill('+223 76 12 34 56');
  await page.locator('main button[type="submit"]').click();
  await page.locator('#f-consent-processing').check();
  await page.locator('main button.button--send').click();
  await page.locator('.receipt-code__digits').waitFor({ timeout: SLOW });
}

describe('the defender’s first screens in Bambara, and right to left', () => {
  let portal: RunningPortal;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    portal = await startTestPortal();
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function phone(width = 360): Promise<Page> {
    const page = watchConsole(await browser.newPage(width), problems);
    page.setDefaultTimeout(60_000);
    return page;
  }

  it(
    'shows home and the urgent call in Bambara at 360 px: lang="bm", each language named in itself, axe clean',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/bm/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await languageOf(page)).toEqual({ lang: 'bm', dir: 'ltr' });
      expect(await page.locator('.urgent a[href^="tel:"]').isVisible()).toBe(true);

      const switcher = await page.locator('.language-switcher a').evaluateAll((links) =>
        links.map((link) => ({
          lang: link.getAttribute('lang'),
          hreflang: link.getAttribute('hreflang'),
          href: link.getAttribute('href'),
          current: link.getAttribute('aria-current'),
        })),
      );
      // The offered languages only (never the right-to-left test catalogue), each a real link to this page in it.
      expect(switcher).toEqual(OFFERED_LOCALES.map((code) => ({ lang: code, hreflang: code, href: `/${code}/`, current: code === 'bm' ? 'true' : null })));
      expect(switcher.map((link) => link.lang)).not.toContain('ar');

      expect(await internalLinks(page)).not.toEqual([]);
      for (const href of await internalLinks(page)) expect(href).toMatch(/^\/bm\//);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'keeps Bambara through links and a reload, and opens call-me-back in it',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/bm/`);
      await page.locator('a.action--primary').click();
      await page.waitForURL(`${portal.url}/bm/demande`);
      await page.locator('#f-summary').waitFor();
      await page.reload();
      await page.locator('#f-summary').waitFor();
      expect(await languageOf(page)).toEqual({ lang: 'bm', dir: 'ltr' });
      // The request's first step, as a defender who reads Bambara sees it.
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.locator('.emergency-band__callback').click();
      await page.waitForURL(`${portal.url}/bm/rappel`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await languageOf(page)).toEqual({ lang: 'bm', dir: 'ltr' });
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await storedOnDevice(page)).toEqual({ local: 0, session: 0, cookies: '' });
      await page.close();
    },
    SLOW,
  );

  it(
    'sends a request in Bambara and shows the receipt in Bambara, axe clean',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/bm/demande`);
      await sendRequest(page);
      expect(page.url()).toBe(`${portal.url}/bm/demande`);
      expect(await languageOf(page)).toEqual({ lang: 'bm', dir: 'ltr' });
      expect(await page.locator('.receipt-code__group').count()).toBe(6);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(await storedOnDevice(page)).toEqual({ local: 0, session: 0, cookies: '' });
      await page.close();
    },
    SLOW,
  );

  it(
    'changes language on the same page without losing what was typed',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/bm/demande`);
      await page.locator('#f-summary').fill('Ce que je tape reste.');
      await page.locator('.language-switcher a[hreflang="fr"]').click();
      await page.waitForURL(`${portal.url}/fr/demande`);
      expect(await languageOf(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await page.locator('#f-summary').inputValue()).toBe('Ce que je tape reste.');
      await page.close();
    },
    SLOW,
  );

  it.each([
    ['bm-ML,bm;q=0.9,fr;q=0.8', 'bm'],
    ['en-GB,en;q=0.9', 'en'],
  ])(
    'takes Accept-Language %j as the first guess for an unprefixed address, in one request',
    async (header, expected) => {
      const page = await phone();
      // The profile's own locale (fr-FR) wins over extra headers: set the header on the way out instead.
      await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': header } }));
      const documents: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'document') documents.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${portal.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await languageOf(page)).toEqual({ lang: expected, dir: 'ltr' });
      expect(documents).toEqual([`200 ${portal.url}/`]);
      expect(await page.locator('.language-switcher a[aria-current="true"]').getAttribute('lang')).toBe(expected);
      // The guess holds on the next page too: the links stay unprefixed, and the server guesses again.
      await page.locator('a.action--primary').click();
      await page.waitForURL(`${portal.url}/demande`);
      expect(await languageOf(page)).toEqual({ lang: expected, dir: 'ltr' });
      await page.close();
    },
    SLOW,
  );

  it(
    'turns a shared link’s ?lang=bm into the address’s prefix without another request',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/demande?lang=bm`);
      await page.locator('#f-summary').waitFor();
      expect(page.url()).toBe(`${portal.url}/bm/demande`);
      expect(await languageOf(page)).toEqual({ lang: 'bm', dir: 'ltr' });
      await page.close();
    },
    SLOW,
  );

  it.each([360, 1280])(
    'lays the Arabic test catalogue out right to left at %i px: mirrored header, band and actions, no sideways scroll',
    async (width) => {
      const mirrored = await phone(width);
      await mirrored.goto(`${portal.url}/ar/`);
      await mirrored.locator('a.action--primary').waitFor();
      expect(await languageOf(mirrored)).toEqual({ lang: 'ar', dir: 'rtl' });
      const reference = await phone(width);
      await reference.goto(`${portal.url}/fr/`);
      await reference.locator('a.action--primary').waitFor();

      for (const page of [reference, mirrored]) {
        const rtl = page === mirrored;
        const exit = await boxOf(page, '.quick-exit');
        const brand = await boxOf(page, '.site-header .brand');
        // The quick exit is at the end of the line: right in French, left in Arabic.
        expect(rtl ? exit.right < brand.left : exit.left > brand.right).toBe(true);
        const icon = await boxOf(page, '.emergency-band__text .icon');
        const number = await boxOf(page, '.emergency-band__text .phone');
        expect(rtl ? icon.left > number.right : icon.right < number.left).toBe(true);
        const arrow = await boxOf(page, 'a.action--primary .action__arrow');
        const title = await boxOf(page, 'a.action--primary .action__title');
        expect(rtl ? arrow.right < title.left : arrow.left > title.right).toBe(true);
        // The callout's bar sits where lines start.
        const bar = await page
          .locator('.callout')
          .first()
          .evaluate((box) => ({ left: getComputedStyle(box).borderLeftWidth, right: getComputedStyle(box).borderRightWidth }));
        expect(bar).toEqual(rtl ? { left: '0px', right: '4px' } : { left: '4px', right: '0px' });
        // "Forward" points the reading way.
        const transform = await page.locator('a.action--primary .action__arrow').evaluate((svg) => getComputedStyle(svg).transform);
        expect(transform).toBe(rtl ? 'matrix(-1, 0, 0, 1, 0, 0)' : 'none');
        // Text starts on the reading side: the heading's first line touches the main column's start edge.
        const column = await boxOf(page, '#main .container');
        const heading = await page.locator('h1').evaluate((h1) => {
          const range = document.createRange();
          range.selectNodeContents(h1);
          const { left, right } = range.getClientRects()[0] ?? { left: 0, right: 0 };
          const padding = parseFloat(getComputedStyle(h1.closest('.container') ?? h1).paddingInlineStart);
          return { left, right, padding };
        });
        if (rtl) expect(Math.abs(column.right - heading.padding - heading.right)).toBeLessThan(2);
        else expect(Math.abs(column.left + heading.padding - heading.left)).toBeLessThan(2);
        expect(await overflowsHorizontally(page)).toBe(false);
      }
      expect(await accessibilityProblems(mirrored)).toEqual([]);
      await mirrored.close();
      await reference.close();
    },
    SLOW,
  );

  it(
    'keeps the receipt’s groups in writing order in right to left',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/ar/demande`);
      await sendRequest(page);
      expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      const lefts = await page.locator('.receipt-code__group').evaluateAll((groups) => groups.slice(0, 3).map((group) => group.getBoundingClientRect().left));
      expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
      const phoneNumber = page.locator('.receipt__lost .phone');
      expect(await phoneNumber.evaluate((link) => getComputedStyle(link).direction)).toBe('ltr');
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.close();
    },
    SLOW,
  );

  it('never requests anything from another origin, and no script error', () => {
    const origin = new URL(portal.url).origin;
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
