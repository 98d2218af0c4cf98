import { mkdir } from 'node:fs/promises';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * The integrity banner in a real browser: a database superuser cuts the
 * audit log's tail (a replay of an older database), and the supervisor and
 * the admin see, on every dashboard page, what happened and what to do; the
 * admin acknowledges from the banner and it goes. No axe violation at 360 or
 * 1280 px.
 */
const SLOW_MS = 180_000;
const SHOTS = '/tmp/shots';

describe('the integrity banner in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  /** Another profile: the admin's session cookie is not the supervisor's. */
  let adminBrowser: Browser;
  let admin: StaffCredentials;
  let supervisor: CreatedStaff;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    adminBrowser = await launchBrowser();
    admin = await createAdmin(portal, 'Awa Traoré');
    supervisor = await createStaff(portal, await signIn(portal, admin), { roles: ['supervisor'], name: 'Fatoumata Keïta' });
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await adminBrowser?.close();
    await portal?.close();
  }, SLOW_MS);

  it(
    'appears after a superuser cuts the audit log, on every page, until an admin acknowledges',
    async () => {
      const supervisorPage = watchConsole(await browser.newPage(1280), consoleProblems);
      await signInInBrowser(supervisorPage, portal.url, supervisor.credentials, 'Fatoumata Keïta');
      const banner = supervisorPage.getByRole('alert').filter({ hasText: 'Incident d’intégrité' });
      expect(await banner.count()).toBe(0);

      // As the database's superuser: the last rows of the log go (the triggers that guard it set aside).
      const [head] = await asOwner<{ seq: string }>(portal, 'SELECT max(seq)::text AS seq FROM audit_event');
      await asOwner(portal, 'ALTER TABLE audit_event DISABLE TRIGGER ALL');
      await asOwner(portal, 'DELETE FROM audit_event WHERE seq > $1', [Number(head?.seq) - 2]);
      await asOwner(portal, 'ALTER TABLE audit_event ENABLE TRIGGER ALL');

      await supervisorPage.getByRole('link', { name: 'Dossiers', exact: true }).click();
      await banner.waitFor();
      await banner.getByText('Des lignes du journal d’audit ont disparu').waitFor();
      await banner.getByText('Prévenez un(e) administrateur(trice).').waitFor();
      // Still there on the next page: nobody can dismiss it.
      await supervisorPage.getByRole('link', { name: 'Accueil', exact: true }).click();
      await banner.waitFor();

      const adminPage = watchConsole(await adminBrowser.newPage(360), consoleProblems);
      await signInInBrowser(adminPage, portal.url, admin, 'Awa Traoré');
      const adminBanner = adminPage.getByRole('alert').filter({ hasText: 'Incident d’intégrité' });
      await adminBanner.waitFor();
      const acknowledge = adminBanner.getByRole('button', { name: 'Prendre en compte l’incident' });
      expect(await acknowledge.isDisabled()).toBe(true);
      for (const width of [360, 1280]) {
        await adminPage.setViewportSize({ width, height: 900 });
        await adminPage.screenshot({ path: `${SHOTS}/integrity-banner-${width}.png`, fullPage: true });
        expect({ width, overflows: await overflowsHorizontally(adminPage), problems: await accessibilityProblems(adminPage) }).toEqual({
          width,
          overflows: false,
          problems: [],
        });
      }

      await adminBanner.getByLabel('J’ai trouvé la cause et la base de données est dans l’état voulu.').check();
      await adminBanner.getByRole('button', { name: 'Prendre en compte l’incident' }).click();
      await adminBanner.waitFor({ state: 'detached' });
      expect(await asOwner(portal, "SELECT 1 FROM audit_event WHERE action = 'integrity.acknowledged'")).toHaveLength(1);

      await supervisorPage.getByRole('link', { name: 'Dossiers', exact: true }).click();
      await supervisorPage.getByRole('heading', { level: 1 }).waitFor();
      await supervisorPage.getByRole('link', { name: 'Accueil', exact: true }).click();
      await supervisorPage.waitForLoadState('networkidle');
      expect(await banner.count()).toBe(0);
      expect(consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
