import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { AlertList, CaseDetail, SubmissionReceipt } from '@mnpddh/shared';
import { accessibilityProblems, overflowsHorizontally, watchConsole } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { signInInBrowser, staffMenu } from '../support/browser-sign-in.js';
import { createStaff, sleep, type CreatedStaff } from '../support/staff.js';

/**
 * The on-call journey in a real browser: an urgent request comes
 * in; the supervisor on call signs in on a phone (360 px) with a TOTP code,
 * acknowledges the alert, opens the case, logs the first contact, assesses
 * the risk, cites a legal basis, adds a measure and assigns a caseworker —
 * and each shows on the case's timeline. Every dashboard page passes axe;
 * hostile text in the request shows as text and runs nothing.
 */
const SLOW_MS = 180_000;

/** What an attacker might put in a request: it must show as these characters, and never run. */
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
const HOSTILE_SUMMARY = '<script>window.__pwned=2</script> Arrêté ce soir à Kidal par des hommes armés.';
const HOSTILE_INCIDENT = '<img src=x onerror=window.__pwned=3> emmené vers un lieu inconnu';

describe('case work in a real browser', () => {
  const e2e = useBrowserPortal({ adminName: 'Awa Traoré' });
  let supervisor: CreatedStaff;
  let caseworker: CreatedStaff;
  let caseId = '';
  let reference = '';

  beforeAll(async () => {
    // Staff first: the triage team (supervisors, on call) receives the cases created after them.
    supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], onCall: true, name: 'Fatoumata Keïta' });
    caseworker = await createStaff(e2e.portal, e2e.admin, { roles: ['caseworker'], name: 'Moussa Coulibaly' });
  }, SLOW_MS);

  /** A page whose console is watched (the one tolerated error: the session probe's 401 before signing in). */
  async function watchedPage(width: number): Promise<Page> {
    const page = await e2e.browser.newPage(width);
    page.setDefaultTimeout(30_000);
    return watchConsole(page, e2e.consoleProblems);
  }

  async function expectAccessible(page: Page, label: string) {
    expect({ label, problems: await accessibilityProblems(page) }).toEqual({ label, problems: [] });
  }

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  /** Waits until an entry of the case's timeline reads so (the case is read again after each action). */
  async function onTimeline(page: Page, text: RegExp) {
    await page.locator('.timeline__item').filter({ hasText: text }).first().waitFor();
  }

  async function openPanel(page: Page, title: string) {
    await page.locator('summary', { hasText: title }).click();
  }

  it('receives an urgent request carrying hostile text', async () => {
    const response = await fetch(`${e2e.portal.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
      body: JSON.stringify({
        summary: HOSTILE_SUMMARY,
        rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'yes' },
        contact: { methods: ['phone'], phone: '+223 70 11 22 33', safeTimes: 'après 20 h' },
        consent: { processing: true },
        defender: { name: HOSTILE_NAME, profiles: ['journalist'], languages: ['fr', 'tmh'] },
        location: { region: 'kidal' },
        incidents: [{ types: ['arrest'], perpetrators: ['state_security'], description: HOSTILE_INCIDENT }],
      }),
    });
    expect(response.status).toBe(201);
    const receipt = SubmissionReceipt.parse(await response.json());
    expect(receipt.urgent).toBe(true);
    reference = receipt.reference;
  });

  it(
    'lets the on-call supervisor, at 360 px, acknowledge, open the case, log a first contact, assess, cite, add a measure and assign',
    async () => {
      expect(reference).not.toBe('');
      // The alert is written when the request arrives; wait until the API lists it.
      let alertCount = 0;
      for (let tries = 0; tries < 50 && alertCount === 0; tries++) {
        const alerts = AlertList.parse(await (await supervisor.client.get('/api/alerts')).json());
        alertCount = alerts.items.filter((alert) => alert.kind === 'urgent_request' && alert.acknowledgedAt === null).length;
        if (alertCount === 0) await sleep(200);
      }
      expect(alertCount).toBe(1);

      const page = await watchedPage(360);
      await signInInBrowser(page, e2e.portal.url, supervisor.credentials, 'Fatoumata Keïta');

      // The urgent view: the alert says nothing about the case until it is opened.
      await (await staffMenu(page)).getByRole('navigation', { name: 'Menu du personnel' }).getByRole('link', { name: 'Urgences' }).click();
      await page.getByRole('heading', { level: 1, name: 'Urgences' }).waitFor();
      const acknowledge = page.getByRole('button', { name: 'Accuser réception' });
      await acknowledge.waitFor();
      await page.getByRole('heading', { name: `Dossier ${reference}` }).waitFor();
      expect(await page.locator('.alert-item').first().innerText()).not.toContain('Kidal');
      // Deadlines read relative to now, in French (first contact within 2 h of the hour the request came in).
      expect(await page.locator('.urgent-case').first().innerText()).toMatch(/Premier contact\s+dans \d+ (h|min)/);
      const box = await acknowledge.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      await expectAccessible(page, 'urgent view, 360 px');
      await shot(page, 'urgent-360');

      await acknowledge.click();
      await page.getByText('Réception confirmée.').waitFor();
      const acknowledged = AlertList.parse(await (await supervisor.client.get('/api/alerts')).json());
      expect(acknowledged.items.filter((alert) => alert.kind === 'urgent_request').every((alert) => alert.acknowledgedAt !== null)).toBe(true);

      // Open the case from the alert: the address carries the id only, the title stays neutral.
      await page.getByRole('link', { name: 'Ouvrir le dossier' }).click();
      await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(page.url()).toBe(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
      expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await page.title()).not.toContain(reference);
      expect(await page.title()).not.toMatch(/Kidal|Arrêté|dossier/i);
      await expect(page.getByText('Votre consultation est enregistrée.').isVisible()).resolves.toBe(true);

      // Hostile text is text: visible as typed, no element made of it, nothing run.
      await page.getByText(HOSTILE_NAME, { exact: true }).waitFor();
      await expect(page.getByText(HOSTILE_SUMMARY, { exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.getByText(HOSTILE_INCIDENT, { exact: true }).isVisible()).resolves.toBe(true);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('script', { hasText: '__pwned' }).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expectAccessible(page, 'case page, 360 px');
      await shot(page, 'case-360');

      // First contact.
      await openPanel(page, 'Noter une tentative de contact');
      await page.locator('#contact-channel').selectOption('phone');
      await page.locator('#contact-result').selectOption('reached');
      await page.locator('#contact-note').fill('Joint à 21 h, il est en sécurité chez un parent.');
      await page.getByRole('button', { name: 'Enregistrer la tentative' }).click();
      await onTimeline(page, /Tentative de contact \(Téléphone\)\s: Personne jointe/);

      // Risk: 4 × 3 ÷ 1 suggests "extrême"; another level needs a reason (refused, announced, then given).
      await openPanel(page, 'Évaluer le risque');
      await page.locator('#risk-threats').selectOption('4');
      await page.locator('#risk-vulnerabilities').selectOption('3');
      await page.locator('#risk-capacities').selectOption('1');
      await page.locator('.risk-suggestion', { hasText: /Niveau suggéré\s: Extrême/ }).waitFor();
      await page.locator('#risk-level').selectOption('extraordinary');
      await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
      await page.getByRole('alert').filter({ hasText: 'Le niveau retenu diffère du niveau suggéré : expliquez pourquoi.' }).waitFor();
      await page.locator('#risk-override').fill('Il a été relâché et se cache chez un parent : danger moins imminent.');
      await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
      await onTimeline(page, /Évaluation du risque\s: Extraordinaire/);
      await expect(page.locator('.case-header').getByText('Risque extraordinaire').isVisible()).resolves.toBe(true);

      // Legal basis: uncertain articles are marked as such in the list.
      await openPanel(page, 'Citer une base légale');
      const uncertain = await page.locator('#legal-basis option[value="law_2018_003_art_16"]').innerText();
      expect(uncertain).toContain('(contenu non confirmé)');
      await page.locator('#legal-basis').selectOption('law_2018_003_art_15');
      await page.getByRole('button', { name: 'Citer cette base' }).click();
      await onTimeline(page, /Base légale citée\s: Loi n°2018-003, art\. 15/);

      // A measure, owned by the caseworker.
      await openPanel(page, 'Ajouter une mesure de protection');
      await page.locator('#measure-code').selectOption('urgent_contact_advice');
      await page.locator('#measure-owner').selectOption(caseworker.client.id);
      await page.getByRole('button', { name: 'Ajouter la mesure' }).click();
      await onTimeline(page, /Mesure ajoutée\s: Contact urgent et conseils de sécurité/);

      // Assign the case to the caseworker.
      await openPanel(page, 'Attribuer le dossier');
      await page.locator('#assign-to').selectOption(caseworker.client.id);
      await page.getByRole('button', { name: 'Attribuer', exact: true }).click();
      await onTimeline(page, /Dossier attribué à Moussa Coulibaly/);
      await expect(page.locator('.case-header').getByText('Moussa Coulibaly').isVisible()).resolves.toBe(true);

      // A message to the defender, signed by the team.
      await page.getByLabel('Nouveau message au défenseur').fill('Nous avons bien reçu votre demande. Nous vous rappelons ce soir.');
      await page.getByRole('button', { name: 'Envoyer le message' }).click();
      await page.locator('.thread__message--team').filter({ hasText: 'Nous vous rappelons ce soir.' }).waitFor();
      expect(await page.locator('.thread__message--team').first().innerText()).toContain('Équipe protection');

      expect(await overflowsHorizontally(page)).toBe(false);
      await expectAccessible(page, 'case page after the work, 360 px');
      await shot(page, 'case-360-after');

      // The API agrees: each action is on the case's journal, and the caseworker now holds the case.
      const view = CaseDetail.parse(await (await supervisor.client.get(`/api/cases/${caseId}`)).json());
      expect(view.entries.map((entry) => entry.kind)).toEqual(
        expect.arrayContaining(['contact_attempt', 'risk_assessed', 'legal_basis_cited', 'measure_added', 'assigned']),
      );
      expect(view.index.assignedTo).toBe(caseworker.client.id);
      expect(view.index.riskLevel).toBe('extraordinary');
      expect(view.thread.some((entry) => entry.from === 'protection_team')).toBe(true);
      expect((await caseworker.client.get(`/api/cases/${caseId}`)).status).toBe(200);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'keeps a note being typed as an encrypted draft, restores it on return, and discards it once saved',
    async () => {
      expect(caseId).not.toBe('');
      const page = await watchedPage(360);
      await page.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
      await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      await openPanel(page, 'Ajouter une note interne');
      await page.locator('#note-body').fill('Appeler le frère demain matin avant 8 h.');
      await page.getByText('Brouillon chiffré enregistré.').waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      await page.getByText('Votre brouillon a été retrouvé.').waitFor();
      expect(await page.locator('#note-body').inputValue()).toBe('Appeler le frère demain matin avant 8 h.');
      await page.getByRole('button', { name: 'Enregistrer la note' }).click();
      await onTimeline(page, /Note interne[\s\S]*Appeler le frère demain matin avant 8 h\./);
      const view = CaseDetail.parse(await (await supervisor.client.get(`/api/cases/${caseId}`)).json());
      expect(view.draft).toBeNull();
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'lists the case, urgent first, with filters that stay in the address, at 360 and 1280 px',
    async () => {
      for (const width of [360, 1280]) {
        const page = await watchedPage(width);
        await page.goto(`${e2e.portal.url}/personnel/dossiers`);
        await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
        const row = page.getByRole('row').filter({ hasText: reference });
        await row.waitFor();
        await expect(row.getByText('Urgent', { exact: true }).isVisible()).resolves.toBe(true);
        await expect(row.getByText('Moussa Coulibaly').isVisible()).resolves.toBe(true);
        await expectAccessible(page, `case list, ${width} px`);
        await shot(page, `list-${width}`);

        await page.locator('#filter-urgent').selectOption('true');
        await page.locator('#filter-status').selectOption('received');
        await page.getByRole('button', { name: 'Filtrer' }).click();
        await page.waitForURL((url) => url.searchParams.get('urgent') === 'true' && url.searchParams.get('status') === 'received');
        await row.waitFor();
        // The filters survive a reload: they are in the address.
        await page.reload();
        await row.waitFor();
        expect(await page.locator('#filter-urgent').inputValue()).toBe('true');
        expect(await page.locator('#filter-status').inputValue()).toBe('received');

        // The call-back queue: this web request is not in it.
        await page.getByRole('link', { name: 'Demandes de rappel' }).click();
        await page.getByRole('heading', { level: 1, name: 'Demandes de rappel' }).waitFor();
        await page.getByText('Aucun dossier ne correspond à ces filtres.').waitFor();

        if (width === 1280) {
          await page.goto(`${e2e.portal.url}/personnel/urgences`);
          await page.getByRole('heading', { level: 1, name: 'Urgences' }).waitFor();
          await page.getByRole('heading', { name: `Dossier ${reference}` }).waitFor();
          await expectAccessible(page, 'urgent view, 1280 px');
          await shot(page, 'urgent-1280');
          await page.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
          await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
          await expectAccessible(page, 'case page, 1280 px');
          await shot(page, 'case-1280');
        }
        await page.close();
      }
    },
    SLOW_MS,
  );

  it('kept a clean console and never left the portal’s origin', () => {
    expect(e2e.consoleProblems).toEqual([]);
    const origin = new URL(e2e.portal.url).origin;
    expect(e2e.browser.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });
});
