import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ActivationLink } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems, launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser, staffMenu } from '../support/browser-sign-in.js';
import {
  activate,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  signIn,
  strongPassphrase,
  type CreatedStaff,
  type StaffClient,
  type StaffCredentials,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * Refusals in a real browser: a custodian whose passphrase was reset asks
 * to re-seal and reads why it is refused — in French, then in English —
 * never "already done or conflicts"; a refused download followed as a link
 * reads as a sentence, not as JSON; the admin sees the escrow warning on
 * every page while only one pair of custodians can open it.
 */
const SLOW_MS = 180_000;
const SHOTS = '/tmp/shots';
const GENERIC = /déjà été faite|already done|Vous n.avez pas accès|do not have access/;

describe('refusals that say why', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let admin: StaffClient;
  let adminCredentials: StaffCredentials;
  let supervisorCustodian: CreatedStaff;
  let resetCustodian: CreatedStaff;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    adminCredentials = await createAdmin(portal, 'Aminata Admin');
    admin = await signIn(portal, adminCredentials);
    supervisorCustodian = await createStaff(portal, admin, { roles: ['supervisor', 'custodian'], name: 'Fatoumata Keïta' });
    const other = await createStaff(portal, admin, { roles: ['custodian'], name: 'Boubacar Sidibé' });
    resetCustodian = await createStaff(portal, admin, { roles: ['caseworker', 'custodian'], name: 'Coumba Diarra' });
    await portal.app.get(EscrowService).create(null, [supervisorCustodian.client.id, other.client.id, resetCustodian.client.id]);
    // Coumba's passphrase is reset (the admin accepts the escrow risk); she sets a new one and will sign in with it.
    const issued = await admin.post(`/api/admin/staff/${resetCustodian.client.id}/reset-password`, { escrowRiskAccepted: true });
    const password = strongPassphrase();
    expect((await activate(portal, ActivationLink.parse(await issued.json()), password)).status).toBe(200);
    resetCustodian = { ...resetCustodian, credentials: { ...resetCustodian.credentials, password } };
  }, SLOW_MS);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  async function checkAndShoot(page: Page, name: string) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect({ name, width, problems: await accessibilityProblems(page) }).toEqual({ name, width, problems: [] });
      await page.screenshot({ path: `${SHOTS}/refusals-${name}-${width}.png`, fullPage: true });
    }
  }

  it(
    'a custodian’s refused re-seal says why, in French and then in English',
    async () => {
      const page = watchConsole(await browser.newPage(360), consoleProblems);
      await browser.context.clearCookies();
      await signInInBrowser(page, portal.url, resetCustodian.credentials, 'Coumba Diarra');
      await (await staffMenu(page)).getByRole('link', { name: 'Dépositaires', exact: true }).click();
      const form = page.locator('#reseal-escrow-form');
      await form.getByRole('button', { name: 'Envoyer la demande' }).click();
      const summary = form.locator('.error-summary');
      await summary.getByText('Votre clé n’ouvre pas votre part de la clé de secours', { exact: false }).waitFor();
      expect(await summary.innerText()).not.toMatch(GENERIC);
      await checkAndShoot(page, 'custodian-fr');

      await page.setViewportSize({ width: 360, height: 800 });
      await (await staffMenu(page)).getByRole('button', { name: 'English' }).click();
      await form.getByRole('button', { name: 'Send the request' }).click();
      await summary.getByText('Your key does not open your share of the recovery key', { exact: false }).waitFor();
      expect(await summary.innerText()).not.toMatch(GENERIC);
      await checkAndShoot(page, 'custodian-en');
      await (await staffMenu(page)).getByRole('button', { name: 'Français' }).click();
      expect(consoleProblems.filter((p) => !p.includes('422'))).toEqual([]);
    },
    SLOW_MS,
  );

  it(
    'a refused download followed as a link reads as a sentence in the reader’s language, never as JSON',
    async () => {
      const { caseId } = await portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() });
      const drafted = await supervisorCustodian.client.post(`/api/cases/${caseId}/documents`, {
        kind: 'attestation',
        language: 'fr',
        recipient: 'embassy',
        recipientName: 'Ambassade',
      });
      expect(drafted.status).toBe(201);
      const { documentId } = (await drafted.json()) as { documentId: string };
      const page = await browser.newPage(360);
      await browser.context.clearCookies();
      await signInInBrowser(page, portal.url, supervisorCustodian.credentials, 'Fatoumata Keïta');
      const answer = await page.goto(`${portal.url}/api/cases/${caseId}/documents/${documentId}/pdf`);
      expect(answer?.status()).toBe(422);
      expect(answer?.headers()['content-type']).toContain('text/html');
      const text = await page.locator('body').innerText();
      expect(text).toContain('pas encore approuvé');
      expect(text).not.toMatch(/[{}"]|error|code/);
      await checkAndShoot(page, 'download-fr');
    },
    SLOW_MS,
  );

  it(
    'the admin sees the escrow warning on every page while only one pair can open it',
    async () => {
      const page = await browser.newPage(360);
      await browser.context.clearCookies();
      await signInInBrowser(page, portal.url, adminCredentials, 'Aminata Admin');
      const banner = page.getByRole('alert').filter({ hasText: 'Clé de secours en danger' });
      await banner.getByText('Une seule paire de dépositaires').waitFor();
      await banner.getByText(/Paires qui fonctionnent\s*: (Boubacar Sidibé et Fatoumata Keïta|Fatoumata Keïta et Boubacar Sidibé)\./).waitFor();
      await (await staffMenu(page)).getByRole('link', { name: 'Gestion du personnel', exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await banner.waitFor();
      await checkAndShoot(page, 'escrow-warning');
    },
    SLOW_MS,
  );
});
