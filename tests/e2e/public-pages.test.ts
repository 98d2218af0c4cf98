import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, overflowsHorizontally, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

describe('public pages in a real browser', () => {
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

  it.each([360, 1280])('shows the home page in French at %i px, with the quick exit and no sideways scroll', async (width) => {
    const page = await browser.newPage(width);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto(`${portal.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    // A neutral title: nothing on a seized phone's tab list says "protection".
    expect(await page.title()).not.toMatch(/protection|CNDH|défenseur/i);
    await expect(
      page
        .getByRole('link', { name: /Demander une protection/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Quitter vite/ }).isVisible()).resolves.toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('switches to English without storing anything on the device', async () => {
    const page = await browser.newPage(360);
    await page.goto(`${portal.url}/`);
    await page
      .getByRole('button', { name: 'English' })
      .or(page.getByRole('link', { name: 'English' }))
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /defenders/i }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookies: '' });
    await page.close();
  });

  it('opens the staff area link and the help page from the home page', async () => {
    const page = await browser.newPage(1280);
    await page.goto(`${portal.url}/`);
    await page
      .getByRole('link', { name: /Aide et sécurité/ })
      .first()
      .click();
    await page.waitForURL(`${portal.url}/aide`);
    // The help page is its own chunk: the home page's heading is still there while it downloads.
    await page.locator('main', { hasText: 'Tor' }).waitFor();
    await page.close();
  });

  it('never requests anything from another origin', () => {
    const origin = new URL(portal.url).origin;
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});
