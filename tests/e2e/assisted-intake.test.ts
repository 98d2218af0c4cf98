import { mkdir } from 'node:fs/promises';
import { CaseList, ReferenceData, StaffDirectory } from '@mnpddh/shared';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, type Browser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * Assisted intake, the reference lists and the on-call rota in a real
 * browser: a caseworker signs in with TOTP and files a request taken by
 * phone (a lost answer retried with the same idempotency key files it once);
 * the triage team sees it with its channel; an admin renames a region and
 * the API serves the new label; the rota is ordered and saved. Every page
 * passes axe and fits 360 px; screenshots go to /tmp/shots.
 */
const SLOW_MS = 120_000;
const SHOTS = '/tmp/shots';

describe('assisted intake, reference lists and rota in a real browser', () => {
  let portal: RunningPortal;
  let caseworkerBrowser: Browser;
  let adminBrowser: Browser;
  let admin: StaffCredentials;
  let adminClient: StaffClient;
  let supervisor: StaffClient;
  let caseworker: StaffCredentials;
  let caseworkerId = '';
  let supervisorId = '';
  const consoleProblems: string[] = [];
  let filedCaseId = '';

  beforeAll(async () => {
    portal = await startTestPortal(FAST_PASSWORDS);
    caseworkerBrowser = await launchBrowser();
    adminBrowser = await launchBrowser();
    admin = await createAdmin(portal, 'Awa Traoré');
    adminClient = await signIn(portal, admin);
    // The triage team (supervisors) holds every new case: created before the request.
    const createdSupervisor = await createStaff(portal, adminClient, { roles: ['supervisor'], name: 'Sira Keïta' });
    supervisor = createdSupervisor.client;
    supervisorId = supervisor.id;
    const createdCaseworker = await createStaff(portal, adminClient, { roles: ['caseworker'], name: 'Moussa Coulibaly' });
    caseworker = createdCaseworker.credentials;
    caseworkerId = createdCaseworker.client.id;
    await mkdir(SHOTS, { recursive: true });
  }, SLOW_MS);
  afterAll(async () => {
    await caseworkerBrowser?.close();
    await adminBrowser?.close();
    await portal?.close();
  }, SLOW_MS);

  /** A page whose console must stay clean (the session probe's 401 before sign-in excepted). */
  async function watchedPage(browser: Browser, width: number): Promise<Page> {
    const page = await browser.newPage(width);
    page.setDefaultTimeout(30_000);
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      const expected401 = /status of 401/.test(message.text()) && message.location().url.endsWith('/api/auth/session');
      // The retried filing below aborts one answer on purpose.
      const expectedAbort = /ERR_FAILED/.test(message.text()) && message.location().url.includes('/api/assisted-requests');
      if (!expected401 && !expectedAbort) consoleProblems.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));
    return page;
  }

  async function signInWith(page: Page, credentials: StaffCredentials) {
    await signInInBrowser(page, portal.url, credentials);
  }

  async function expectAccessible(page: Page, label: string) {
    expect({ label, problems: await accessibilityProblems(page) }).toEqual({ label, problems: [] });
  }

  async function shot(page: Page, name: string) {
    // From the top: a full-page capture of a scrolled page repeats the sticky header.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  it(
    'lets a caseworker at 360 px file a request taken by phone, once despite a lost answer, and shows the reference and the receipt',
    async () => {
      const page = await watchedPage(caseworkerBrowser, 360);
      await signInWith(page, caseworker);
      await page.getByRole('link', { name: /Saisir une demande/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Saisir une demande reçue autrement' }).waitFor();
      await expectAccessible(page, 'assisted intake, empty');
      await shot(page, 'assisted-intake-form-360');

      // An empty submit: linked, announced problems, and nothing sent.
      await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Écrivez ce qui se passe.' });
      await summary.waitFor();
      await summary.getByRole('link', { name: 'Écrivez ce qui se passe.' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ai-summary');
      await expectAccessible(page, 'assisted intake, errors');

      // Every field refuses autofill.
      const autofill = await page.evaluate(() =>
        [...document.querySelectorAll('form input, form select, form textarea')]
          .filter((field) => field.getAttribute('autocomplete') !== 'off')
          .map((field) => field.id),
      );
      expect(autofill).toEqual([]);

      await page
        .getByRole('group', { name: /Comment la demande est-elle arrivée/ })
        .getByLabel('Par téléphone')
        .check();
      expect(await page.locator('#ai-summary-error').count()).toBe(1);
      await page
        .getByLabel(/Ce qui se passe, avec les mots de la personne/)
        .fill('Son frère, journaliste à Kidal, a été arrêté ce matin par des hommes en uniforme. Personne ne sait où il est.');
      // A corrected field stops saying it is wrong; the summary keeps the list until the next try.
      expect(await page.locator('#ai-summary-error').count()).toBe(0);
      await page
        .getByRole('group', { name: /arrêtée, détenue ou disparue/ })
        .getByLabel('Oui')
        .check();
      await page
        .getByRole('group', { name: /Une vie est-elle en danger/ })
        .getByLabel('Non')
        .check();
      await page.getByLabel('Appel ou SMS').check();
      await page.getByLabel('Numéro de téléphone').fill('+223 76 12 34 56');
      await page.getByLabel(/La personne accepte que la CNDH traite sa demande/).check();
      // Options and labels come from the reference lists.
      await page.getByLabel('Région').selectOption({ label: 'Kidal' });
      await page.getByRole('button', { name: 'Ajouter un incident' }).click();
      await page.getByRole('group', { name: 'Incident 1' }).getByLabel('Arrestation', { exact: true }).check();
      await page.getByLabel('Où elle serait détenue').fill('Camp de la gendarmerie');
      await shot(page, 'assisted-intake-filled-360');

      // The first answer is lost on the way back: the retry carries the same key and files nothing new.
      const keys: string[] = [];
      let lostOnce = false;
      await page.route('**/api/assisted-requests', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (lostOnce) return route.continue();
        lostOnce = true;
        await route.fetch();
        await route.abort('failed');
      });
      await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /connexion|réseau/i })
        .waitFor();
      await page.getByRole('button', { name: 'Enregistrer la demande' }).click();

      await page.getByRole('heading', { level: 1, name: 'Demande enregistrée' }).waitFor();
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1]).toBe(keys[0]);
      await page.getByText('Demande urgente : la personne de garde est alertée.').waitFor();
      await page.getByText(/Lisez ce reçu à la personne maintenant/).waitFor();
      const groups = await page.locator('.assisted-receipt__group').allInnerTexts();
      expect(groups.length).toBeGreaterThan(1);
      expect(groups.slice(0, -1).every((group) => group.length === 4)).toBe(true);
      const href = await page.getByRole('link', { name: 'Ouvrir le dossier' }).getAttribute('href');
      expect(href).toMatch(/^\/personnel\/dossiers\/[0-9a-f-]{36}$/);
      filedCaseId = href?.split('/').pop() ?? '';
      await expectAccessible(page, 'assisted intake, receipt');
      await shot(page, 'assisted-intake-receipt-360');

      // Nothing kept on the device.
      const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
      expect(stored).toEqual({ local: 0, session: 0 });
      await page.close();
    },
    SLOW_MS,
  );

  it('puts the case in the triage team’s list, once, with its channel', async () => {
    expect(filedCaseId).not.toBe('');
    const response = await supervisor.get('/api/cases?channel=phone');
    expect(response.status).toBe(200);
    const list = CaseList.parse(await response.json());
    expect(list.items.map((item) => item.id)).toEqual([filedCaseId]);
    expect(list.items[0]?.channel).toBe('phone');
    expect(list.items[0]?.urgent).toBe(true);
  });

  it(
    'shows the form at 1280 px, and says so when the receipt is withheld',
    async () => {
      const page = await watchedPage(caseworkerBrowser, 1280);
      await page.goto(`${portal.url}/personnel/saisie`);
      await page.getByRole('heading', { level: 1, name: 'Saisir une demande reçue autrement' }).waitFor();
      await expectAccessible(page, 'assisted intake, 1280');
      await shot(page, 'assisted-intake-form-1280');
      await page
        .getByRole('group', { name: /Comment la demande est-elle arrivée/ })
        .getByLabel('En personne, dans nos bureaux')
        .check();
      await page.getByLabel(/Ce qui se passe, avec les mots de la personne/).fill('Menaces répétées contre une avocate après une audience.');
      await page
        .getByRole('group', { name: /arrêtée, détenue ou disparue/ })
        .getByLabel('Non')
        .check();
      await page
        .getByRole('group', { name: /Une vie est-elle en danger/ })
        .getByLabel('Ne sait pas')
        .check();
      await page.getByLabel('Ne pas la contacter').check();
      await page.getByLabel(/La personne accepte que la CNDH traite sa demande/).check();
      await page.getByLabel(/Ne pas donner de reçu/).check();
      await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
      await page.getByRole('heading', { level: 1, name: 'Demande enregistrée' }).waitFor();
      await page.getByText('Aucun reçu n’a été donné, comme demandé.', { exact: false }).waitFor();
      expect(await page.locator('.assisted-receipt__group').count()).toBe(0);
      await expectAccessible(page, 'assisted intake, withheld');
      await shot(page, 'assisted-intake-withheld-1280');
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'lets an admin rename a region, and the API serves the new label',
    async () => {
      const page = await watchedPage(adminBrowser, 1280);
      await signInWith(page, admin);
      await page.getByRole('link', { name: 'Gestion du personnel' }).first().click();
      await page.getByRole('link', { name: 'Listes de référence' }).click();
      await page.getByRole('heading', { level: 1, name: 'Listes de référence' }).waitFor();
      await page.getByRole('table').waitFor();
      await expectAccessible(page, 'reference lists, regions');
      await shot(page, 'reference-regions-1280');

      await page.getByLabel('Libellé français de kidal').fill('Région de Kidal');
      await page.getByRole('button', { name: 'Enregistrer kidal' }).click();
      await page.getByText('kidal : enregistré.').waitFor();
      const reference = ReferenceData.parse(await (await adminClient.get('/api/reference')).json());
      expect(reference.items.find((item) => item.list === 'region' && item.code === 'kidal')?.labelFr).toBe('Région de Kidal');

      // A code that breaks the rule is refused before anything is sent.
      await page.getByLabel('Code', { exact: true }).fill('Nioro-du-Sahel');
      await page.getByRole('button', { name: 'Ajouter à la liste' }).click();
      await page.getByText('Le code doit contenir seulement des lettres minuscules', { exact: false }).waitFor();

      // Legal bases: the uncertain articles are marked and explained.
      await page.getByLabel('Liste', { exact: true }).selectOption('legal_basis');
      await page.getByRole('heading', { name: 'Articles incertains' }).waitFor();
      expect(await page.locator('.badge--uncertain').count()).toBeGreaterThanOrEqual(3);
      await expectAccessible(page, 'reference lists, legal bases');
      await shot(page, 'reference-legal-1280');
      await page.setViewportSize({ width: 360, height: 800 });
      await expectAccessible(page, 'reference lists, legal bases, 360');
      await shot(page, 'reference-legal-360');
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'lets an admin order the on-call rota and save it',
    async () => {
      const page = await watchedPage(adminBrowser, 360);
      await page.goto(`${portal.url}/personnel/admin/astreinte`);
      await page.getByRole('heading', { level: 1, name: 'Astreinte : qui est de garde' }).waitFor();
      await page.getByText(/Une alerte va d’abord à la première personne de la liste/).waitFor();
      await page.getByLabel('Personne à ajouter').selectOption({ label: 'Sira Keïta' });
      await page.getByRole('button', { name: 'Ajouter à la fin' }).click();
      await page.getByLabel('Personne à ajouter').selectOption({ label: 'Moussa Coulibaly' });
      await page.getByRole('button', { name: 'Ajouter à la fin' }).click();
      await page.getByRole('button', { name: 'Monter Moussa Coulibaly' }).click();
      await expectAccessible(page, 'rota, 360');
      await shot(page, 'rota-360');
      await page.getByRole('button', { name: 'Enregistrer l’astreinte' }).click();
      await page.locator('.rota-saved').waitFor();

      const rota = StaffDirectory.parse(await (await adminClient.get('/api/admin/rota')).json());
      expect(rota.users.filter((user) => user.onCall).map((user) => user.id)).toEqual([caseworkerId, supervisorId]);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectAccessible(page, 'rota, 1280');
      await shot(page, 'rota-1280');
      await page.close();
    },
    SLOW_MS,
  );

  it('kept a clean console and never left the portal’s origin', () => {
    expect(consoleProblems).toEqual([]);
    const origin = new URL(portal.url).origin;
    const requests = [...caseworkerBrowser.requests, ...adminBrowser.requests];
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});
