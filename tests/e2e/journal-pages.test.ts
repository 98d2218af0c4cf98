import { JOURNAL_PAGE_SIZE } from '@mnpddh/shared';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * A long journal in a real browser: the case page shows the latest entries
 * and « Afficher les entrées plus anciennes » brings the older ones, down to
 * the reception, at a phone's width and a laptop's, with no axe violation.
 */
const SLOW_MS = 300_000;

describe('a long journal on the case page', () => {
  const e2e = useBrowserPortal();
  let supervisor: CreatedStaff;
  let caseId = '';

  beforeAll(async () => {
    supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    caseId = (await e2e.portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() })).caseId;
    for (let n = 1; n <= JOURNAL_PAGE_SIZE + 3; n += 1) {
      const response = await supervisor.client.post(`/api/cases/${caseId}/notes`, { body: `Note numéro ${n}.` });
      if (response.status !== 201) throw new Error(`note ${n}: ${response.status}`);
    }
  }, SLOW_MS);

  it(
    'shows the latest entries, then the older ones and the reception when asked, at 360 and 1280 px',
    async () => {
      // Signed in once (the browser keeps the session), then the case page opened afresh at each width.
      const page = await e2e.pageAs(supervisor.credentials, 'Fatoumata Keïta', 360);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
        await page
          .locator('.timeline__item')
          .filter({ hasText: `Note numéro ${JOURNAL_PAGE_SIZE + 3}.` })
          .waitFor();
        expect(await page.locator('.timeline__item').filter({ hasText: 'Note numéro 3.' }).count()).toBe(0);
        expect(await page.locator('.timeline__item--reception').count()).toBe(0);
        const older = page.getByRole('button', { name: 'Afficher les entrées plus anciennes' });
        await older.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/case-journal-older-${width}.png` });
        await older.click();
        await page.locator('.timeline__item').filter({ hasText: 'Note numéro 1.' }).waitFor();
        await page.locator('.timeline__item--reception').waitFor();
        expect(await page.getByRole('button', { name: 'Afficher les entrées plus anciennes' }).count()).toBe(0);
        expect(
          await page
            .locator('.timeline__item')
            .filter({ hasText: /Note numéro \d+\./ })
            .count(),
        ).toBe(JOURNAL_PAGE_SIZE + 3);
        expect({ width, problems: await accessibilityProblems(page) }).toEqual({ width, problems: [] });
      }
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
