import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, watchConsole, watchFailures, type Browser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff } from '../support/staff.js';
import { submitRequest } from '../support/submit-request.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * "Send now, complete later" in a real browser: a defender on a 360 px phone
 * sends the first step, then completes the request through the receipt (the
 * defender, the place, two incidents — one in another region —, another
 * person at risk, the help asked for); a supervisor on a laptop finds the
 * case by region (the defender's and the incident's) and threat and sees
 * every detail in the case's own sections and a labelled history entry —
 * never the stored value or an internal code —, the suggested level and
 * articles; on a phone at night, the first alert on the first screen; the
 * auditor's statistics count the completed case's regions, profile and
 * threats.
 */
const SLOW_MS = 400_000;
const SHOTS = '/tmp/shots';

/**
 * Four requests sent whole, like the one completed later: with it, five
 * cases share its regions, profile and threats, so the statistics show 5
 * (k = 5) only if the completed case is counted there, and "< 5" otherwise.
 */
const ALIKE = {
  summary: 'Mon collègue journaliste a été enlevé, on nous menace au téléphone.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
  contact: { methods: ['phone'], phone: '+223 70 11 22 33' },
  consent: { processing: true },
  defender: { name: 'Personne Test', profiles: ['journalist'], languages: ['fr'] },
  location: { region: 'kidal' },
  incidents: [
    { types: ['abduction_disappearance'], description: 'Enlevé devant chez lui.' },
    { types: ['threats_intimidation'], region: 'tombouctou', description: 'Appels de menace.' },
  ],
};

