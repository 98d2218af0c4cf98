import { mkdir, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * The auditor's journey in a real browser: requests come in (so
 * the aggregate counters hold something, some of it below k = 5); an
 * auditor signs in with a TOTP code, sees charts and tables with hidden
 * cells marked and explained, exports a CSV (its content checked), opens the
 * printable annual report in French and English, and checks the audit
 * chain. Every page passes axe at 360 and 1280 px.
 */
const SLOW_MS = 180_000;
const SHOTS = '/tmp/shots';

/** Requests by region: two regions at or above k, one below it (hidden as "< 5"). */
const REQUESTS: readonly { region: string; threat: string }[] = [
  ...Array.from({ length: 6 }, () => ({ region: 'bamako', threat: 'arrest' })),
  ...Array.from({ length: 7 }, () => ({ region: 'segou', threat: 'threats_intimidation' })),
  { region: 'kidal', threat: 'arrest' },
];

describe('auditor screens in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let auditor: CreatedStaff;
  const consoleProblems: string[] = [];
  /** The month the requests were counted in (UTC, like the counters). */
  const month = new Date().toISOString().slice(0, 7);
  const year = month.slice(0, 4);
  const statisticsUrl = () => `${portal.url}/personnel/statistiques?from=${month}&to=${month}&granularity=month&dimension=region`;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    const admin = await signIn(portal, await createAdmin(portal, 'Awa Traoré'));
    // The triage team first: new requests go to it.
    await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Fatoumata Keïta' });
    auditor = await createStaff(portal, admin, { roles: ['auditor'], name: 'Mariam Sangaré' });
    for (const request of REQUESTS) await submitRequest(request.region, request.threat);
    // Counted in the next mixed batch, as the hourly job would.
    expect((await portal.app.get(StatisticsBatches).applyDue()).applied).toBe(true);
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  async function submitRequest(region: string, threat: string) {
    const response = await fetch(`${portal.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
      body: JSON.stringify({
        summary: 'Menacé après un article sur les détentions.',
        rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
        contact: { methods: ['phone'], phone: '+223 70 11 22 33' },
        consent: { processing: true },
        defender: { name: 'Personne Test', profiles: ['journalist'], languages: ['fr'] },
        location: { region },
        incidents: [{ types: [threat], perpetrators: ['state_security'], description: 'Des hommes sont venus au domicile.' }],
      }),
    });
    if (response.status !== 201) throw new Error(`request refused with ${response.status}: ${await response.text()}`);
  }

  /** A page whose console is watched (the one tolerated error: the session probe's 401 before signing in). */
  async function watchedPage(width: number): Promise<Page> {
    const page = await browser.newPage(width);
    page.setDefaultTimeout(30_000);
    return watchConsole(page, consoleProblems);
  }

  async function expectAccessible(page: Page, label: string) {
    expect({ label, problems: await accessibilityProblems(page) }).toEqual({ label, problems: [] });
  }

  /** Axe and a screenshot at a phone's width and a laptop's. */
  async function atBothWidths(page: Page, name: string) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await expectAccessible(page, `${name} at ${width} px`);
      // From the top: a sticky header would otherwise be drawn mid-page in a full-page shot.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/auditor-${name}-${width}.png`, fullPage: true });
    }
  }

  let page: Page;

  it(
    'signs the auditor in with a TOTP code and offers statistics and the audit log',
    async () => {
      page = await watchedPage(1280);
      await signInInBrowser(page, portal.url, auditor.credentials, 'Mariam Sangaré');
      const nav = page.getByRole('navigation', { name: /./ }).first();
      await expect(nav.getByRole('link', { name: 'Statistiques' }).isVisible()).resolves.toBe(true);
      await expect(nav.getByRole('link', { name: 'Journal d’audit' }).isVisible()).resolves.toBe(true);
      // An auditor never sees a case.
      expect(await page.getByRole('link', { name: 'Dossiers' }).count()).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'shows charts first, then tables with hidden cells marked and explained',
    async () => {
      await page.goto(statisticsUrl());
      await page.getByRole('heading', { level: 1, name: 'Statistiques anonymes' }).waitFor();
      const chart = page.getByRole('img', { name: /^Région — / });
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toMatch(/masquées/);
      const table = page.getByRole('table', { name: /^Région — / });
      await table.waitFor();
      // The chart comes before its table.
      const [chartY, tableY] = await Promise.all([chart.boundingBox(), table.boundingBox()]);
      expect((chartY?.y ?? 0) < (tableY?.y ?? 0)).toBe(true);

      // Kidal's single request is below k: a "< 5" marker, never its count.
      const kidal = table.getByRole('row').filter({ hasText: 'Kidal' });
      await expect(kidal.locator('td').innerText()).resolves.toContain('< 5');
      // At least one real number at or above k is shown.
      const figures = (await table.locator('td').allInnerTexts()).map((text) => text.replace(/\s/g, '')).filter((text) => /^\d+$/.test(text));
      expect(figures.some((text) => Number(text) >= 5)).toBe(true);
      // The legend says in plain words what the markers mean.
      await expect(page.getByRole('heading', { name: 'Comment lire les cases masquées' }).isVisible()).resolves.toBe(true);
      await expect(page.getByText(/soustrayant du total/).isVisible()).resolves.toBe(true);

      await atBothWidths(page, 'statistics');

      // Crossed with threat type: the matrix scrolls sideways on a phone, never the page.
      await page.getByLabel('Croiser avec').selectOption('threat_type');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(/cross=threat_type/);
      await page.getByRole('img', { name: /^Région selon Type de menace — / }).waitFor();
      await page.getByRole('table', { name: /^Région selon Type de menace — / }).waitFor();
      await atBothWidths(page, 'statistics-crossed');

      // Mostly hidden: the coarser view the API suggests is one click away.
      await page.getByText('La plupart des cases sont masquées').waitFor();
      await page.getByRole('button', { name: /^Voir / }).click();
      await page.waitForURL((url) => url.searchParams.get('granularity') !== 'month' || url.searchParams.get('dimension') !== 'region');
      await page.getByRole('img').first().waitFor();
    },
    SLOW_MS,
  );

  it(
    'exports the table as CSV with its metadata and the same hidden cells',
    async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(statisticsUrl());
      const group = page.getByRole('group', { name: /^Exporter ce tableau : Région — / });
      const [download] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^statistiques-region-.*\.csv$/);
      const csv = await readFile((await download.path()) as string, 'utf8');
      expect(csv).toContain('meta,k,5');
      expect(csv).toContain('meta,generatedByName,Mariam Sangaré');
      expect(csv).toContain(`cell,${month},kidal,,,below_k`);
      expect(csv).not.toMatch(/Personne Test|article|domicile|\+223/);
      // The progress line ends with what was saved.
      await group
        .getByRole('status')
        .filter({ hasText: /Fichier « statistiques-region-.*\.csv » enregistré/ })
        .waitFor();
    },
    SLOW_MS,
  );

  it(
    'prints the annual report in French and English, navigation hidden on paper',
    async () => {
      await page.goto(`${portal.url}/personnel/statistiques/rapport?annee=${year}`);
      await page.getByRole('heading', { level: 1, name: `Rapport annuel ${year}` }).waitFor();
      for (const title of ['Demandes reçues par mois', 'Demandes par région', 'Demandes par type de menace', 'Dossiers clos, par issue']) {
        await page.getByRole('img', { name: new RegExp(`^${title}\\.`) }).waitFor();
      }
      await atBothWidths(page, 'report-fr');

      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).isVisible()).resolves.toBe(false);
      await expect(page.locator('.staff-header').isVisible()).resolves.toBe(false);
      // Each section starts a new page on paper.
      const breaks = await page.locator('.annual-report__section').evaluateAll((sections) => sections.map((section) => getComputedStyle(section).breakBefore));
      expect(breaks).toEqual(['page', 'page', 'page', 'page']);
      await page.screenshot({ path: `${SHOTS}/auditor-report-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('group', { name: 'Langue' }).first().getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: `Annual report ${year}` }).waitFor();
      await page.getByRole('img', { name: /^Requests by region\./ }).waitFor();
      await atBothWidths(page, 'report-en');
      await page.getByRole('group', { name: 'Language' }).first().getByRole('button', { name: 'Français' }).click();
      await page.getByRole('heading', { level: 1, name: `Rapport annuel ${year}` }).waitFor();
    },
    SLOW_MS,
  );

  it(
    'verifies the audit chain, signs a checkpoint, keeps a copy and lists the export just made',
    async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${portal.url}/personnel/journal`);
      await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
      await page.getByText('Le journal est intact').waitFor();
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      await page.getByText(/^Vérifié à /).waitFor();
      await expect(page.getByText('Le journal est intact').isVisible()).resolves.toBe(true);

      await page.getByRole('button', { name: 'Signer un point de contrôle' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Point de contrôle signé sur \d+ lignes/ })
        .waitFor();
      await page.getByText(/Dernier point de contrôle signé le .*, sur \d+ lignes/).waitFor();
      const [checkpoint] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger le dernier point de contrôle (JSON)' }).click(),
      ]);
      const saved = JSON.parse(await readFile((await checkpoint.path()) as string, 'utf8')) as Record<string, unknown>;
      expect(Object.keys(saved).sort()).toEqual(['headHash', 'publicKey', 'rowCount', 'signature', 'signedAt', 'tenant']);

      // The CSV export above is in the log, by the auditor.
      await page.getByLabel('Type d’événement').selectOption('export.created');
      await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      await page.waitForURL(/action=export\.created/);
      const row = page.getByRole('row').filter({ hasText: 'Export créé' }).first();
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain('Mariam Sangaré');
      await atBothWidths(page, 'audit');

      const [events] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(await readFile((await events.path()) as string, 'utf8')).toContain('export.created');
      await page.close();
    },
    SLOW_MS,
  );

  it('kept a clean console and never left the portal’s origin', () => {
    expect(consoleProblems).toEqual([]);
    const origin = new URL(portal.url).origin;
    // Downloads are handed over from memory (blob: of the same origin).
    expect(browser.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith(`blob:${origin}`))).toEqual([]);
  });
});
