import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, overflowsHorizontally, watchConsole, type Browser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type CreatedStaff } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * "Send now, complete later" in a real browser: a defender on a 360 px phone
 * sends the first step, then completes the request through the receipt (the
 * defender, the place, two incidents, another person at risk, the help asked
 * for); a supervisor on a laptop finds the case by region and threat and
 * sees every detail in the case's own sections and a labelled history
 * entry — never the stored value or an internal code.
 */
const SLOW_MS = 240_000;
const SHOTS = '/tmp/shots';

describe('details completed later, in a real browser', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let supervisor: CreatedStaff;
  let receipt = '';
  let reference = '';
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    portal = await startTestPortal(FAST_PASSWORDS);
    browser = await launchBrowser();
    const admin = await signIn(portal, await createAdmin(portal));
    supervisor = await createStaff(portal, admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  }, SLOW_MS);

  async function page(width: number): Promise<Page> {
    const opened = await browser.newPage(width);
    await opened.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    opened.setDefaultTimeout(45_000);
    return watchConsole(opened, consoleProblems);
  }

  async function expectSafe(opened: Page, label: string) {
    await opened.screenshot({ path: `${SHOTS}/details-${label}.png`, fullPage: true });
    expect({ label, overflows: await overflowsHorizontally(opened), problems: await accessibilityProblems(opened) }).toEqual({ label, overflows: false, problems: [] });
  }

  it(
    'the defender sends the first step on a phone',
    async () => {
      const phone = await page(360);
      await phone.goto(`${portal.url}/demande`);
      await phone.getByLabel('Que se passe-t-il').fill('Mon frère a été enlevé ce soir devant chez lui. Ils ont dit qu’ils reviendraient.');
      await phone.getByRole('group', { name: /arrêtée, détenue ou disparue/ }).getByLabel('Oui').check();
      await phone.getByRole('group', { name: /vie d’une personne/ }).getByLabel('Oui').check();
      await phone.getByRole('button', { name: 'Continuer' }).click();
      await phone.getByLabel('Appel ou SMS').check();
      await phone.getByLabel(/Numéro de téléphone/).fill('+223 76 12 34 56');
      await phone.getByRole('button', { name: 'Continuer' }).click();
      await phone.getByLabel(/J’accepte que l’équipe protection de la CNDH utilise/).check();
      await phone.getByRole('button', { name: 'Envoyer maintenant' }).click();
      await phone.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
      receipt = ((await phone.locator('.receipt-code__digits').textContent()) ?? '').replace(/\D/g, '');
      reference = ((await phone.locator('.receipt__reference .reference').textContent()) ?? '').trim();
      expect(receipt).toMatch(/^\d{24}$/);
      await phone.close();
    },
    SLOW_MS,
  );

  it(
    'completes it later through the receipt: two incidents, the place, the defender, another person at risk, the help',
    async () => {
      const phone = await page(360);
      await phone.goto(`${portal.url}/suivi`);
      await phone.getByLabel('Votre reçu').fill(receipt);
      await phone.getByRole('button', { name: 'Ouvrir' }).click();
      await phone.getByRole('heading', { name: 'Votre demande', exact: true }).waitFor();
      await phone.getByRole('button', { name: 'Compléter ma demande' }).click();

      // What happened: two incidents.
      await phone.getByRole('heading', { name: 'Ce qui s’est passé' }).waitFor();
      const first = phone.locator('.item-card').nth(0);
      await first.getByLabel(/Enlèvement ou disparition/).check();
      await first.getByLabel(/^Lieu/).fill('Devant la maison familiale');
      await phone.getByRole('button', { name: 'Ajouter un autre fait' }).click();
      const second = phone.locator('.item-card').nth(1);
      await second.getByLabel('Menaces ou intimidation').check();
      await second.getByLabel(/^Lieu/).fill('Au téléphone, la nuit');
      await expectSafe(phone, 'incidents-360');
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'Où' }).waitFor();
      await phone.getByLabel(/^Région/).selectOption('kidal');
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'Qui est en danger' }).waitFor();
      await phone.getByLabel('Pour une autre personne').check();
      await phone.getByLabel(/Nom de la personne en danger/).fill('Ibrahim Maïga');
      await phone.getByLabel(/Journaliste ou travail dans les médias/).check();
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'À propos de cette personne' }).waitFor();
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'Autres personnes en danger' }).waitFor();
      await phone.getByRole('button', { name: 'Ajouter une personne' }).click();
      await phone.getByLabel('Nom ou surnom').fill('Awa Maïga');
      await phone.locator('.item-card').getByLabel('Famille').check();
      await phone.getByRole('button', { name: 'Continuer' }).click();

      await phone.getByRole('heading', { name: 'L’aide que vous demandez' }).waitFor();
      await phone.getByLabel(/Visite de la CNDH dans le lieu de détention/).check();
      await phone.getByRole('button', { name: 'Envoyer ces informations' }).click();
      await phone.getByRole('status').filter({ hasText: 'Informations envoyées' }).waitFor();
      // Not shown back: the receipt opens the thread only.
      expect(await phone.textContent('main')).not.toContain('Awa Maïga');
      await expectSafe(phone, 'sent-360');
      await phone.close();
    },
    SLOW_MS,
  );

  it(
    'a supervisor finds the case by region and threat and sees every detail in its sections',
    async () => {
      const laptop = await page(1280);
      await signInInBrowser(laptop, portal.url, supervisor.credentials, 'Fatoumata Keïta');
      await laptop.goto(`${portal.url}/personnel/dossiers`);
      await laptop.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
      await laptop.getByText('Plus de filtres').click();
      await laptop.locator('#filter-region').selectOption('kidal');
      await laptop.locator('#filter-threat').selectOption('abduction_disappearance');
      await laptop.getByRole('button', { name: 'Filtrer' }).click();
      await laptop.waitForURL((url) => url.searchParams.get('region') === 'kidal');
      const row = laptop.getByRole('row').filter({ hasText: reference });
      await row.waitFor();
      await expect(row.getByText('Kidal').isVisible()).resolves.toBe(true);
      await expectSafe(laptop, 'list-1280');

      await row.getByRole('link').first().click();
      await laptop.getByText('Ibrahim Maïga').first().waitFor();
      const main = (await laptop.textContent('main')) ?? '';
      for (const seen of ['Awa Maïga', 'Devant la maison familiale', 'Au téléphone, la nuit', 'Kidal', 'Journaliste', 'Visite du lieu de détention', 'Le défenseur a complété sa demande']) {
        expect(main).toContain(seen);
      }
      // Labels, never the stored value or internal codes.
      expect(main).not.toMatch(/abduction_disappearance|threats_intimidation|detention_visit|"sealed"|\{"/);
      expect(main).not.toContain('Non renseigné');

      // Suggestions from the request: an abduction with a life in danger is "extrême", articles 5 and 15 proposed.
      await laptop.locator('summary', { hasText: 'Évaluer le risque' }).click();
      await expect(laptop.locator('.risk-suggestion').textContent()).resolves.toContain('Extrême');
      await expect(laptop.locator('#risk-form').textContent()).resolves.toContain('enlèvement, arrestation ou détention');
      await laptop.locator('summary', { hasText: 'Citer une base légale' }).click();
      const proposed = (await laptop.locator('.legal-suggestion').textContent()) ?? '';
      expect(proposed).toContain('art. 5');
      expect(proposed).toContain('art. 15');
      await expectSafe(laptop, 'case-1280');
      expect(consoleProblems).toEqual([]);
      await laptop.close();
    },
    SLOW_MS,
  );
});
