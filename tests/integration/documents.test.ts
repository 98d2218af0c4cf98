import { createHash, randomBytes } from 'node:crypto';
import { CaseDetail, ErrorBody, foldDocuments, type DocumentTemplateList } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseFiles } from '../../apps/api/src/vault/case-files.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { createStaffWithKeys } from '../factories/staff.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { embeddedFonts, pageTexts } from '../support/pdf-text.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let admin: StaffClient;
let supervisor: StaffClient;
let secondSupervisor: StaffClient;
let caseworker: StaffClient;
let caseId: string;
const files = [
  { name: 'convocation-police.pdf', type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4 convocation '), randomBytes(40_000)]) },
  { name: 'photo-porte-forcée.jpg', type: 'image/jpeg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(90_000)]) },
];
const LAWYER = 'Cabinet Maître Sidibé';
const EMBASSY = 'Embassy of Canada in Bamako';
const NARRATIVE_MARK = `Récit${randomBytes(4).toString('hex')}`;

function content(): CaseContent {
  // Long enough for the case file to run over several pages: the watermark must be on each.
  const narrative = `${NARRATIVE_MARK} — des hommes en civil m'ont suivie depuis la radio jusqu'à mon domicile à Sévaré. `.repeat(40);
  return {
    identity: { defender: { name: 'Aminata Koné', organisation: 'Radio Kayira', profiles: ['journalist'] } },
    contact: { phone: '+223 70 00 00 00' },
    narrative,
    situation: {
      incidents: [{ types: ['threats_intimidation'], when: { date: '2026-11-01' }, place: 'Sévaré', description: 'Menaces devant la radio — ɛ ŋ 🙂' }],
    },
    categories: { region: 'mopti', threatTypes: ['threats_intimidation'], perpetratorTypes: ['unknown'], profiles: ['journalist'], languages: ['fr'] },
  };
}

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Documents' })).client;
  secondSupervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Second Superviseur' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargée Documents' })).client;
  const keyed = await createStaffWithKeys(portal.app, ['supervisor']);
  caseId = (await portal.app.get(CaseVaultService).createCase({ urgent: false, content: content() })).caseId;
  for (const file of files) await portal.app.get(CaseFiles).attach(keyed, caseId, [file.bytes], { name: file.name, type: file.type });
  expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworker.id })).status).toBe(201);
});

afterAll(async () => {
  await portal?.close();
});

async function view(client: StaffClient): Promise<CaseDetail> {
  const response = await client.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function fieldsOf(response: Response): Promise<Record<string, string>> {
  const body = ErrorBody.parse(await response.json());
  return Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message]));
}

async function draft(client: StaffClient, body: Record<string, unknown>): Promise<string> {
  const response = await client.post(`/api/cases/${caseId}/documents`, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { documentId: string }).documentId;
}

const pdfPath = (documentId: string) => `/api/cases/${caseId}/documents/${documentId}/pdf`;

