import type { Page } from 'playwright-core';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { accessibilityProblems, watchConsole } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { signInInBrowser, staffMenu } from '../support/browser-sign-in.js';
import { createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * The custodians' area in a real browser: one custodian asks to give a
 * caseworker their cases back and sees that they cannot complete it
 * themselves; a second custodian, in their own session, completes it. At a
 * phone's width and a laptop's, with no axe violation.
 */
const SLOW_MS = 360_000;

describe('custodians in a real browser', () => {
  const e2e = useBrowserPortal({ adminName: 'Awa Admin' });
  let first: CreatedStaff;
  let second: CreatedStaff;

  beforeAll(async () => {
    first = await createStaff(e2e.portal, e2e.admin, { roles: ['custodian'], name: 'Aminata Traoré' });
    second = await createStaff(e2e.portal, e2e.admin, { roles: ['custodian'], name: 'Boubacar Sidibé' });
    await createStaff(e2e.portal, e2e.admin, { roles: ['caseworker'], name: 'Moussa Coulibaly' });
    await e2e.portal.app.get(EscrowService).create(null, [first.client.id, second.client.id]);
  }, SLOW_MS);

  async function signInAs(page: Page, staff: CreatedStaff, name: string) {
    await e2e.browser.context.clearCookies();
    await signInInBrowser(page, e2e.portal.url, staff.credentials, name);
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
      const page = watchConsole(await e2e.browser.newPage(360), e2e.consoleProblems);
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

      // The audit page names both custodians on the one entry: who completed it, and who asked.
      await e2e.browser.context.clearCookies();
      await signInInBrowser(page, e2e.portal.url, e2e.adminCredentials, 'Awa Admin');
      await page.goto(`${e2e.portal.url}/personnel/journal`);
      const entry = page.getByRole('row').filter({ hasText: 'Opération achevée par un second dépositaire' });
      await entry.getByRole('button', { name: 'Filtrer sur Boubacar Sidibé' }).waitFor();
      await entry.getByText('à la demande de Aminata Traoré').waitFor();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        expect({ width, problems: await accessibilityProblems(page) }).toEqual({ width, problems: [] });
        await entry.screenshot({ path: `${SHOTS}/custodians-audit-entry-${width}.png` });
      }
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
