/**
 * A defender whose browser runs no JavaScript (Tor Browser "Safest"): real
 * Chromium with JavaScript off files a request through the three pages,
 * gets the receipt, comes back with it, reads the team's message, replies,
 * adds details and a file, and withdraws consent to sharing; axe clean at
 * 360 and 1280 px; nothing requested from another origin. The caseworker
 * then sees the same case the API would have written.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, type Browser } from '../support/browser.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

const SLOW_MS = 180_000;
const SHOTS = '/tmp/shots/no-js';
/** A PNG with no metadata (1 × 1 px). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let portal: RunningPortal;
let noScript: Browser;
let withScript: Browser;
let supervisor: CreatedStaff;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  portal = await startTestPortal(FAST_PASSWORDS);
  noScript = await launchBrowser({ javaScriptEnabled: false });
  withScript = await launchBrowser();
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = await createStaff(portal, admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
}, SLOW_MS);

afterAll(async () => {
  await noScript?.close();
  await withScript?.close();
  await portal?.close();
}, SLOW_MS);

/**
 * axe needs script in the page: the same HTML (these pages carry none) is
 * replayed at the same address in a browser with JavaScript on, so the
 * stylesheets load as the defender saw them.
 */
async function accessibilityOf(page: Page, name: string): Promise<string[]> {
  const markup = await page.content();
  const problems: string[] = [];
  for (const width of [360, 1280]) {
    const replay = await withScript.newPage(width);
    await replay.route(page.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: markup }));
    await replay.goto(page.url());
    problems.push(...(await accessibilityProblems(replay)).map((p) => `${name} at ${width} px: ${p}`));
    await replay.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await replay.close();
  }
  return problems;
}

async function caseOf(reference: string): Promise<Record<string, unknown>> {
  const list = (await (await supervisor.client.get('/api/cases')).json()) as { items: { id: string; reference: string }[] };
  const found = list.items.find((row) => row.reference === reference);
  if (!found) throw new Error(`case ${reference} not listed`);
  return (await (await supervisor.client.get(`/api/cases/${found.id}`)).json()) as Record<string, unknown>;
}

const SUMMARY = 'Mon frère a été arrêté hier soir à Ségou par des hommes en civil.';

/** The answers of the three pages, with the same selectors for the JS form and the plain pages (same labels, same catalogue). */
async function answerStep(page: Page, step: 'now' | 'contact' | 'consent'): Promise<void> {
  if (step === 'now') {
    await page.getByLabel('Que se passe-t-il').fill(SUMMARY);
    await page
      .getByRole('group', { name: /arrêtée, détenue ou disparue/ })
      .getByLabel('Oui')
      .check();
    await page
      .getByRole('group', { name: /vie d’une personne/ })
      .getByLabel('Je ne sais pas')
      .check();
  } else if (step === 'contact') {
    await page.getByLabel('Appel ou SMS').check();
    await page.getByLabel(/Numéro de téléphone/).fill('+223 76 00 00 01');
    await page.getByLabel(/Quand pouvons-nous/).fill('le soir après 20 h');
  } else {
    await page.getByLabel(/J’accepte que l’équipe protection de la CNDH utilise/).check();
  }
}