describe('documents from templates', () => {
  it('seeds French and English templates that admins and supervisors edit (a stale save refused), caseworkers cannot', async () => {
    const response = await admin.get('/api/document-templates');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as DocumentTemplateList;
    expect(items.map((t) => `${t.kind}:${t.language}`).sort()).toEqual(
      ['attestation:en', 'attestation:fr', 'case_file:en', 'case_file:fr', 'intervention_letter:en', 'intervention_letter:fr'].sort(),
    );
    const letter = items.find((t) => t.kind === 'intervention_letter' && t.language === 'fr');
    expect(letter?.body).toContain('Loi n°2018-003');
    expect((await caseworker.get('/api/document-templates')).status).toBe(403);

    const edited = { title: letter?.title ?? '', body: `${letter?.body ?? ''}\n\nCopie : Procureur de la République.`, revision: letter?.revision ?? 1 };
    const saved = await supervisor.request('PUT', '/api/document-templates/intervention_letter/fr', { body: edited });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ revision: (letter?.revision ?? 1) + 1, updatedByName: 'Superviseure Documents' });
    const stale = await admin.request('PUT', '/api/document-templates/intervention_letter/fr', { body: edited });
    expect(stale.status).toBe(409);
    expect(Object.keys(await fieldsOf(stale))).toEqual(['revision']);
    const unknown = await admin.request('PUT', '/api/document-templates/attestation/fr', { body: { ...edited, body: 'Bonjour {{password}}' } });
    expect(unknown.status).toBe(400);
    expect(Object.keys(await fieldsOf(unknown))).toEqual(['body']);
  });

  it('issues a case file only once approved by a supervisor who did not draft it, and only with consent', async () => {
    const documentId = await draft(caseworker, {
      kind: 'case_file',
      language: 'fr',
      recipient: 'lawyer_court',
      recipientName: LAWYER,
      note: 'Audience du 12 décembre.',
    });

    const early = await caseworker.get(pdfPath(documentId));
    expect(early.status).toBe(422);
    expect(await fieldsOf(early)).toEqual({ documentId: expect.stringContaining('pas encore approuvé') });
    expect((await caseworker.post(`/api/cases/${caseId}/documents/${documentId}/approval`)).status).toBe(403);

    const ownDraft = await draft(supervisor, { kind: 'intervention_letter', language: 'fr', recipient: 'authorities', recipientName: 'Gouverneur de Mopti' });
    const byDrafter = await supervisor.post(`/api/cases/${caseId}/documents/${ownDraft}/approval`);
    expect(byDrafter.status).toBe(403);
    expect(Object.keys(await fieldsOf(byDrafter))).toEqual(['documentId']);
    expect((await secondSupervisor.post(`/api/cases/${caseId}/documents/${ownDraft}/approval`)).status).toBe(201);

    expect((await supervisor.post(`/api/cases/${caseId}/documents/${documentId}/approval`)).status).toBe(201);
    expect((await secondSupervisor.post(`/api/cases/${caseId}/documents/${documentId}/approval`)).status).toBe(409);

    const refused = await caseworker.get(pdfPath(documentId));
    expect(refused.status).toBe(422);
    expect(Object.keys(await fieldsOf(refused))).toEqual(['consent']);
    // Consent for the wrong recipient, or too few fields, is no consent for this document.
    const partial = {
      givenBy: 'defender',
      how: 'phone',
      recipient: 'lawyer_court',
      purpose: 'Défense',
      fields: ['identity', 'narrative'],
      confirmedWithDefender: true,
    };
    expect((await caseworker.post(`/api/cases/${caseId}/consents`, partial)).status).toBe(201);
    expect((await caseworker.get(pdfPath(documentId))).status).toBe(422);
    const full = { ...partial, recipientName: LAWYER, fields: ['identity', 'narrative', 'incidents', 'attachments'] };
    expect((await caseworker.post(`/api/cases/${caseId}/consents`, full)).status).toBe(201);

    const issued = await caseworker.get(pdfPath(documentId));
    expect(issued.status).toBe(200);
    expect(issued.headers.get('content-type')).toBe('application/pdf');
    expect(issued.headers.get('content-disposition')).toMatch(/^attachment; filename="case_file-/);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await issued.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const pages = await pageTexts(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, text] of pages.entries()) {
      expect({ page: index + 1, watermarked: text.includes(`Destinataire : ${LAWYER}`) && text.includes(documentId.slice(0, 8)) }).toEqual({
        page: index + 1,
        watermarked: true,
      });
      expect(text).toContain(`Page ${index + 1} / ${pages.length}`);
    }
    const all = pages.join('\n');
    const detail = await view(caseworker);
    expect(detail.attachments).toHaveLength(2);
    for (const file of files) {
      const stored = detail.attachments.find((attachment) => attachment.name === file.name);
      const computed = createHash('sha256').update(file.bytes).digest('hex');
      expect(stored?.sha256).toBe(computed);
      expect(all).toContain(computed);
    }
    expect(all).toContain(NARRATIVE_MARK);
    expect(all).toContain('Aminata Koné');
    expect(all).toContain('Chronologie');
    // Bambara's letters print as entered; an emoji no font draws is replaced, not a crash.
    expect(all).toContain('Menaces devant la radio — ɛ ŋ ?');

    const documents = foldDocuments(detail.entries);
    const caseFile = documents.find((d) => d.documentId === documentId);
    expect(caseFile).toMatchObject({
      state: 'issued',
      draftedBy: caseworker.id,
      approvedBy: supervisor.id,
      issuedSha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(documents.find((d) => d.documentId === ownDraft)?.state).toBe('approved');
  });

  it('issues an attestation in English, watermarked with its recipient', async () => {
    const documentId = await draft(caseworker, {
      kind: 'attestation',
      language: 'en',
      recipient: 'embassy',
      recipientName: EMBASSY,
      note: 'For a visa application.',
    });
    expect((await secondSupervisor.post(`/api/cases/${caseId}/documents/${documentId}/approval`)).status).toBe(201);
    expect((await caseworker.get(pdfPath(documentId))).status).toBe(422);
    const consent = { givenBy: 'defender', how: 'in_person', recipient: 'embassy', purpose: 'Visa', fields: ['identity'], confirmedWithDefender: true };
    expect((await supervisor.post(`/api/cases/${caseId}/consents`, consent)).status).toBe(201);
    const issued = await supervisor.get(pdfPath(documentId));
    expect(issued.status).toBe(200);
    const pages = await pageTexts(new Uint8Array(await issued.arrayBuffer()));
    for (const text of pages) expect(text).toContain(`Recipient: ${EMBASSY}`);
    const all = pages.join('\n');
    expect(all).toContain('certifies that Aminata Koné');
    expect(all).toContain('Law n°2018-003');
    // An attestation reveals the identity only: nothing of the account.
    expect(all).not.toContain(NARRATIVE_MARK);

    // Consent withdrawn: the next issue is refused, though the document stays approved.
    const consentId = (await view(supervisor)).consents.find((c) => c.recipient === 'embassy' && c.active)?.id ?? '';
    expect((await supervisor.post(`/api/cases/${caseId}/consents/${consentId}/withdraw`, { reason: 'La personne a changé d’avis.' })).status).toBe(201);
    const afterWithdrawal = await supervisor.get(pdfPath(documentId));
    expect(afterWithdrawal.status).toBe(422);
    expect(Object.keys(await fieldsOf(afterWithdrawal))).toEqual(['consent']);
  });

  it('audits each step with the document id and kind, never its content', async () => {
    const rows = await asOwner<{ action: string; details: Record<string, unknown>; target_id: string }>(
      portal,
      `SELECT action, details, target_id FROM audit_event WHERE action LIKE 'document.%' ORDER BY seq`,
    );
    const actions = rows.map((row) => row.action);
    for (const action of ['document.drafted', 'document.approved', 'document.issued', 'document.template_updated']) expect(actions).toContain(action);
    for (const row of rows.filter((r) => r.action !== 'document.template_updated')) {
      expect(row.target_id).toBe(caseId);
      expect(Object.keys(row.details).sort()).toEqual(['documentId', 'kind']);
    }
    const everything = JSON.stringify(await asOwner(portal, 'SELECT details, target_id, action FROM audit_event'));
    for (const secret of [LAWYER, EMBASSY, 'Gouverneur', NARRATIVE_MARK, 'Aminata', 'visa application', 'Audience du 12'])
      expect(everything).not.toContain(secret);
  });

  // The text a reader copies out (PDF.js) is each name as entered, whatever
  // its script: Arabic and N'Ko are drawn glyph by glyph where shaping puts
  // them (joined), with marks on word-final letters and Arabic-Indic digits.
  it('prints every name: Bambara, Arabic script and N’Ko exactly in the text a reader copies out, each with its font', async () => {
    const people = [
      { name: 'Kɛnɛ Ɲɔlɔ Sɛŋɔ', organisation: 'Ɲɛtaa Jɛkulu', recipientName: 'Ambassade du Sénégal — Ɓuubu Ɗiallo', font: /NotoSans-Regular/ },
      { name: 'عائشة بنت عبد الله الأنصاري', organisation: 'جمعية النساء للسلام ٢٠٢٦', recipientName: 'Tribunal de Tombouctou', font: /Amiri/ },
      { name: 'مُحَمَّدٌ عَلِيّ', organisation: 'Radio Kayira', recipientName: 'سفارة تونس', font: /Amiri/ },
      { name: 'Sali Kanté', organisation: 'ߒߞߏ߫ ߞߊ߲ߜߍ߲ ߛߏ', recipientName: 'Tribunal de Bamako', font: /NotoSansNKo/ },
    ];
    for (const person of people) {
      const subject = { ...content(), identity: { defender: { name: person.name, organisation: person.organisation, profiles: ['journalist'] } } };
      const id = (await portal.app.get(CaseVaultService).createCase({ urgent: false, content: subject })).caseId;
      const drafted = await supervisor.post(`/api/cases/${id}/documents`, {
        kind: 'attestation',
        language: 'fr',
        recipient: 'embassy',
        recipientName: person.recipientName,
      });
      expect(drafted.status).toBe(201);
      const { documentId } = (await drafted.json()) as { documentId: string };
      expect((await secondSupervisor.post(`/api/cases/${id}/documents/${documentId}/approval`)).status).toBe(201);
      const consent = { givenBy: 'defender', how: 'in_person', recipient: 'embassy', purpose: 'Visa', fields: ['identity'], confirmedWithDefender: true };
      expect((await supervisor.post(`/api/cases/${id}/consents`, consent)).status).toBe(201);
      const issued = await supervisor.get(`/api/cases/${id}/documents/${documentId}/pdf`);
      expect(issued.status).toBe(200);
      const pdf = new Uint8Array(await issued.arrayBuffer());
      const pages = await pageTexts(pdf);
      const all = pages.join(' ');
      expect((await embeddedFonts(pdf)).join(' ')).toMatch(person.font);
      expect(all).toContain(`atteste que ${person.name} (${person.organisation})`);
      for (const text of pages) expect(text).toContain(`Destinataire : ${person.recipientName}`);
      expect(all).not.toContain('?');
    }
  });
});
