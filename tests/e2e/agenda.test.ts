import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * "Mon agenda" in a real browser: a caseworker assigned a case with a next
 * contact and a court hearing sees both, under the case reference only,
 * at a phone's width and a laptop's, with no axe violation.
 */
const SLOW_MS = 120_000;

describe('my agenda in a real browser', () => {
  const e2e = useBrowserPortal();
  let caseworker: CreatedStaff;
  let reference = '';
  let caseId = '';

  beforeAll(async () => {
    const supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    caseworker = await createStaff(e2e.portal, e2e.admin, { roles: ['caseworker'], name: 'Moussa Coulibaly' });
    const created = await e2e.portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() });
    reference = created.reference;
    const id = created.caseId;
    const post = async (path: string, body: unknown) => {
      const response = await supervisor.client.post(`/api/cases/${id}${path}`, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    };
    await post('/assignment', { assigneeId: caseworker.client.id });
    await post('/contact-attempts', { channel: 'phone', result: 'reached', nextContactOn: '2031-06-10' });
    await post('/agenda-events', { kind: 'detention_review', on: '2031-06-12' });
    caseId = id;
  }, SLOW_MS);

  it(
    'lists the next contact and the hearing under the case reference, at 360 and 1280 px',
    async () => {
      const page = await e2e.pageAs(caseworker.credentials, 'Moussa Coulibaly', 360);

      // The hearing is entered on the case; the detention review, postponed, is cancelled there.
      await page.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
      await page.locator('summary', { hasText: 'Audiences et dates' }).click();
      await page.getByLabel('Type de date').selectOption({ label: 'Audience' });
      await page.getByLabel('Jour', { exact: true }).fill('2031-06-17');
      await page.getByLabel('Note (facultatif : tribunal, salle, avocat)').fill('Audience au tribunal de la commune III.');
      await page.getByRole('button', { name: 'Ajouter la date' }).click();
      await page.locator('#action-agenda .work-list__item').filter({ hasText: 'Audience le' }).waitFor();
      await page.getByRole('button', { name: /Annuler ou reporter : Examen de la détention/ }).click();
      await page.getByLabel('Pourquoi ?').fill('Examen reporté, nouvelle date attendue.');
      await page.getByRole('button', { name: 'Annuler la date' }).click();
      await page
        .locator('.timeline__item')
        .filter({ hasText: /Date annulée : Examen de la détention/ })
        .first()
        .waitFor();
      expect({ problems: await accessibilityProblems(page) }).toEqual({ problems: [] });
      await page.locator('#action-agenda').screenshot({ path: `${SHOTS}/case-agenda-360.png` });

      await page.goto(`${e2e.portal.url}/personnel/agenda`);
      await page.getByRole('heading', { level: 1, name: 'Mon agenda' }).waitFor();
      await page.getByText('Audience', { exact: true }).first().waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('Prochain contact');
      expect(text).not.toContain('Examen de la détention');
      expect(text).toContain(reference);
      // Nothing of the case beyond its reference and what is due.
      expect(text).not.toContain('tribunal de la commune');
      expect(text.indexOf('Prochain contact')).toBeLessThan(text.indexOf('Audience'));
      expect(await page.getByRole('link', { name: new RegExp(reference) }).count()).toBeGreaterThan(0);

      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        expect({ width, problems: await accessibilityProblems(page) }).toEqual({ width, problems: [] });
        await page.screenshot({ path: `${SHOTS}/agenda-${width}.png`, fullPage: true });
      }
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
