import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems, overflowsHorizontally } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { staffMenu } from '../support/browser-sign-in.js';
import { asOwner, createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * Revocation for cause in a real browser, as a supervisor woken at night
 * would do it on a phone: choose the arrested colleague and the reason,
 * confirm, and see the job finished; the colleague's account is off and
 * the case they held has new keys. No axe violation at 360 or 1280 px.
 */
const SLOW_MS = 120_000;

describe('revocation for cause in a real browser', () => {
  const e2e = useBrowserPortal();
  let supervisor: CreatedStaff;
  let arrested: CreatedStaff;
  let caseId = '';

  beforeAll(async () => {
    supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    arrested = await createStaff(e2e.portal, e2e.admin, { roles: ['caseworker'], name: 'Ibrahim Maïga' });
    caseId = (await e2e.portal.app.get(CaseVaultService).createCase({ urgent: true, content: plainContent() })).caseId;
    const assigned = await supervisor.client.post(`/api/cases/${caseId}/assignment`, { assigneeId: arrested.client.id });
    if (assigned.status !== 201) throw new Error(`assignment: ${assigned.status}`);
  }, SLOW_MS);

  it(
    'revokes a colleague and re-keys the case they held, at 360 and 1280 px',
    async () => {
      const [before] = await asOwner<{ case_key_id: string }>(e2e.portal, 'SELECT case_key_id FROM protection_case WHERE id = $1', [caseId]);
      const page = await e2e.pageAs(supervisor.credentials, 'Fatoumata Keïta', 360);

      await (await staffMenu(page)).getByRole('link', { name: 'Révocation' }).click();
      await page.getByRole('heading', { level: 1, name: 'Révoquer l’accès d’un membre du personnel' }).waitFor();
      // Refused until everything is chosen and confirmed, with the reasons said.
      await page.getByRole('button', { name: 'Révoquer et changer les clés' }).click();
      await page.getByText('Choisissez la personne dont l’accès est révoqué.').first().waitFor();
      await page.getByLabel('Membre du personnel').selectOption({ label: 'Ibrahim Maïga' });
      await page.getByLabel('Motif').selectOption({ label: 'Arrêté, détenu ou sous contrainte' });
      await page.getByLabel('Je confirme : son accès s’arrête maintenant et ses dossiers changent de clés.').check();
      await page.getByRole('button', { name: 'Révoquer et changer les clés' }).click();
      await page.getByText('1 sur 1').waitFor();
      await page.getByText('Terminé').waitFor();

      expect(await asOwner(e2e.portal, 'SELECT active FROM staff_user WHERE id = $1', [arrested.client.id])).toEqual([{ active: false }]);
      const [after] = await asOwner<{ case_key_id: string }>(e2e.portal, 'SELECT case_key_id FROM protection_case WHERE id = $1', [caseId]);
      expect(after?.case_key_id).not.toBe(before?.case_key_id);
      // The arrested colleague's session is over.
      expect((await arrested.client.get('/api/cases')).status).toBe(401);

      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `${SHOTS}/revocation-${width}.png`, fullPage: true });
        expect({ width, overflows: await overflowsHorizontally(page), problems: await accessibilityProblems(page) }).toEqual({
          width,
          overflows: false,
          problems: [],
        });
      }
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
