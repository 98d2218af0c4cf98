import { ActivationLink } from '@mnpddh/shared';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { activate, createStaff, signIn, strongPassphrase, type CreatedStaff } from '../support/staff.js';

/**
 * Lost access in a real browser: after a caseworker's password reset, the
 * supervisor's list says the person responsible can no longer open the case,
 * the case page says it too, and one button gives the access back.
 */
const SLOW_MS = 180_000;

describe('lost access, shown and mended', () => {
  const e2e = useBrowserPortal({ adminName: 'Aminata Admin' });
  let supervisor: CreatedStaff;
  let caseworker: CreatedStaff;
  let reference: string;
  let caseId: string;
  let newPassword: string;

  beforeAll(async () => {
    supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    caseworker = await createStaff(e2e.portal, e2e.admin, { roles: ['caseworker'], name: 'Moussa Traoré' });
    const created = await e2e.portal.app.get(CaseVaultService).createCase({ urgent: true, content: plainContent() });
    caseId = created.caseId;
    expect((await supervisor.client.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworker.client.id })).status).toBe(201);
    reference = ((await (await supervisor.client.get(`/api/cases/${caseId}`)).json()) as { index: { reference: string } }).index.reference;
    const issued = await e2e.admin.post(`/api/admin/staff/${caseworker.client.id}/reset-password`, { escrowRiskAccepted: true });
    newPassword = strongPassphrase();
    expect((await activate(e2e.portal, ActivationLink.parse(await issued.json()), newPassword)).status).toBe(200);
  }, SLOW_MS);

  it(
    'marks the person in the list and on the case, says why it cannot mend it yet, then gives the access back in one click',
    async () => {
      const page = await e2e.pageAs(supervisor.credentials, 'Fatoumata Keïta', 1280);
      await page.goto(`${e2e.portal.url}/personnel/dossiers`);
      const row = page.getByRole('row').filter({ hasText: reference });
      await row.getByText('Moussa Traoré — ne peut plus l’ouvrir').waitFor();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${SHOTS}/lost-access-list-${width}.png`, fullPage: true });
      }

      await page.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
      const notice = page.locator('.lost-access');
      await notice.getByText('Moussa Traoré est chargé·e de ce dossier mais ne peut plus l’ouvrir').waitFor();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect({ width, problems: await accessibilityProblems(page) }).toEqual({ width, problems: [] });
        await page.screenshot({ path: `${SHOTS}/lost-access-case-${width}.png`, fullPage: false });
      }
      // Moussa has set his new password but not signed in yet: no key to seal to, and the page says so.
      await notice.getByRole('button', { name: 'Lui rendre l’accès' }).click();
      await page.getByText('ne s’est pas encore reconnectée avec son nouveau mot de passe').waitFor();
      // He signs in (a new key pair); the same button now gives the access back and the notice goes.
      const back = await signIn(e2e.portal, { ...caseworker.credentials, password: newPassword });
      await notice.getByRole('button', { name: 'Lui rendre l’accès' }).click();
      await notice.waitFor({ state: 'detached' });
      expect((await back.get(`/api/cases/${caseId}`)).status).toBe(200);
      expect(e2e.consoleProblems.filter((line) => !line.includes('422'))).toEqual([]);
    },
    SLOW_MS,
  );
});
