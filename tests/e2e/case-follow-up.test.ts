import type { Page } from 'playwright-core';
import { CaseDetail } from '@mnpddh/shared';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { accessibilityProblems, overflowsHorizontally, watchConsole } from '../support/browser.js';
import { SHOTS, useBrowserPortal } from '../support/browser-portal.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { createStaff, type CreatedStaff } from '../support/staff.js';

/**
 * The follow-up journey in a real browser: a caseworker (laptop)
 * messages the defender; the defender (a 360 px phone) reads it, answers
 * through follow-up and withdraws a consent; the caseworker sees both, links
 * the case to another report of the same incident, and prepares an
 * attestation that a supervisor approves. No axe violation on any page.
 */
const SLOW_MS = 180_000;

describe('case follow-up in a real browser', () => {
  const e2e = useBrowserPortal();
  let supervisor: CreatedStaff;
  let caseworker: CreatedStaff;
  let caseId = '';
  let receipt = '';
  let otherReference = '';

  beforeAll(async () => {
    supervisor = await createStaff(e2e.portal, e2e.admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
    caseworker = await createStaff(e2e.portal, e2e.admin, { roles: ['caseworker'], name: 'Moussa Coulibaly' });
    const vault = e2e.portal.app.get(CaseVaultService);
    const created = await vault.createCase({ urgent: true, content: plainContent() });
    const other = await vault.createCase({ urgent: false, content: plainContent() });
    caseId = created.caseId;
    receipt = created.receipt;
    otherReference = other.reference;
    const post = async (path: string, body: unknown) => {
      const response = await supervisor.client.post(path, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    };
    for (const id of [created.caseId, other.caseId]) await post(`/api/cases/${id}/assignment`, { assigneeId: caseworker.client.id });
    // Recorded on the phone with the defender: sharing with a partner, and an attestation for an embassy.
    const consent = { givenBy: 'defender', how: 'phone', confirmedWithDefender: true } as const;
    await post(`/api/cases/${caseId}/consents`, { ...consent, recipient: 'partner', purpose: 'Aide d’urgence', fields: ['identity', 'narrative'] });
    await post(`/api/cases/${caseId}/consents`, {
      ...consent,
      recipient: 'embassy',
      recipientName: 'Ambassade du Canada',
      purpose: 'Demande de visa',
      fields: ['identity'],
    });
  }, SLOW_MS);

  async function watchedPage(width: number): Promise<Page> {
    const page = await e2e.browser.newPage(width);
    page.setDefaultTimeout(30_000);
    return watchConsole(page, e2e.consoleProblems);
  }

  async function expectAccessible(page: Page, label: string) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${label}-${width}.png`, fullPage: true });
      expect({ label, width, overflows: await overflowsHorizontally(page), problems: await accessibilityProblems(page) }).toEqual({
        label,
        width,
        overflows: false,
        problems: [],
      });
    }
  }

  it(
    'message, answer and withdrawal through follow-up, a link, and an attestation for approval',
    async () => {
      const staff = await watchedPage(1280);
      await signInInBrowser(staff, e2e.portal.url, caseworker.credentials, 'Moussa Coulibaly');

      // The caseworker writes to the defender.
      await staff.goto(`${e2e.portal.url}/personnel/dossiers/${caseId}`);
      await staff.getByLabel('Nouveau message au défenseur').fill('Bonjour, êtes-vous en sécurité ce soir ?');
      await staff.getByRole('button', { name: 'Envoyer le message' }).click();
      await staff.locator('.thread__message').filter({ hasText: 'êtes-vous en sécurité ce soir' }).first().waitFor();

      // The defender, on a phone, reads it, answers and withdraws the partner consent.
      const phone = await watchedPage(360);
      await phone.goto(`${e2e.portal.url}/suivi`);
      await phone.getByLabel('Votre reçu').fill(receipt);
      await phone.getByRole('button', { name: 'Ouvrir' }).click();
      await phone.getByText('êtes-vous en sécurité ce soir').waitFor();
      await phone.getByLabel('Votre message').fill('Oui, je suis chez mon oncle à Ségou.');
      await phone.getByRole('button', { name: 'Envoyer le message' }).click();
      await phone.getByText('Message envoyé.').waitFor();
      const partnerConsent = phone.locator('.consent-list li').filter({ hasText: 'une organisation partenaire' });
      await partnerConsent.getByRole('button', { name: 'Retirer cet accord' }).click();
      await partnerConsent.getByRole('button', { name: 'Oui, retirer cet accord' }).click();
      await phone.getByText('Votre accord est retiré. L’équipe le voit dans votre dossier.').waitFor();
      // The embassy consent stays.
      expect(await phone.locator('.consent-list li').filter({ hasText: 'une ambassade' }).count()).toBe(1);
      await expectAccessible(phone, 'follow-up');

      // The caseworker sees the answer and the withdrawal.
      await staff.reload();
      await staff.locator('.thread__message').filter({ hasText: 'chez mon oncle à Ségou' }).first().waitFor();
      await staff
        .locator('#case-consents')
        .getByText(/Retiré par la personne, le/)
        .first()
        .waitFor();

      // …links the case to another report of the same incident…
      await staff.locator('summary', { hasText: 'Lier à un autre dossier' }).click();
      await staff.getByLabel('Référence de l’autre dossier').fill(otherReference);
      await staff.getByLabel('Ce qui relie les deux dossiers').selectOption({ label: 'Même incident' });
      await staff.getByLabel('Raison', { exact: true }).fill('Même arrestation à Ségou, signalée par le frère.');
      await staff.getByRole('button', { name: 'Lier les dossiers' }).click();
      await staff.locator('#case-links').getByText(otherReference).first().waitFor();

      // …and prepares an attestation for the embassy, which waits for a supervisor.
      await staff.getByLabel('Type de document').selectOption({ label: 'Attestation de suivi' });
      await staff.getByLabel('Type de destinataire').selectOption({ label: 'Ambassade' });
      await staff.getByLabel('Nom du destinataire du document').fill('Ambassade du Canada');
      await staff.getByRole('button', { name: 'Préparer le document' }).click();
      await staff.locator('#case-documents').getByText('Brouillon').first().waitFor();
      await staff.locator('#case-documents').getByText('En attente d’un superviseur qui ne l’a pas rédigé.').first().waitFor();
      await expectAccessible(staff, 'case-follow-up');

      // The supervisor approves it; the PDF then downloads, for the embassy the defender agreed to.
      const detail = CaseDetail.parse(await (await supervisor.client.get(`/api/cases/${caseId}`)).json());
      const drafted = detail.entries.find((entry) => entry.kind === 'document_drafted');
      const documentId = (drafted?.data as { documentId: string }).documentId;
      expect((await supervisor.client.post(`/api/cases/${caseId}/documents/${documentId}/approval`, {})).status).toBe(201);
      const pdf = await caseworker.client.get(`/api/cases/${caseId}/documents/${documentId}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(e2e.consoleProblems).toEqual([]);
    },
    SLOW_MS,
  );
});
