/**
 * A page that does not jump: every public page, loaded cold on the phone
 * profile (360×740, a slow line and a slow processor, as bench/page-load and
 * bench/no-javascript measure), keeps its cumulative layout shift at or
 * below 0.05 — measured in the page by a PerformanceObserver for
 * `layout-shift` entries, the way Lighthouse and the browsers count it. The
 * form's code arriving after "Chargement…" used to push the whole footer
 * (0.57 on /demande).
 */
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

const PUBLIC_PAGES = ['/', '/demande', '/suivi', '/rappel', '/aide'];
const CLS_BUDGET = 0.05;
const PHONE_NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (200 * 1000) / 8 };
const SLOW_MS = 240_000;

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/** A phone's page: small screen, empty cache, slow line, slow processor; layout shifts summed from the first paint on. */
async function phonePage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  page.setDefaultTimeout(120_000);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const scope = window as unknown as { layoutShift: number };
    scope.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) scope.layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return page;
}

describe('the public pages on a phone', () => {
  it.each(PUBLIC_PAGES)(
    '%s does not jump while it loads (CLS ≤ 0.05)',
    async (path) => {
      const page = await phonePage();
      await page.goto(`${portal.url}${path}`);
      // Loaded: the page's own heading is on screen, and nothing is still coming.
      await page.locator('main h1').first().waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
      const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
      await page.close();
      expect(shift).toBeLessThanOrEqual(CLS_BUDGET);
    },
    SLOW_MS,
  );
});
