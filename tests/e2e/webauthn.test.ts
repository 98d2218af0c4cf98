import type { CDPSession, Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, nextTotp, signIn, type CreatedStaff, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';
import { freePort } from '../../apps/api/src/database/free-port.js';

/**
 * Security keys in a real headless Chromium, with the browser's own virtual
 * authenticator (DevTools protocol) standing in for a USB key: the admin
 * requires keys of supervisors; a supervisor signs in with a TOTP code, is
 * sent to add a key, adds one, and signs in with it. WebAuthn refuses IP
 * addresses as relying-party ids, so the portal is opened as
 * http://localhost:<port> (a secure context) and PUBLIC_URL says the same.
 */
const SLOW_MS = 90_000;

/** A free loopback port, so PUBLIC_URL can name it before the portal starts. */

describe('security keys in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let origin = '';
  let admin: StaffCredentials;
  let supervisor: CreatedStaff;
  let cdp: CDPSession;
  let authenticatorId = '';
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    portal = await startTestPortal({ ...FAST_PASSWORDS, PORT: String(port), PUBLIC_URL: origin });
    browser = await launchBrowser();
    admin = await createAdmin(portal, 'Awa Traoré');
    supervisor = await createStaff(portal, await signIn(portal, admin), { roles: ['supervisor'], name: 'Moussa Keïta' });
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  async function newPage(): Promise<Page> {
    const page = watchConsole(await browser.newPage(1024), consoleProblems);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const added = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    authenticatorId = added.authenticatorId;
    return page;
  }

  async function fillPassword(page: Page, credentials: StaffCredentials) {
    await page.goto(`${origin}/personnel`);
    await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(credentials.email);
    await page.getByLabel('Phrase de passe').fill(credentials.password);
  }

  async function signInWithTotp(page: Page, credentials: StaffCredentials) {
    await fillPassword(page, credentials);
    await page.getByLabel('Code à 6 chiffres').fill(await nextTotp(credentials.totpSecret));
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  }

  it(
    'lets the admin require security keys of supervisors, with a checkbox',
    async () => {
      const page = await newPage();
      await signInWithTotp(page, admin);
      await page.getByRole('heading', { level: 1, name: 'Bonjour, Awa Traoré' }).waitFor();
      await page.goto(`${origin}/personnel/admin`);
      await page.getByRole('heading', { name: 'Clés de sécurité obligatoires' }).waitFor();
      const box = page.getByRole('checkbox', { name: 'Superviseurs et superviseures' });
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await page.getByRole('button', { name: 'Enregistrer la règle' }).click();
      await page.getByText('La règle est enregistrée.').waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      const [setting] = await asOwner<{ value: string }>(portal, "SELECT value FROM setting WHERE key = 'webauthn.required_roles'");
      expect(setting?.value).toBe('["supervisor"]');
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'sends a supervisor signing in with a code to add a key, then signs them in with the key',
    async () => {
      const page = await newPage();
      await signInWithTotp(page, supervisor.credentials);
      await page.getByRole('heading', { level: 1, name: 'Clés de sécurité' }).waitFor();
      await page.getByText('Votre rôle exige une clé de sécurité : ajoutez-en une maintenant.').waitFor();
      await page.getByText('Vous n’avez encore aucune clé de sécurité.').waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.getByLabel('Nom de la clé').fill('Clé bleue');
      await page.getByRole('button', { name: 'Ajouter la clé' }).click();
      await page.getByText('La clé « Clé bleue » est ajoutée.').waitFor();
      await page.getByRole('button', { name: 'Retirer la clé « Clé bleue »' }).waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(credentials).toHaveLength(1);
      expect(credentials[0]?.isResidentCredential).toBe(true);
      // The only key cannot go while the role requires one.
      await page.getByRole('button', { name: 'Retirer la clé « Clé bleue »' }).click();
      await page
        .getByText(/Vous ne pouvez pas retirer votre dernière clé/)
        .first()
        .waitFor();

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
      await fillPassword(page, supervisor.credentials);
      await page.getByRole('button', { name: 'Utiliser ma clé de sécurité' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bonjour, Moussa Keïta' }).waitFor();

      const logins = await asOwner<{ details: { secondFactor?: string } }>(
        portal,
        "SELECT details FROM audit_event WHERE action = 'auth.login' AND actor_id = $1 ORDER BY seq",
        [supervisor.client.id],
      );
      expect(logins.at(-1)?.details.secondFactor).toBe('security-key');
      const [row] = await asOwner<{ counter: string; last_used_at: Date | null }>(
        portal,
        'SELECT counter::text, last_used_at FROM webauthn_credential WHERE user_id = $1',
        [supervisor.client.id],
      );
      expect(row?.last_used_at).not.toBeNull();
      const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(String(after.credentials[0]?.signCount)).toBe(row?.counter);

      await page.goto(`${origin}/personnel/accueil`);
      await page.getByRole('link', { name: /Clés de sécurité/ }).click();
      await page.getByText('Dernière utilisation', { exact: false }).waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.close();
    },
    SLOW_MS,
  );

  it('kept the console clean and made no request elsewhere', () => {
    expect(consoleProblems.filter((problem) => !/status of 409/.test(problem))).toEqual([]);
    expect(browser.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});
