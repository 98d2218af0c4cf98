// The request form on a throttled phone, with and without JavaScript, and
// the layout shift of every public page. Headless Chromium (Debian's
// /usr/bin/chromium, or CHROMIUM_PATH) at 360×740, the same phone profile as
// page-load.bench.mjs (CDP network 400 kbit/s down / 200 kbit/s up / 400 ms
// RTT, CPU slowed 4×), empty cache each run.
// - bytes: what crossed the network (CDP encodedDataLength: headers and gzip
//   bodies) until the first field of the form was usable;
// - time: from navigation to that field visible and enabled — with
//   JavaScript the React form on /demande; without it /demande follows its
//   <noscript> refresh to /simple/demande, and that page's first field;
// - CLS: the sum of layout-shift values (CDP PerformanceTimeline, which
//   works with JavaScript off too) from navigation until the page is usable
//   and the network has been quiet.
// Run: npm run bench:no-javascript   (builds what is stale; starts its own portal and PostgreSQL; loopback only)
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { chromium } from 'playwright-core';
import { startPortal } from '../apps/api/dist/boot.js';
import { kib, machineLine, median, ms, writeSection } from './lib/report.mjs';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (200 * 1000) / 8 };
const CPU_SLOWDOWN = 4;
const PUBLIC_PAGES = ['/', '/demande', '/suivi', '/rappel', '/aide'];

/** The first field of the page's form (or, where there is no form, its heading), visible and enabled. */
const firstControl = (page) => page.locator('main').locator('input:not([type="hidden"]), textarea, select, a.button, h1').first();

async function throttled(context) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  page.setDefaultTimeout(90_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  let shift = 0;
  cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
    if (event.type === 'layout-shift' && !event.layoutShiftDetails?.hadRecentInput) shift += event.layoutShiftDetails?.value ?? 0;
  });
  await cdp.send('PerformanceTimeline.enable', { eventTypes: ['layout-shift'] });
  return { page, bytes: () => bytes, shift: () => shift };
}

/** One cold load of `path`: bytes and time until the first field is usable, and the layout shift once the page has settled. */
async function loadOnce(context, url, path) {
  const probe = await throttled(context);
  const started = Date.now();
  await probe.page.goto(`${url}${path}`, { waitUntil: 'commit' });
  const control = firstControl(probe.page);
  await control.waitFor({ state: 'visible' });
  if (!(await control.isEnabled())) throw new Error(`${path}: first control not enabled`);
  const usable = Date.now() - started;
  const bytes = probe.bytes();
  await probe.page.waitForLoadState('networkidle');
  const cls = probe.shift();
  await probe.page.close();
  return { usable, bytes, cls, landed: new URL(probe.page.url()).pathname };
}

async function browser(profile, javaScriptEnabled) {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'fr-FR',
    javaScriptEnabled,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function runs(context, url, path) {
  await loadOnce(context, url, path); // warm-up: server caches, Chromium's code paths; not counted
  const all = [];
  for (let i = 0; i < RUNS; i++) all.push(await loadOnce(context, url, path));
  return all;
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const profiles = [await mkdtemp(join(tmpdir(), 'mnpddh-chromium-')), await mkdtemp(join(tmpdir(), 'mnpddh-chromium-'))];
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
const withScript = await browser(profiles[0], true);
const noScript = await browser(profiles[1], false);
try {
  const formRows = [];
  for (const [mode, context] of [
    ['with JavaScript', withScript],
    ['without JavaScript', noScript],
  ]) {
    const all = await runs(context, portal.url, '/demande');
    const times = all.map((run) => run.usable);
    formRows.push(
      `| ${mode} | \`${all[0]?.landed}\` | **${kib(median(all.map((run) => run.bytes)))}** | **${ms(median(times))}** | ${ms(Math.min(...times))} – ${ms(Math.max(...times))} |`,
    );
  }
  const clsRows = [];
  for (const path of PUBLIC_PAGES) {
    const scripted = await runs(withScript, portal.url, path);
    const plain = await runs(noScript, portal.url, path);
    const worst = (list) => Math.max(...list.map((run) => run.cls)).toFixed(3);
    clsRows.push(`| \`${path}\` | ${worst(scripted)} | ${worst(plain)} (\`${plain[0]?.landed}\`) |`);
  }
  writeSection(
    '10-no-javascript',
    `## 10. The request form with and without JavaScript; layout shift of the public pages

\`npm run bench:no-javascript\` (bench/no-javascript.bench.mjs): headless
Chromium at 360×740, CDP network 400 kbit/s down, 200 kbit/s up, 400 ms RTT,
CPU slowed ${CPU_SLOWDOWN}×, cache cleared and disabled each run; the portal (built
API serving the built web app, gzip) on loopback. "Bytes" = everything that
crossed the network (headers and compressed bodies, CDP
\`encodedDataLength\`) until the form's first field was visible and enabled;
"usable after" = from navigation to then. Without JavaScript, \`/demande\`
follows its \`<noscript>\` refresh to the plain page. One warm-up load, then
${RUNS} counted; medians.
${machineLine()}

| mode | form served at | bytes to first usable form | usable after | min – max |
|---|---|---|---|---|
${formRows.join('\n')}

Cumulative layout shift (sum of layout-shift values without recent input,
CDP PerformanceTimeline, until the network is quiet), worst of ${RUNS} cold
loads; the budget is 0.05:

| page | with JavaScript | without JavaScript |
|---|---|---|
${clsRows.join('\n')}
`,
  );
} finally {
  await withScript.close();
  await noScript.close();
  await portal.close();
  for (const profile of profiles) await rm(profile, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