describe('details completed later, in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let supervisor: CreatedStaff;
  let auditor: CreatedStaff;
  let receipt = '';
  let reference = '';
  const consoleProblems: string[] = [];
  const month = new Date().toISOString().slice(0, 7);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    const admin = await signIn(portal, await createAdmin(portal));
    supervisor = await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Fatoumata Keïta' });
    auditor = await createStaff(portal, admin, { roles: ['auditor'], name: 'Mariam Sangaré' });
    for (let n = 0; n < 4; n++) await submitRequest(portal, ALIKE);
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  async function page(width: number, problems = consoleProblems): Promise<Page> {
    const opened = await browser.newPage(width);
    await opened.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    opened.setDefaultTimeout(45_000);
    return watchConsole(opened, problems);
  }

  async function expectSafe(opened: Page, label: string) {
    // A long page on a busy machine takes a while to capture.
    await opened.screenshot({ path: `${SHOTS}/details-${label}.png`, fullPage: true, timeout: 150_000 });
    expect({ label, overflows: await overflowsHorizontally(opened), problems: await accessibilityProblems(opened) }).toEqual({
      label,
      overflows: false,
      problems: [],
    });
  }

  it(
    'the defender sends the first step on a phone',
    async () => {
      const phone = await page(360);
      await phone.goto(`${portal.url}/demande`);
      await phone.getByLabel('Que se passe-t-il').fill('Mon frère a été enlevé ce soir devant chez lui. Ils ont dit qu’ils reviendraient.');
      await phone
        .getByRole('group', { name: /arrêtée, détenue ou disparue/ })
        .getByLabel('Oui')
        .check();
      await phone
        .getByRole('group', { name: /vie d’une personne/ })
        .getByLabel('Oui')
        .check();
      await phone.getByRole('button', { name: 'Continuer' }).click();
      await phone.getByLabel('Appel ou SMS').check();
      await phone.getByLabel(/Numéro de téléphone/).fill('+223 76 12 34 56');
      await phone.getByRole('button', { name: 'Continuer' }).click();
      await phone.getByLabel(/J’accepte que l’équipe protection de la CNDH utilise/).check();
      await phone.getByRole('button', { name: 'Envoyer maintenant' }).click();
      await phone.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
      receipt = ((await phone.locator('.receipt-code__digits').textContent()) ?? '').replace(/\D/g, '');
      reference = ((await phone.locator('.receipt__reference .reference').textContent()) ?? '').trim();
      expect(receipt).toMatch(/^\d{24}$/);
      await phone.close();
    },
    SLOW_MS,
  );

  it(
    'completes it later through the receipt: two incidents in two regions, the place, the defender, another person at risk, the help',
    async () => {
      const problems: string[] = [];
      const phone = await page(360, problems);
      await phone.goto(`${portal.url}/suivi`);
      // Typed as it is written down, in groups of four, after a mistyped one (the field then has its error border):
      // every digit fits the field, none scrolls out of sight.
      const field = phone.getByLabel('Votre reçu');
      const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');
      const fits = () => field.evaluate((input) => input.scrollWidth <= input.clientWidth);
      await field.fill(grouped(`${receipt.slice(0, -1)}${(Number(receipt.slice(-1)) + 1) % 10}`));
      expect(await fits()).toBe(true);
      await phone.getByRole('button', { name: 'Ouvrir' }).click();
      await phone.locator('.question--receipt.question--error').waitFor();
      await field.fill(grouped(receipt));
      expect(await fits()).toBe(true);
      await phone.locator('.receipt-login').screenshot({ path: `${SHOTS}/details-receipt-field-360.png` });
      await phone.getByRole('button', { name: 'Ouvrir' }).click();
      await phone.getByRole('heading', { name: 'Votre demande', exact: true }).waitFor();
      await phone.getByRole('button', { name: 'Compléter ma demande' }).click();

      // What happened: two incidents, the second in another region than the defender's.
      await phone.getByRole('heading', { name: 'Ce qui s’est passé' }).waitFor();
      const first = phone.locator('.item-card').nth(0);
      await first.getByLabel(/Enlèvement ou disparition/).check();
      await first.getByLabel(/^Lieu/).fill('Devant la maison familiale');
      await phone.getByRole('button', { name: 'Ajouter un autre fait' }).click();
      const second = phone.locator('.item-card').nth(1);
      await second.getByLabel('Menaces ou intimidation').check();
      await second.getByLabel(/^Région où cela s’est passé/).selectOption('tombouctou');
      await second.getByLabel(/^Lieu/).fill('Au téléphone, la nuit');
      await expectSafe(phone, 'incidents-360');
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'Où' }).waitFor();
      await phone.getByLabel(/^Région/).selectOption('kidal');
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'Qui est en danger' }).waitFor();
      await phone.getByLabel('Pour une autre personne').check();
      await phone.getByLabel(/Nom de la personne en danger/).fill('Ibrahim Maïga');
      await phone.getByLabel(/Journaliste ou travail dans les médias/).check();
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'À propos de cette personne' }).waitFor();
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'Autres personnes en danger' }).waitFor();
      await phone.getByRole('button', { name: 'Ajouter une personne' }).click();
      await phone.getByLabel('Nom ou surnom').fill('Awa Maïga');
      await phone.locator('.item-card').getByLabel('Famille').check();
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'L’aide que vous demandez' }).waitFor();
      await phone.getByLabel(/Visite de la CNDH dans le lieu de détention/).check();
      await phone.getByRole('button', { name: 'Envoyer ces informations' }).click();
      await phone.getByRole('status').filter({ hasText: 'Informations envoyées' }).waitFor();
      // Not shown back: the receipt opens the thread only.
      expect(await phone.textContent('main')).not.toContain('Awa Maïga');
      await expectSafe(phone, 'sent-360');
      // The one error the browser logs: the mistyped receipt's 404 (the answer to any wrong receipt).
      expect(problems.filter((problem) => !/status of 404 .*\/api\/follow-up\/session\)$/.test(problem))).toEqual([]);
      await phone.close();
    },
    SLOW_MS,
  );

  it(
    'loads the sign-in page with no console error and no failed answer (the session probe is not a 401)',
    async () => {
      const problems: string[] = [];
      const fresh = watchFailures(await browser.newPage(1280), problems);
      await browser.context.clearCookies();
      await fresh.goto(`${portal.url}/personnel`);
      await fresh.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
      await fresh.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      await fresh.close();
    },
    SLOW_MS,
  );

  it(
    'a supervisor finds the case by region (the defender’s and the incident’s) and threat and sees every detail in its sections',
    async () => {
      const laptop = await page(1280);
      await signInInBrowser(laptop, portal.url, supervisor.credentials, 'Fatoumata Keïta');
      for (const region of ['kidal', 'tombouctou']) {
        await laptop.goto(`${portal.url}/personnel/dossiers`);
        await laptop.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
        await laptop.getByText('Plus de filtres').click();
        await laptop.locator('#filter-region').selectOption(region);
        await laptop.locator('#filter-threat').selectOption('abduction_disappearance');
        await laptop.getByRole('button', { name: 'Filtrer' }).click();
        await laptop.waitForURL((url) => url.searchParams.get('region') === region);
        const row = laptop.getByRole('row').filter({ hasText: reference });
        await row.waitFor();
        await expect(row.getByText('Kidal').isVisible()).resolves.toBe(true);
      }
      await expectSafe(laptop, 'list-1280');

      await laptop.getByRole('row').filter({ hasText: reference }).getByRole('link').first().click();
      await laptop.getByText('Ibrahim Maïga').first().waitFor();
      const main = (await laptop.textContent('main')) ?? '';
      for (const seen of [
        'Awa Maïga',
        'Devant la maison familiale',
        'Au téléphone, la nuit',
        'Kidal',
        'Tombouctou',
        'Journaliste',
        'Visite du lieu de détention',
        'Le défenseur a complété sa demande',
      ]) {
        expect(main).toContain(seen);
      }
      // Labels, never the stored value or internal codes.
      expect(main).not.toMatch(/abduction_disappearance|threats_intimidation|detention_visit|tombouctou|"sealed"|\{"/);
      expect(main).not.toContain('Non renseigné');

      // Suggestions from the request: an abduction with a life in danger is "extrême", articles 5 and 15 proposed.
      await laptop.locator('summary', { hasText: 'Évaluer le risque' }).click();
      await expect(laptop.locator('.risk-suggestion').textContent()).resolves.toContain('Extrême');
      await expect(laptop.locator('#risk-form').textContent()).resolves.toContain('enlèvement, arrestation ou détention');
      await laptop.locator('summary', { hasText: 'Citer une base légale' }).click();
      const proposed = (await laptop.locator('.legal-suggestion').textContent()) ?? '';
      expect(proposed).toContain('art. 5');
      expect(proposed).toContain('art. 15');
      await expectSafe(laptop, 'case-1280');

      // Scrolled to as the browser scrolls to a focused field or an anchor: never under the sticky header.
      for (const width of [1280, 360]) {
        await laptop.setViewportSize({ width, height: width === 360 ? 740 : 900 });
        await laptop.locator('#risk-urgent').evaluate((box) => box.scrollIntoView({ block: 'start' }));
        const [header, box] = await Promise.all([laptop.locator('.staff-header').boundingBox(), laptop.locator('#risk-urgent').boundingBox()]);
        expect({ width, clear: (box?.y ?? 0) >= (header?.y ?? 0) + (header?.height ?? 0) }).toEqual({ width, clear: true });
        await laptop.screenshot({ path: `${SHOTS}/details-risk-urgent-${width}.png` });
        expect({ width, problems: await accessibilityProblems(laptop) }).toEqual({ width, problems: [] });
      }
      expect(consoleProblems).toEqual([]);
      await laptop.close();
    },
    SLOW_MS,
  );

  it(
    'on a phone at night, the Urgences page shows the first alert within the first screen',
    async () => {
      const phone = await page(360);
      // One browser profile: the previous sign-in's session is ended first.
      await browser.context.clearCookies();
      await signInInBrowser(phone, portal.url, supervisor.credentials, 'Fatoumata Keïta');
      await phone.goto(`${portal.url}/personnel/urgences`);
      const alert = phone.locator('.alert-item').first();
      await alert.waitFor();
      await phone.getByRole('heading', { name: `Dossier ${reference}` }).waitFor();
      const box = await alert.boundingBox();
      expect(box?.y).toBeLessThan(400);
      // The alert's age and its case's count from the same precise arrival, not from the alert's clear hour.
      const minutesIn = async (text: Promise<string>) => {
        const said = await text;
        return Number(/il y a (\d+) min/.exec(said)?.[1] ?? (/maintenant/.test(said) ? 0 : NaN));
      };
      const alertAge = await minutesIn(alert.locator('.alert-item__when').innerText());
      const caseAge = await minutesIn(phone.locator('.urgent-case').filter({ hasText: reference }).locator('.urgent-case__facts').innerText());
      expect(Math.abs(alertAge - caseAge)).toBeLessThanOrEqual(1);
      await expect(phone.getByRole('button', { name: 'Accuser réception' }).first().isVisible()).resolves.toBe(true);
      await expectSafe(phone, 'urgences-360');
      // The menu is one button away.
      await phone.getByRole('button', { name: 'Menu', exact: true }).click();
      await phone.getByRole('navigation', { name: 'Menu du personnel' }).getByRole('link', { name: 'Dossiers' }).click();
      await phone.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
      await expect(phone.getByRole('navigation', { name: 'Menu du personnel' }).isVisible()).resolves.toBe(false);
      await phone.setViewportSize({ width: 1280, height: 900 });
      await phone.goto(`${portal.url}/personnel/urgences`);
      await alert.waitFor();
      await expectSafe(phone, 'urgences-1280');
      expect(consoleProblems).toEqual([]);
      await phone.close();
    },
    SLOW_MS,
  );

  it(
    'the auditor’s statistics count the completed case in its regions, its profile and its threats',
    async () => {
      // Counted in the next mixed batch, as the hourly job would (the merge on opening the case moved its counters).
      expect((await portal.app.get(StatisticsBatches).applyDue()).applied).toBe(true);
      const laptop = await page(1280);
      // One browser profile: the previous sign-in's session is ended first.
      await browser.context.clearCookies();
      await signInInBrowser(laptop, portal.url, auditor.credentials, 'Mariam Sangaré');
      const expected: [string, string, RegExp][] = [
        ['region', 'Région', /^Kidal/],
        ['region', 'Région', /^Tombouctou/],
        ['profile', 'Profil du défenseur', /^Journaliste/],
        ['threat_type', 'Type de menace', /^Enlèvement/],
        ['threat_type', 'Type de menace', /^Menaces/],
      ];
      for (const [dimension, title, line] of expected) {
        await laptop.goto(`${portal.url}/personnel/statistiques?from=${month}&to=${month}&granularity=month&dimension=${dimension}`);
        const table = laptop.getByRole('table', { name: new RegExp(`^${title} — `) });
        await table.waitFor();
        const row = table.getByRole('row').filter({ has: laptop.getByRole('rowheader', { name: line }) });
        expect({ dimension, line: String(line), count: (await row.locator('td').first().innerText()).trim() }).toEqual({
          dimension,
          line: String(line),
          count: '5',
        });
      }
      await expectSafe(laptop, 'statistics-1280');
      expect(consoleProblems).toEqual([]);
      await laptop.close();
    },
    SLOW_MS,
  );
});
