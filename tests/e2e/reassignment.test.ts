import type { Page } from 'playwright-core';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems, overflowsHorizontally } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { staffMenu } from '../support/browser-sign-in.js';
import { asOwner, createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * The crisis a small team fears: a caseworker is arrested. A supervisor
 * takes every case of theirs from the case list, hands them to a colleague,
 * confirms, and reads what was done to each — one case refused (its record
 * was tampered with), with its reason, in French and then in English.
 */
const SLOW_MS = 360_000;

describe('bulk reassignment', () => {
  const e2e = useBrowserPortal({ adminName: 'Aminata Admin' });
  let supervisor: CreatedStaff;
  let arrested: CreatedStaff;
  let colleague: CreatedStaff;
  const theirs: { id: string; reference: string }[] = [];
  let other: { id: string; reference: string };

  beforeAll(async () => {
    const { portal, admin } = e2e;
    supervisor = await createStaff(portal, admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    arrested = await createStaff(portal, admin, { roles: ['caseworker'], name: 'Moussa Traoré' });
    colleague = await createStaff(portal, admin, { roles: ['caseworker'], name: 'Awa Diarra' });
    const vault = portal.app.get(CaseVaultService);
    const created = async (assigneeId: string) => {
      const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
      expect((await supervisor.client.post(`/api/cases/${caseId}/assignment`, { assigneeId })).status).toBe(201);
      const reference = ((await (await supervisor.client.get(`/api/cases/${caseId}`)).json()) as { index: { reference: string } }).index.reference;
      return { id: caseId, reference };
    };
    for (let n = 0; n < 3; n += 1) theirs.push(await created(arrested.client.id));
    other = await created(colleague.client.id);
    // A database writer flipped one case's urgency: that case refuses every write, and the result must say so.
    await asOwner(portal, 'UPDATE protection_case SET urgent = NOT urgent WHERE id = $1', [theirs[2]?.id]);
  }, SLOW_MS);

  async function checkLayout(page: Page, name: string): Promise<void> {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect({ width, problems: await accessibilityProblems(page) }).toEqual({ width, problems: [] });
      expect({ width, overflows: await overflowsHorizontally(page) }).toEqual({ width, overflows: false });
      await page.screenshot({ path: `${SHOTS}/reassignment-${name}-${width}.png`, fullPage: true });
    }
  }

  it(
    'takes every case of the person arrested, confirms, and lists each case done or refused with its reason, in French and in English',
    async () => {
      const page = await e2e.pageAs(supervisor.credentials, 'Fatoumata Keïta', 1280);
      await page.goto(`${e2e.portal.url}/personnel/dossiers`);
      await page.getByRole('link', { name: 'Réattribuer des dossiers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Réattribuer des dossiers' }).waitFor();

      // Nothing chosen: both problems named before anything is sent.
      await page.getByRole('button', { name: 'Vérifier avant de réattribuer' }).click();
      const summary = page.locator('.error-summary');
      await summary.getByText('Choisissez au moins un dossier.').waitFor();
      await summary.getByText('Choisissez la personne qui reprend les dossiers.').waitFor();

      await page.getByLabel('Tous les dossiers de').selectOption({ label: 'Moussa Traoré (3)' });
      for (const item of theirs) expect(await page.getByRole('checkbox', { name: new RegExp(item.reference) }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: new RegExp(other.reference) }).isChecked()).toBe(false);
      await page.getByText('3 dossiers choisis').waitFor();
      await page.getByLabel('Nouvelle personne responsable').selectOption({ label: 'Awa Diarra' });
      await checkLayout(page, 'choose');

      await page.getByRole('button', { name: 'Vérifier avant de réattribuer' }).click();
      await page.getByRole('heading', { name: 'Confirmer la réattribution' }).waitFor();
      await page.getByText('3 dossiers iront à Awa Diarra.').waitFor();
      await checkLayout(page, 'confirm');

      await page.getByRole('button', { name: 'Réattribuer', exact: true }).click();
      await page.getByRole('heading', { name: 'Résultat' }).waitFor();
      await page.getByText('2 réattribué(s), 1 refusé(s).').waitFor();
      const items = page.locator('.reassign-result__item');
      for (const item of theirs.slice(0, 2)) await items.filter({ hasText: item.reference }).getByText('Réattribué à Awa Diarra').waitFor();
      const refused = items.filter({ hasText: theirs[2]?.reference ?? '' });
      await refused.filter({ hasText: 'Refusé : Ce dossier a été modifié en dehors du portail.' }).waitFor();
      await checkLayout(page, 'result');

      await (await staffMenu(page)).getByRole('button', { name: 'English' }).click();
      await page.getByText('2 reassigned, 1 refused.').waitFor();
      await refused.filter({ hasText: 'Refused: This case was changed outside the portal.' }).waitFor();

      // What the page says is what happened: the colleague now opens the two cases, and is responsible for them.
      const awa = colleague.client;
      for (const item of theirs.slice(0, 2)) {
        const view = await awa.get(`/api/cases/${item.id}`);
        expect(view.status).toBe(200);
        expect(((await view.json()) as { index: { assignedTo: string } }).index.assignedTo).toBe(awa.id);
      }
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
