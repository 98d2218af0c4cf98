/**
 * The forms' first screen without their later parts: on 2G every byte before
 * the first field counts, so the request and call-back pages show their
 * first screen without zod, the shared schemas, the API client or the later
 * screens, fetch them (same origin) at the person's first answer, and still
 * check, send and answer as before.
 */
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { launchBrowser, watchConsole, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

/** zod with the shared schemas (form/validate.ts's chunk), the send modules and the request's later screens. */
const LATER_CHUNKS = /\/assets\/(validate|request-send|callback-send|later-parts|public-api)-[\w-]+\.js$/;

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

function chunkName(url: string): string | undefined {
  return LATER_CHUNKS.exec(new URL(url).pathname)?.[1];
}

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** A page that lists the later chunks it fetched, and every request's origin. */
async function watched(problems: string[]): Promise<{ page: Page; later: string[]; origins: Set<string> }> {
  const page = watchConsole(await browser.newPage(360), problems);
  page.setDefaultTimeout(60_000);
  const later: string[] = [];
  const origins = new Set<string>();
  // zod arrives with the first answer now: its `new Function` probe, swallowed, shows only as this event (CSP).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('request', (request) => {
    origins.add(new URL(request.url()).origin);
    const name = chunkName(request.url());
    if (name) later.push(name);
  });
  return { page, later, origins };
}

describe("the forms' first screen", () => {
  it('shows the request form without its later parts, fetches them at the first answer, and still checks each screen', async () => {
    const problems: string[] = [];
    const { page, later, origins } = await watched(problems);
    await page.goto(`${portal.url}/demande`);
    await page.getByLabel('Que se passe-t-il').waitFor();
    await page.waitForLoadState('networkidle');
    expect(later).toEqual([]);

    // Fetched while the person answers: nothing waits at "Continuer".
    const fetched = Promise.all(
      ['later-parts', 'request-send', 'validate'].map((name) => page.waitForResponse((response) => chunkName(response.url()) === name)),
    );
    await page.getByLabel('Que se passe-t-il').fill('Des hommes armés sont venus chez moi hier soir et ont menacé ma famille.');
    await fetched;

    // The shared schema still checks the screen's own answers.
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.locator('[data-invalid="true"]').first().waitFor();
    await page
      .getByRole('group', { name: /arrêtée, détenue ou disparue/ })
      .getByLabel('Non')
      .check();
    await page
      .getByRole('group', { name: /vie d’une personne/ })
      .getByLabel('Non')
      .check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('heading', { name: 'Comment vous joindre' }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    expect([...origins]).toEqual([portal.url]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the call-back form without zod, then checks and sends it', async () => {
    const problems: string[] = [];
    const { page, later, origins } = await watched(problems);
    await page.goto(`${portal.url}/rappel`);
    await page.getByLabel('Votre numéro de téléphone').waitFor();
    await page.waitForLoadState('networkidle');
    expect(later).toEqual([]);

    // Sent empty: the schema's errors, in the person's words.
    await page.getByRole('button', { name: 'Demander un rappel' }).click();
    await page.getByText('Écrivez une réponse.').first().waitFor();
    expect(later).toEqual(expect.arrayContaining(['callback-send', 'validate']));

    await page.getByLabel('Votre numéro de téléphone').fill('+223 70 00 00 00');
    await page.getByLabel('Quand pouvons-nous appeler sans danger ?').fill('le soir après 20 h');
    await page.getByLabel(/J’accepte que l’équipe protection/).check();
    await page.getByRole('button', { name: 'Demander un rappel' }).click();
    await page.getByRole('heading', { name: 'Demande de rappel envoyée' }).waitFor();
    await expect(page.locator('.reference').textContent()).resolves.toMatch(/\S/);
    expect(await cspViolations(page)).toEqual([]);
    expect([...origins]).toEqual([portal.url]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
