// Public page load on a throttled phone: headless Chromium (Debian's
// /usr/bin/chromium, or CHROMIUM_PATH) at 360×740, CDP network 400 kbit/s
// down / 200 kbit/s up / 400 ms RTT and CPU slowed 4×, empty cache each run;
// time from navigation to the form being usable, median of RUNS. Lists the
// chunks each route loads and fails if one is a dashboard chunk, or if the
// home page weighs more than the 100 kB budget over the wire; the Bambara
// home's weight against the same budget is reported.
// Run: npm run bench:page-load   (builds what is stale; starts its own portal and PostgreSQL; loopback only)
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { chromium } from 'playwright-core';
import { startPortal } from '../apps/api/dist/boot.js';
import { DASHBOARD_CHUNK_PATTERN } from './lib/chunks.mjs';
import { kib, machineLine, median, ms, writeSection } from './lib/report.mjs';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (200 * 1000) / 8 };
const CPU_SLOWDOWN = 4;

/** Bytes over the wire (gzip) a home page may weigh, document and everything it loads before it is usable. */
const HOME_BUDGET_BYTES = 100_000;

/**
 * "Usable": the page's heading and its first control on screen and enabled (the app renders client-side only).
 * Found by structure, not words: the Bambara pages use the same locators as the French ones.
 */
const home = (page) => [page.getByRole('heading', { level: 1 }), page.locator('a.action--primary')];
const requestForm = (page) => [page.locator('main h2').first(), page.locator('#f-summary')];
const ROUTES = [
  { path: '/', ready: home, budget: 'must' },
  { path: '/bm/', ready: home, budget: 'report' },
  { path: '/demande', ready: requestForm },
  { path: '/bm/demande', ready: requestForm },
];

async function loadOnce(context, url, route) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const assets = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/')) assets.push(pathname.slice('/assets/'.length));
  });
  const started = Date.now();
  await page.goto(`${url}${route.path}`, { waitUntil: 'commit' });
  for (const locator of route.ready(page)) {
    await locator.waitFor({ state: 'visible' });
    if (!(await locator.isEnabled())) throw new Error(`${route.path}: first control not enabled`);
  }
  const usable = Date.now() - started;
  const transfer = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .concat(performance.getEntriesByType('navigation'))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
  );
  await page.close();
  return { usable, transfer, assets };
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const profile = await mkdtemp(join(tmpdir(), 'mnpddh-chromium-'));
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  locale: 'fr-FR',
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
try {
  const rows = [];
  const chunkLines = [];
  for (const route of ROUTES) {
    await loadOnce(context, portal.url, route); // warm-up: server caches, Chromium's code paths; not counted
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(context, portal.url, route));
    const assets = [...new Set(runs.flatMap((run) => run.assets))].sort();
    const dashboard = assets.filter((name) => DASHBOARD_CHUNK_PATTERN.test(name));
    if (dashboard.length > 0) throw new Error(`${route.path} loaded dashboard chunks: ${dashboard.join(', ')}`);
    const times = runs.map((run) => run.usable);
    const heaviest = Math.max(...runs.map((run) => run.transfer));
    if (route.budget === 'must' && heaviest > HOME_BUDGET_BYTES)
      throw new Error(`${route.path} transferred ${heaviest} bytes, over the ${HOME_BUDGET_BYTES}-byte budget`);
    const budget = route.budget ? (heaviest <= HOME_BUDGET_BYTES ? 'within' : `**over** by ${(heaviest - HOME_BUDGET_BYTES).toLocaleString('en')} bytes`) : '';
    rows.push(
      `| \`${route.path}\` | **${ms(median(times))}** | ${ms(Math.min(...times))} – ${ms(Math.max(...times))} | ${kib(median(runs.map((run) => run.transfer)))} (${median(runs.map((run) => run.transfer)).toLocaleString('en')} bytes) | ${budget} |`,
    );
    chunkLines.push(`- \`${route.path}\`: ${assets.map((name) => `\`${name}\``).join(', ')} — no dashboard chunk`);
  }
  writeSection(
    '2-page-load',
    `## 2. Public page load on a throttled phone

\`npm run bench:page-load\` (bench/page-load.bench.mjs): headless Chromium
(/usr/bin/chromium via playwright-core), viewport 360×740, CDP
\`Network.emulateNetworkConditions\` 400 kbit/s down, 200 kbit/s up, 400 ms RTT,
\`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}, cache cleared and disabled each run; the
portal (built API serving the built web app, gzip) on loopback. "Usable" =
from \`page.goto\` to the page heading and its first control visible and
enabled (the link to the form on the home pages, the first field on the
form). "Transferred" = the document and every resource as they crossed the
wire (gzip), from the Resource Timing API. \`/bm/\` is the Bambara home with
the language in the address (the server writes \`<html lang="bm">\`; the page
also downloads the Bambara catalogue's chunk); \`/\` over
${HOME_BUDGET_BYTES.toLocaleString('en')} bytes (its heaviest run) fails the benchmark, \`/bm/\` is measured against the same budget. One warm-up load per route, then ${RUNS} counted.
${machineLine()}

| route | usable after (median of ${RUNS}) | min – max | transferred (median) | ${HOME_BUDGET_BYTES.toLocaleString('en')}-byte budget (heaviest run) |
|---|---|---|---|---|
${rows.join('\n')}

Chunks requested (union of the runs):
${chunkLines.join('\n')}
`,
  );
} finally {
  await context.close();
  await portal.close();
  await rm(profile, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
