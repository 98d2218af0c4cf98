import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, overflowsHorizontally, watchConsole, type Browser } from '../support/browser.js';
import { createAdmin, FAST_PASSWORDS, nextTotp, strongPassphrase, type StaffCredentials } from '../support/staff.js';
import { staffMenu } from '../support/browser-sign-in.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * The staff journey in a real browser against the real portal: an admin
 * signs in on a phone, sees the directory and the triage warning, invites a
 * caseworker; the caseworker activates the account from the link in a
 * browser of their own, signs in with a TOTP code and sees the recovery
 * codes once. Throughout, the console must stay clean (no CSP violation, no
 * script error).
 */
/** TOTP codes may make a sign-in wait for the next 30-s step; the portal and two browsers take a few seconds to start. */
const SLOW_MS = 90_000;

describe('staff area in a real browser', () => {
  let portal: RunningPortal;
  let adminBrowser: Browser;
  let caseworkerBrowser: Browser;
  let admin: StaffCredentials;
  /** Console errors and page errors of every page, to be empty at the end. */
  const consoleProblems: string[] = [];
  /** The activation link the admin received, and the caseworker's e-mail. */
  let activationUrl = '';
  const caseworker = { email: `aminata-${Date.now()}@cndh.test`, name: 'Aminata Diallo', password: strongPassphrase() };

  beforeAll(async () => {
    portal = await startTestPortal(FAST_PASSWORDS);
    adminBrowser = await launchBrowser();
    caseworkerBrowser = await launchBrowser();
    admin = await createAdmin(portal, 'Awa Traoré');
  }, SLOW_MS);
  afterAll(async () => {
    await adminBrowser?.close();
    await caseworkerBrowser?.close();
    await portal?.close();
  }, SLOW_MS);

  /**
   * A page whose console is watched. The one error tolerated is the browser's
   * own line for the session probe's 401 (asking "am I signed in?" when one
   * is not); a CSP refusal or any script error fails the suite.
   */
  async function watchedPage(browser: Browser, width: number): Promise<Page> {
    const page = await browser.newPage(width);
    return watchConsole(page, consoleProblems);
  }

  async function signInWith(page: Page, credentials: { email?: string; password: string; totpSecret: string }) {
    if (credentials.email !== undefined) await page.getByLabel('Adresse e-mail').fill(credentials.email);
    await page.getByLabel('Phrase de passe').fill(credentials.password);
    await page.getByLabel('Code à 6 chiffres').fill(await nextTotp(credentials.totpSecret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  it(
    'lets an admin sign in at 360 px, see the directory and the triage warning, and invite a caseworker',
    async () => {
      const page = await watchedPage(adminBrowser, 360);
      await page.goto(`${portal.url}/personnel`);
      await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
      // Staff pages carry no quick exit, and the title stays neutral.
      expect(await page.getByRole('button', { name: /Quitter vite/ }).count()).toBe(0);
      expect(await page.title()).not.toMatch(/protection|CNDH|défenseur|personnel/i);
      expect(await page.getAttribute('#sign-in-email', 'autocomplete')).toBe('username');
      expect(await page.getAttribute('#sign-in-password', 'autocomplete')).toBe('current-password');
      expect(await page.getAttribute('#sign-in-code', 'autocomplete')).toBe('one-time-code');

      await signInWith(page, admin);
      await page.getByRole('heading', { level: 1, name: 'Bonjour, Awa Traoré' }).waitFor();
      await expect(page.getByText('Vos accès sont enregistrés.').isVisible()).resolves.toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);

      await (await staffMenu(page)).getByRole('link', { name: 'Gestion du personnel' }).click();
      // The directory by its name: the same page also lists the public languages' completeness in a table.
      await page.getByRole('table', { name: 'Membres du personnel' }).waitFor();
      // A lone admin: nobody receives new requests yet, and the page says so loudly.
      await expect(page.getByRole('alert').filter({ hasText: 'Moins de deux personnes reçoivent les nouvelles demandes' }).isVisible()).resolves.toBe(true);
      const adminRow = page.getByRole('row').filter({ hasText: admin.email });
      await expect(adminRow.getByText('Administrateur/administratrice').isVisible()).resolves.toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);

      // The invite form refuses an empty submit with linked, announced errors.
      await page.getByRole('button', { name: 'Créer le lien d’activation' }).click();
      await page.getByRole('alert').filter({ hasText: 'Choisissez au moins un rôle.' }).waitFor();

      await page.getByLabel('Adresse e-mail').fill(caseworker.email);
      await page.getByLabel('Nom et prénom').fill(caseworker.name);
      await page.getByRole('checkbox', { name: 'Chargé(e) de dossiers' }).check();
      await page.getByRole('button', { name: 'Créer le lien d’activation' }).click();
      await page.getByRole('heading', { name: `Lien d’activation pour ${caseworker.name}` }).waitFor();
      activationUrl = await page.getByRole('textbox', { name: 'Lien d’activation' }).inputValue();
      expect(activationUrl).toMatch(/\/personnel\/activation#i\.[A-Za-z0-9_-]+$/);
      await expect(page.getByRole('button', { name: 'Copier' }).isVisible()).resolves.toBe(true);

      // The directory now lists the invited person, keys not ready yet.
      const newRow = page.getByRole('row').filter({ hasText: caseworker.email });
      await newRow.waitFor();
      await expect(newRow.getByText('Chargé(e) de dossiers').isVisible()).resolves.toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);

      // Once handed over, the link is gone from the screen.
      await page.getByRole('button', { name: 'J’ai transmis le lien' }).click();
      expect(await page.getByRole('textbox', { name: 'Lien d’activation' }).count()).toBe(0);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'activates the account from the link in a fresh browser, then signs in with a TOTP code and shows the recovery codes once',
    async () => {
      expect(activationUrl).not.toBe('');
      const link = new URL(activationUrl);
      const page = await watchedPage(caseworkerBrowser, 360);
      // The link's host is the portal's configured public address; the test portal listens on a random port.
      await page.goto(`${portal.url}${link.pathname}${link.hash}`);
      await page.getByRole('heading', { level: 1, name: 'Activer mon compte' }).waitFor();
      // The token leaves the address bar at once.
      await page.waitForURL((url) => url.hash === '' && url.pathname === '/personnel/activation');

      await page.getByLabel('Phrase de passe', { exact: true }).fill(caseworker.password);
      await page.getByLabel('Écrivez-la une deuxième fois').fill(caseworker.password);
      await page.getByRole('button', { name: 'Enregistrer ma phrase de passe' }).click();

      const qr = page.getByRole('img', { name: /Code QR/ });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
      // The secret to type by hand, grouped by four: what an authenticator app would hold.
      const totpSecret = (await page.locator('.totp__key').innerText()).replace(/\s/g, '');
      expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(await overflowsHorizontally(page)).toBe(false);

      await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(caseworker.email);
      await signInWith(page, { password: caseworker.password, totpSecret });

      await page.getByRole('heading', { level: 1, name: 'Vos codes de secours' }).waitFor();
      const codes = await page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem').allInnerTexts();
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.getByRole('button', { name: 'J’ai noté mes codes' }).click();

      await page.getByRole('heading', { level: 1, name: `Bonjour, ${caseworker.name}` }).waitFor();
      // A caseworker's menu: cases, no staff management.
      await expect(page.getByText('Les dossiers que vous suivez, les urgences et les demandes de rappel.', { exact: false }).isVisible()).resolves.toBe(true);
      expect(await page.getByRole('link', { name: 'Gestion du personnel' }).count()).toBe(0);

      // Once means once: a reload finds the session, not the codes.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Bonjour, ${caseworker.name}` }).waitFor();
      expect(await page.getByRole('heading', { name: 'Vos codes de secours' }).count()).toBe(0);

      // Nothing on the device but the httpOnly session cookie.
      const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }));
      expect(stored).toEqual({ local: 0, session: 0, cookies: '' });

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByText('Vous êtes déconnecté(e).').waitFor();
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'shows the admin the new colleague as ready at 1280 px',
    async () => {
      const page = await watchedPage(adminBrowser, 1280);
      await page.goto(`${portal.url}/personnel/admin`);
      const row = page.getByRole('row').filter({ hasText: caseworker.email });
      await row.waitFor();
      // Signed in once: key pair certified, second factor confirmed.
      expect(await row.getByText('Oui').count()).toBeGreaterThanOrEqual(3);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.close();
    },
    SLOW_MS,
  );

  it('kept a clean console and never left the portal’s origin', () => {
    expect(consoleProblems).toEqual([]);
    const origin = new URL(portal.url).origin;
    const requests = [...adminBrowser.requests, ...caseworkerBrowser.requests];
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});
