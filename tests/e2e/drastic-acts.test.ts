import { accessibilityProblems, overflowsHorizontally } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { staffMenu } from '../support/browser-sign-in.js';
import { asOwner, createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * Two people for drastic acts, in a real browser: a supervisor asked to
 * deactivate a custodian; the admin sees the request on the staff page,
 * with who asked, and confirms it. No axe violation at 360 or 1280 px.
 */
const SLOW_MS = 180_000;

describe('two people for drastic acts in a real browser', () => {
  const e2e = useBrowserPortal({ adminName: 'Awa Traoré' });
  let custodian: CreatedStaff;

  beforeAll(async () => {
    custodian = await createStaff(e2e.portal, e2e.admin, { roles: ['custodian'], name: 'Kadiatou Diarra' });
    const supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    const asked = await supervisor.client.post('/api/admin/drastic-acts', { kind: 'deactivate', staffId: custodian.client.id });
    if (asked.status !== 201) throw new Error(`request: ${asked.status}`);
  }, SLOW_MS);

  it(
    "the admin confirms a supervisor's request to deactivate a custodian",
    async () => {
      const page = await e2e.pageAs(e2e.adminCredentials, 'Awa Traoré', 360);
      await (await staffMenu(page)).getByRole('link', { name: 'Gestion du personnel' }).click();
      const panel = page.getByRole('region', { name: 'Demandes à confirmer par une deuxième personne' });
      await panel.getByText('Désactiver le compte de Kadiatou Diarra').waitFor();
      await panel.getByText(/Demandé par Fatoumata Keïta/).waitFor();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/drastic-acts-${width}.png`, fullPage: true });
        expect({ width, overflows: await overflowsHorizontally(page), problems: await accessibilityProblems(page) }).toEqual({
          width,
          overflows: false,
          problems: [],
        });
      }
      await panel.getByRole('button', { name: 'Confirmer' }).click();
      await panel.getByText('Fait. Le journal d’audit garde les deux noms.').waitFor();
      await panel.getByText('Aucune demande en attente.').waitFor();
      expect(await asOwner(e2e.portal, 'SELECT active FROM staff_user WHERE id = $1', [custodian.client.id])).toEqual([{ active: false }]);
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