/** What a caseworker reads of a case, without what differs from one case to another (ids, reference, times). */
function asCaseworkerSees(detail: Record<string, unknown>): unknown {
  const { identity, contact, narrative, situation, categories } = detail;
  return JSON.parse(JSON.stringify({ identity, contact, narrative, situation, categories }).replace(/"\d{4}-\d{2}-\d{2}T[^"]*"/g, '"<time>"'));
}

describe('the defender without JavaScript', () => {
  let receipt = '';
  let reference = '';
  const a11y: string[] = [];

  it(
    'is taken from the app’s address to the plain page, and sees the emergency number and the quick exit',
    async () => {
      const page = await noScript.newPage(360);
      await page.goto(`${portal.url}/aide`);
      await page.waitForURL(`${portal.url}/simple/aide`);
      await page.goto(`${portal.url}/`);
      await page.waitForURL(/\/simple\/$/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: /Quitter vite/ }).getAttribute('href')).toMatch(/^https:\/\//);
      expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
      expect(await overflowsHorizontally(page)).toBe(false);
      a11y.push(...(await accessibilityOf(page, 'home')));
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'files a request in three pages, with errors beside the fields, and gets the receipt',
    async () => {
      const page = await noScript.newPage(360);
      await page.goto(`${portal.url}/simple/demande`);
      // Nothing typed: the summary's error and the summary at the top.
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await page.locator('#f-summary-error').textContent()).toMatch(/Dites-nous/);
      a11y.push(...(await accessibilityOf(page, 'request-errors')));
      await answerStep(page, 'now');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('heading', { name: 'Comment vous joindre' }).waitFor();
      await page.locator('input[name="contact.methods"][value="phone"]').check();
      await page.getByRole('button', { name: 'Continuer' }).click();
      // Phone chosen, no number: the shared schema's rule, worded as in the JS form.
      expect(await page.locator('#f-contact-phone-error').textContent()).toMatch(/joindre de cette façon/);
      await answerStep(page, 'contact');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('heading', { name: /Votre accord et l’envoi/ }).waitFor();
      a11y.push(...(await accessibilityOf(page, 'request-consent')));
      await answerStep(page, 'consent');
      const answer = page.waitForResponse((r) => r.url().endsWith('/simple/demande') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      expect((await (await answer).allHeaders())['cache-control']).toBe('no-store');
      await page.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
      receipt = ((await page.locator('#receipt').textContent()) ?? '').replace(/\s/g, '');
      reference = ((await page.locator('#reference').textContent()) ?? '').trim();
      expect(receipt).toMatch(/^\d{20,}$/);
      a11y.push(...(await accessibilityOf(page, 'receipt')));
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'writes the same case as the form with JavaScript, as a caseworker sees it',
    async () => {
      const page = await withScript.newPage(360);
      await page.goto(`${portal.url}/demande`);
      for (const step of ['now', 'contact', 'consent'] as const) {
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await answerStep(page, step);
        await page.getByRole('button', { name: step === 'consent' ? 'Envoyer maintenant' : 'Continuer' }).click();
      }
      await page.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
      const jsReference = ((await page.locator('.receipt__reference .reference').textContent()) ?? '').trim();
      await page.close();
      const plain = await caseOf(reference);
      const scripted = await caseOf(jsReference);
      expect(asCaseworkerSees(plain)).toEqual(asCaseworkerSees(scripted));
      expect(JSON.stringify(asCaseworkerSees(plain))).toContain('Ségou par des hommes en civil');
    },
    SLOW_MS,
  );

  it(
    'comes back with the receipt, reads the team, replies, adds details and a file, withdraws consent',
    async () => {
      const detail = await caseOf(reference);
      const caseId = detail.id as string;
      expect(
        (await supervisor.client.post(`/api/cases/${caseId}/messages`, { body: 'Nous avons bien reçu votre demande. Pouvez-vous parler ce soir ?' })).status,
      ).toBe(201);

      const page = await noScript.newPage(360);
      await page.goto(`${portal.url}/simple/suivi`);
      await page.getByLabel('Votre reçu').fill(receipt.replace(/(\d{4})/g, '$1 '));
      await page.getByRole('button', { name: 'Ouvrir' }).click();
      await page.getByText('Pouvez-vous parler ce soir ?').waitFor();
      a11y.push(...(await accessibilityOf(page, 'follow-up')));

      await page.getByLabel('Votre message').fill('Oui, après 20 h.');
      await page.getByRole('button', { name: 'Envoyer le message' }).click();
      await page.getByText('Message envoyé.').waitFor();
      expect(await page.getByText('Oui, après 20 h.').count()).toBe(1);

      await page.locator('input[name="incidents.0.types"][value="arrest"]').check();
      await page.locator('input[name="location.region"][value="segou"]').check();
      await page.getByRole('button', { name: 'Envoyer ce que j’ai rempli' }).click();
      await page.getByText('Informations envoyées. Merci.').first().waitFor();

      await page.locator('input[name="file"]').setInputFiles({ name: 'convocation.png', mimeType: 'image/png', buffer: PNG });
      await page.getByRole('button', { name: 'Envoyer le fichier' }).click();
      await page.getByText('Fichier envoyé.').waitFor();
      expect(await page.getByText(/convocation\.png/).count()).toBeGreaterThan(0);

      await page.getByRole('button', { name: 'Oui, retirer mon accord de partage' }).click();
      await page.getByText('Votre accord de partage est retiré.').first().waitFor();
      a11y.push(...(await accessibilityOf(page, 'follow-up-done')));

      await page.getByRole('button', { name: 'Terminer' }).click();
      await page.getByRole('heading', { name: 'Vous avez terminé' }).waitFor();
      await page.close();

      const after = await caseOf(reference);
      const thread = after.thread as { kind: string; body: string; from?: string }[];
      expect(thread.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['message', 'details', 'file', 'consent']));
    },
    SLOW_MS,
  );

  it('is clean for axe at 360 and 1280 px and asked nothing from another origin', () => {
    expect(a11y).toEqual([]);
    const origin = new URL(portal.url).origin;
    expect([...noScript.requests, ...withScript.requests].filter((url) => !url.startsWith(origin))).toEqual([]);
  });
});
