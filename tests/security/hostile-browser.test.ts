/**
 * What a stranger types is shown as text, never run: a request
 * whose every free-text field carries script and HTML, a follow-up message
 * and a file name that do too, opened by a supervisor in a real Chromium at
 * /personnel/dossiers/:id. No injected script runs (a window flag the
 * payloads would set, a dialog they would open, an element they would
 * create), and the payloads are on the page as the characters typed.
 */
import { randomBytes } from 'node:crypto';
import type { Dialog, Page } from 'playwright-core';
import { SubmissionReceipt, UploadCreated } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, type Browser } from '../support/browser.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, nextTotp, signIn, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';
import { openFollowUp } from './hostile-setup.js';

const SLOW_MS = 120_000;

/** Each sets window.__pwned or opens a dialog if it ever runs. */
const PAYLOADS = {
  summary: '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)"> Mon frère a disparu.',
  safeTimes: '"><svg onload=window.__pwned=3>',
  trustedPerson: '<iframe src="javascript:window.__pwned=4"></iframe>',
  defenderName: '<b onmouseover=alert(2)>Awa</b><img src=x onerror=window.__pwned=5>',
  organisation: '<a href="javascript:window.__pwned=6">Association</a>',
  locality: '<details open ontoggle=window.__pwned=7>Sévaré',
  relationship: '{{constructor.constructor("window.__pwned=8")()}}',
  message: '<img src=x onerror=window.__pwned=9>Il est au commissariat.',
  fileName: '<img src=x onerror=window.__pwned=10>.pdf',
} as const;

let portal: RunningPortal;
let browser: Browser;
let supervisor: StaffCredentials;
let caseId: string;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  browser = await launchBrowser();
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Fatoumata Keïta' })).credentials;

  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: PAYLOADS.summary,
      rightNow: { detainedOrMissing: 'unknown', lifeInDanger: 'unknown' },
      contact: { methods: ['trusted_person'], trustedPerson: PAYLOADS.trustedPerson, safeTimes: PAYLOADS.safeTimes },
      consent: { processing: true },
      submitter: { kind: 'third_party', relationship: PAYLOADS.relationship },
      defender: { name: PAYLOADS.defenderName, organisation: PAYLOADS.organisation, profiles: [], languages: [] },
      location: { region: 'mopti', locality: PAYLOADS.locality },
    }),
  });
  if (submitted.status !== 201) throw new Error(`submission refused with ${submitted.status}: ${await submitted.text()}`);
  const answer = SubmissionReceipt.parse(await submitted.json());
  const [found] = await asOwner<{ id: string }>(portal, 'SELECT id FROM protection_case WHERE reference = $1', [answer.reference]);
  caseId = (found as { id: string }).id;

  // The defender adds a message and a file whose name is markup.
  const followUp = await openFollowUp(portal, answer.receipt);
  const headers = { 'content-type': 'application/json', cookie: followUp.cookie ?? '' };
  const message = await fetch(`${portal.url}/api/follow-up/messages`, { method: 'POST', headers, body: JSON.stringify({ body: PAYLOADS.message }) });
  if (message.status !== 201) throw new Error(`message refused with ${message.status}`);
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const started = await fetch(`${portal.url}/api/follow-up/uploads`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ kind: 'file', name: PAYLOADS.fileName, type: 'application/pdf', size: pdf.length }),
  });
  const { uploadId } = UploadCreated.parse(await started.json());
  const sent = await fetch(`${portal.url}/api/follow-up/uploads/${uploadId}`, {
    method: 'PATCH',
    headers: { cookie: followUp.cookie ?? '', 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    body: new Uint8Array(pdf),
  });
  if (sent.status !== 201) throw new Error(`upload refused with ${sent.status}: ${await sent.text()}`);
}, SLOW_MS);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
}, SLOW_MS);

async function signInAsSupervisor(page: Page): Promise<void> {
  await page.goto(`${portal.url}/personnel`);
  await page.getByLabel('Adresse e-mail').fill(supervisor.email);
  await page.getByLabel('Phrase de passe').fill(supervisor.password);
  await page.getByLabel('Code à 6 chiffres').fill(await nextTotp(supervisor.totpSecret));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Fatoumata Keïta/ }).waitFor();
}

describe('a case full of markup, opened by a supervisor in Chromium', () => {
  it(
    'runs none of it and shows every payload as the characters typed',
    async () => {
      const page = await browser.newPage(1280);
      const dialogs: string[] = [];
      page.on('dialog', (dialog: Dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await signInAsSupervisor(page);
      await page.goto(`${portal.url}/personnel/dossiers/${caseId}`);
      await page.getByText('Mon frère a disparu.', { exact: false }).first().waitFor();
      await page.getByText('Il est au commissariat.', { exact: false }).first().waitFor();
      // Give anything injected a moment to run (onerror of a broken image, ontoggle, onload).
      await page.waitForTimeout(1_000);

      const shown = await page.evaluate(() => document.body.innerText);
      const missing = Object.entries(PAYLOADS)
        .filter(([, payload]) => !shown.includes(payload))
        .map(([field]) => field);
      expect(missing).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      const injected = await page.evaluate(() => ({
        scripts: [...document.scripts].filter((script) => !script.src).length,
        handlers: document.querySelectorAll('[onerror],[onload],[ontoggle],[onmouseover]').length,
        frames: document.querySelectorAll('iframe').length,
        brokenImages: document.querySelectorAll('img[src="x"]').length,
        javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
      }));
      expect(injected).toEqual({ scripts: 0, handlers: 0, frames: 0, brokenImages: 0, javascriptLinks: 0 });
    },
    SLOW_MS,
  );
});
