import { mkdir } from 'node:fs/promises';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser, staffMenu } from '../support/browser-sign-in.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * Two people for drastic acts, in a real browser: a supervisor asked to
 * deactivate a custodian; the admin sees the request on the staff page,
 * with who asked, and confirms it. No axe violation at 360 or 1280 px.
 */
const SLOW_MS = 180_000;
const SHOTS = '/tmp/shots';

describe('two people for drastic acts in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let admin: StaffCredentials;
  let custodian: CreatedStaff;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    admin = await createAdmin(portal, 'Awa Traoré');
    const adminClient = await signIn(portal, admin);
    custodian = await createStaff(portal, adminClient, { roles: ['custodian'], name: 'Kadiatou Diarra' });
    const supervisor = await createStaff(portal, adminClient, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    const asked = await supervisor.client.post('/api/admin/drastic-acts', { kind: 'deactivate', staffId: custodian.client.id });
    if (asked.status !== 201) throw new Error(`request: ${asked.status}`);
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  it(
    'the admin confirms a supervisor\'s request to deactivate a custodian',
    async () => {
      const page = watchConsole(await browser.newPage(360), consoleProblems);
      await signInInBrowser(page, portal.url, admin, 'Awa Traoré');
      await (await staffMenu(page)).getByRole('link', { name: 'Gestion du personnel' }).click();
      const panel = page.getByRole('region', { name: 'Demandes à confirmer par une deuxième personne' });
      await panel.getByText('Désactiver le compte de Kadiatou Diarra').waitFor();
      await panel.getByText(/Demandé par Fatoumata Keïta/).waitFor();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/drastic-acts-${width}.png`, fullPage: true });
        expect({ width, overflows: await overflowsHorizontally(page), problems: await accessibilityProblems(page) }).toEqual({ width, overflows: false, problems: [] });
      }
      await panel.getByRole('button', { name: 'Confirmer' }).click();
      await panel.getByText('Fait. Le journal d’audit garde les deux noms.').waitFor();
      await panel.getByText('Aucune demande en attente.').waitFor();
      expect(await asOwner(portal, 'SELECT active FROM staff_user WHERE id = $1', [custodian.client.id])).toEqual([{ active: false }]);
      expect(consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
