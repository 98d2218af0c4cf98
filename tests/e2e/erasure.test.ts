import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems, overflowsHorizontally } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { asOwner, createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * Erasure at the person's request (Loi 2013-015) in a real browser, on a
 * phone: the caseworker records the verified request; a supervisor reads
 * what will be destroyed, is refused until the confirmation is ticked, is
 * asked once more in a dialog, and lands on a page naming only the
 * reference; the case is gone from the database. No axe violation.
 */
const SLOW_MS = 120_000;

describe('erasure at the person’s request in a real browser', () => {
  const e2e = useBrowserPortal();
  let supervisor: CreatedStaff;
  let caseId = '';
  let reference = '';

  beforeAll(async () => {
    supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    const created = await e2e.portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() });
    caseId = created.caseId;
    reference = created.reference;
  }, SLOW_MS);

  it(
    'records the request, asks twice, erases, and names only the reference afterwards',
    async () => {
      const page = await e2e.pageAs(supervisor.credentials, 'Fatoumata Keïta', 360);
      await page.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
      const panel = page.locator('#case-data-subject');
      await panel.getByLabel('Ce que la personne demande').selectOption({ label: 'Effacer son dossier (effacement)' });
      await panel.getByLabel('Comment son identité a été vérifiée').selectOption({ label: 'Par un rappel au contact sûr du dossier' });
      await panel.getByRole('button', { name: 'Enregistrer la demande' }).click();
      await panel.getByRole('button', { name: 'Effacer ce dossier…' }).click();

      await panel.getByRole('button', { name: 'Effacer définitivement' }).click();
      await panel.getByText('Cochez la confirmation.').first().waitFor();
      await panel.getByLabel(/Je confirme que la personne a demandé l’effacement/).check();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await panel.screenshot({ path: `${SHOTS}/erasure-${width}.png` });
        expect({ width, overflows: await overflowsHorizontally(page), problems: await accessibilityProblems(page) }).toEqual({
          width,
          overflows: false,
          problems: [],
        });
      }
      await panel.getByRole('button', { name: 'Effacer définitivement' }).click();
      const dialog = page.getByRole('dialog', { name: `Effacer le dossier ${reference} ?` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Oui, effacer le dossier' }).click();

      await page.getByRole('heading', { level: 1, name: 'Dossier effacé' }).waitFor();
      expect(await page.locator('main').innerText()).toContain(reference);
      expect(await asOwner(e2e.portal, 'SELECT id FROM protection_case WHERE id = $1', [caseId])).toEqual([]);
      expect({ problems: await accessibilityProblems(page) }).toEqual({ problems: [] });
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
