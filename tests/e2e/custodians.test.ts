import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { accessibilityProblems, launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser, staffMenu } from '../support/browser-sign-in.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * The custodians' area in a real browser: one custodian asks to give a
 * caseworker their cases back and sees that they cannot complete it
 * themselves; a second custodian, in their own session, completes it. At a
 * phone's width and a laptop's, with no axe violation.
 */
const SLOW_MS = 120_000;
const SHOTS = '/tmp/shots';

describe('custodians in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let first: CreatedStaff;
  let second: CreatedStaff;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    const admin = await signIn(portal, await createAdmin(portal));
    first = await createStaff(portal, admin, { roles: ['custodian'], name: 'Aminata Traoré' });
    second = await createStaff(portal, admin, { roles: ['custodian'], name: 'Boubacar Sidibé' });
    await createStaff(portal, admin, { roles: ['caseworker'], name: 'Moussa Coulibaly' });
    await portal.app.get(EscrowService).create(null, [first.client.id, second.client.id]);
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  async function signInAs(page: Page, staff: CreatedStaff, name: string) {
    await browser.context.clearCookies();
    await signInInBrowser(page, portal.url, staff.credentials, name);
    await (await staffMenu(page)).getByRole('link', { name: 'Dépositaires', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dépositaires de la clé de secours' }).waitFor();
  }

  async function checkAndShoot(page: Page, name: string) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect({ name, width, problems: await accessibilityProblems(page) }).toEqual({ name, width, problems: [] });
      await page.screenshot({ path: `${SHOTS}/custodians-${name}-${width}.png`, fullPage: true });
    }
  }

  it(
    'one custodian asks, cannot complete their own request, and a second one completes it',
    async () => {
      const page = watchConsole(await browser.newPage(360), consoleProblems);
      await signInAs(page, first, 'Aminata Traoré');
      await page.getByLabel('Personne', { exact: true }).selectOption({ label: 'Moussa Coulibaly' });
      await page.locator('#restore-form').getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.getByText('Demande enregistrée.').waitFor();
      const card = page.locator('.custodian-card', { hasText: 'Votre demande' });
      await card.getByText('vous ne pouvez pas la compléter').waitFor();
      expect(await card.getByRole('button').count()).toBe(0);
      await checkAndShoot(page, 'requester');

      await page.setViewportSize({ width: 360, height: 800 });
      await signInAs(page, second, 'Boubacar Sidibé');
      await page.getByRole('button', { name: /Compléter la demande/ }).click();
      await page.getByRole('button', { name: 'Confirmer : compléter maintenant' }).click();
      await page.getByText('Terminé : 0 dossier(s) rendu(s)').waitFor();
      await page.getByText('Aucune demande en attente.').waitFor();

      await page.getByRole('button', { name: 'Vérifier ma part' }).click();
      await page.getByText('Votre part s’ouvre : 1 sur 1.').waitFor();
      await checkAndShoot(page, 'second');
      expect(consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
