/**
 * A flood of fake urgent requests, as the supervisor meets it in a real
 * browser: the urgent view offers to mark the waiting requests as junk in one
 * action, refuses without the confirmation box, then marks them all; axe
 * finds nothing at phone and desk widths.
 */
import { randomBytes } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

const BURST = 3;

let portal: RunningPortal;
let browser: Browser;
let supervisor: StaffCredentials;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  browser = await launchBrowser();
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Drissa Superviseur' })).credentials;
  for (let i = 0; i < BURST; i++) {
    const response = await fetch(`${portal.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
      body: JSON.stringify({
        summary: 'Ma vie est en danger, venez vite.',
        rightNow: { detainedOrMissing: 'no', lifeInDanger: 'yes' },
        contact: { methods: ['no_contact'] },
        consent: { processing: true },
      }),
    });
    expect(response.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

it('marks a burst of fake requests as junk in one action, after a confirmation', async () => {
  const problems: string[] = [];
  const page = watchConsole(await browser.newPage(360), problems);
  await signInInBrowser(page, portal.url, supervisor, 'Drissa Superviseur');
  await page.goto(`${portal.url}/personnel/urgences`);
  const panel = page.getByRole('region', { name: `${BURST} nouvelles demandes en attente de réponse` });
  await panel.waitFor();
  expect(await overflowsHorizontally(page)).toBe(false);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.screenshot({ path: `${process.env.TEST_SCREENSHOTS ?? '/tmp'}/junk-burst-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.screenshot({ path: `${process.env.TEST_SCREENSHOTS ?? '/tmp'}/junk-burst-1280.png`, fullPage: true });

  await panel.getByRole('button', { name: `Marquer ces ${BURST} demandes comme indésirables` }).click();
  await panel.getByText('Cochez la case pour confirmer.').waitFor();
  expect(await asOwner(portal, 'SELECT id FROM alert WHERE junk_at IS NOT NULL')).toEqual([]);

  await panel.getByLabel(`J’ai vérifié : ces ${BURST} demandes sont fausses.`).check();
  await panel.getByRole('button', { name: `Marquer ces ${BURST} demandes comme indésirables` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${BURST} demandes marquées comme indésirables.` })
    .waitFor();
  expect(await asOwner(portal, 'SELECT id FROM alert WHERE junk_at IS NOT NULL')).toHaveLength(BURST);
  expect(await asOwner(portal, "SELECT id FROM alert WHERE kind = 'urgent_request' AND acknowledged_at IS NULL")).toEqual([]);
  expect(problems).toEqual([]);
}, 120_000);
