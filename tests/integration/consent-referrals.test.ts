/**
 * Consent per disclosure, the partner directory and referrals: a
 * disclosing measure is refused without consent and allowed under a recorded
 * exception; a consent the defender withdraws through follow-up blocks the
 * next referral; a referral sheet holds only the consented fields.
 */
import { apiFr, CaseDetail, ErrorBody, FollowUpView, PartnerList, staffFr, type ConsentView } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let admin: StaffClient;
let supervisor: StaffClient;
let caseworker: StaffClient;
let partnerId: string;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Accords' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargée Accords' })).client;
  const partners = PartnerList.parse(await (await supervisor.get('/api/partners')).json());
  partnerId = partners.items.find((p) => p.name === 'Front Line Defenders')?.id as string;
});

afterAll(async () => {
  await portal?.close();
});

async function view(caseId: string): Promise<CaseDetail> {
  const response = await supervisor.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function refusal(response: Response): Promise<{ status: number; code: string; fields: Record<string, string> }> {
  const body = ErrorBody.parse(await response.json());
  // Messages come translated (French by default): back to their codes, so the test names what was refused.
  const codeOf = (message: string) => Object.entries({ ...apiFr.fields, ...staffFr.fields }).find(([, text]) => text === message)?.[0] ?? message;
  return { status: response.status, code: body.error.code, fields: Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, codeOf(f.message)])) };
}

const consentTo = (recipient: string, fields: string[], extra: Record<string, unknown> = {}) => ({
  givenBy: 'defender',
  how: 'phone',
  recipient,
  purpose: 'Accord donné au téléphone.',
  fields,
  confirmedWithDefender: true,
  ...extra,
});

async function openFollowUp(receipt: string): Promise<{ cookie: string; view: FollowUpView }> {
  const opened = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  expect(opened.status).toBe(200);
  return { cookie: (opened.headers.get('set-cookie') ?? '').split(';')[0] as string, view: FollowUpView.parse(await opened.json()) };
}

describe('the partner directory', () => {
  it('is seeded with the partners the domain names, read by staff, kept by admins and supervisors', async () => {
    const names = PartnerList.parse(await (await caseworker.get('/api/partners')).json()).items.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Front Line Defenders', 'ProtectDefenders.eu']));
    expect(names.some((name) => name.includes('CADHP'))).toBe(true);
    expect(names.some((name) => name.includes('disparitions forcées'))).toBe(true);

    const created = await admin.post('/api/admin/partners', { name: 'Avocats sans frontières', kind: 'lawyer', contactNotes: 'Signal uniquement.' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const deactivated = await supervisor.request('PUT', `/api/admin/partners/${id}`, {
      body: { name: 'Avocats sans frontières', kind: 'lawyer', active: false },
    });
    expect(deactivated.status).toBe(200);
    expect((await caseworker.post('/api/admin/partners', { name: 'Non', kind: 'other' })).status).toBe(403);
    expect((await supervisor.request('PUT', `/api/admin/partners/${UNKNOWN}`, { body: { name: 'X', kind: 'other' } })).status).toBe(404);

    // A referral to an inactive partner is refused, even with a consent for any partner.
    const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
    expect((await supervisor.post(`/api/cases/${caseId}/consents`, consentTo('partner', ['identity']))).status).toBe(201);
    expect(await refusal(await supervisor.post(`/api/cases/${caseId}/referrals`, { partnerId: id, fields: ['identity'] }))).toMatchObject({
      status: 400,
      fields: { partnerId: 'unknown_partner' },
    });
  });
});

describe('disclosing measures', () => {
  it('are refused without consent and allowed under a recorded exception (supervisors and on call only)', async () => {
    const { caseId } = await vault.createCase({ urgent: true, content: plainContent() });
    const refused = await refusal(await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'detention_visit' }));
    expect(refused).toMatchObject({ status: 422, code: 'REFUSED', fields: { consent: 'consent_required' } });
    // A measure that reveals nobody needs nothing.
    expect((await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'medical_care' })).status).toBe(201);

    // The caseworker holds the case once assigned, but is not on call: no exception.
    expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworker.id })).status).toBe(201);
    const notAllowed = await caseworker.post(`/api/cases/${caseId}/disclosure-exceptions`, { recipient: 'detention_facility', reason: 'Urgence.' });
    expect(notAllowed.status).toBe(403);
    const exception = await supervisor.post(`/api/cases/${caseId}/disclosure-exceptions`, {
      recipient: 'detention_facility',
      reason: 'Personne détenue au secret, famille injoignable.',
    });
    expect(exception.status).toBe(201);
    expect((await caseworker.post(`/api/cases/${caseId}/measures`, { measure: 'detention_visit' })).status).toBe(201);
    // The exception covers its recipient only.
    expect((await refusal(await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'advocacy' }))).fields).toEqual({ consent: 'consent_required' });

    // A consent allows an intervention; once staff withdraw it, the measure cannot start.
    expect((await supervisor.post(`/api/cases/${caseId}/consents`, consentTo('authorities', ['identity']))).status).toBe(201);
    expect((await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'authorities_intervention' })).status).toBe(201);
    let detail = await view(caseId);
    const consent = detail.consents.find((c) => c.recipient === 'authorities') as ConsentView;
    const withdrawn = await supervisor.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, { reason: 'La personne ne veut plus.' });
    expect(withdrawn.status).toBe(201);
    const intervention = detail.measures.find((m) => m.measure === 'authorities_intervention')?.id;
    expect((await refusal(await supervisor.patch(`/api/cases/${caseId}/measures/${intervention}`, { status: 'in_progress' }))).status).toBe(422);
    detail = await view(caseId);
    expect(detail.consents.find((c) => c.id === consent.id)).toMatchObject({
      active: false,
      withdrawnBy: 'staff',
      withdrawalReason: 'La personne ne veut plus.',
    });
    expect(detail.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['disclosure_exception', 'consent_recorded', 'consent_withdrawn']));
  });
});

describe('referrals and the defender’s withdrawal', () => {
  it('a consent withdrawn by the defender through follow-up blocks the next referral; a referral never changes the status', async () => {
    const created = await vault.createCase({ urgent: false, content: plainContent() });
    const caseId = created.caseId;
    const recorded = await supervisor.post(
      `/api/cases/${caseId}/consents`,
      consentTo('partner', ['identity', 'narrative'], { givenBy: 'relative', partnerId, recipientName: 'Front Line Defenders', confirmedWithDefender: false }),
    );
    expect(recorded.status).toBe(201);
    let detail = await view(caseId);
    const consent = detail.consents[0] as ConsentView;
    // The answer names the new consent itself, not only the journal entry that records it.
    expect(await recorded.json()).toEqual({ id: expect.any(String), seq: expect.any(Number), consentId: consent.id });
    expect(consent).toMatchObject({
      givenBy: 'relative',
      recipient: 'partner',
      partnerId,
      fields: ['identity', 'narrative'],
      active: true,
      confirmedWithDefender: false,
    });

    expect((await supervisor.post(`/api/cases/${caseId}/consents/${consent.id}/confirm`, { how: 'phone', note: 'Joint après sa libération.' })).status).toBe(
      201,
    );
    expect((await refusal(await supervisor.post(`/api/cases/${caseId}/consents/${consent.id}/confirm`, { how: 'phone' }))).status).toBe(409);

    const sent = await supervisor.post(`/api/cases/${caseId}/referrals`, { partnerId, fields: ['identity'], note: 'Demande de soutien d’urgence.' });
    expect(sent.status).toBe(201);
    const sentBody = (await sent.json()) as { referralId: string };
    // More than was consented to: refused.
    expect((await refusal(await supervisor.post(`/api/cases/${caseId}/referrals`, { partnerId, fields: ['identity', 'contact'] }))).fields).toEqual({
      consent: 'consent_required',
    });
    detail = await view(caseId);
    expect(detail.index.status).toBe('received');
    const referral = detail.referrals[0];
    expect(referral?.id).toBe(sentBody.referralId);
    expect(referral).toMatchObject({ partnerId, partnerName: 'Front Line Defenders', fields: ['identity'], answer: null, sheetAllowed: true });

    // The defender sees the consent and withdraws it.
    const followUp = await openFollowUp(created.receipt);
    expect(followUp.view.consents).toEqual([expect.objectContaining({ id: consent.id, recipient: 'partner', fields: ['identity', 'narrative'] })]);
    expect(followUp.view.thread.find((entry) => entry.kind === 'consent')?.body).toBe('consent_recorded');
    const post = (body: unknown) =>
      fetch(`${portal.url}/api/follow-up/consent`, {
        method: 'POST',
        headers: { cookie: followUp.cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ sharingWithPartners: false, consentId: UNKNOWN })).status).toBe(400);
    const withdrawal = await post({ sharingWithPartners: false, consentId: consent.id });
    expect(withdrawal.status).toBe(201);
    const after = FollowUpView.parse(await withdrawal.json());
    expect(after.consents).toEqual([]);
    expect(after.thread.map((entry) => entry.body)).toContain('consent_withdrawn');

    const blocked = await refusal(await supervisor.post(`/api/cases/${caseId}/referrals`, { partnerId, fields: ['identity'] }));
    expect(blocked).toMatchObject({ status: 422, fields: { consent: 'consent_required' } });
    // The sheet of the earlier referral closes too, and the case page no longer offers its link.
    expect((await supervisor.get(`/api/cases/${caseId}/referrals/${referral?.id}/sheet`)).status).toBe(422);
    expect((await view(caseId)).referrals.map((r) => r.sheetAllowed)).toEqual([false]);
    // Staff cannot withdraw it again; the case page shows who withdrew it.
    expect((await supervisor.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, { reason: 'x' })).status).toBe(409);
    expect((await view(caseId)).consents[0]).toMatchObject({ active: false, withdrawnBy: 'defender' });

    // The partner's answer and the outcome are recorded; the status still does not move.
    expect((await supervisor.post(`/api/cases/${caseId}/referrals/${referral?.id}/answer`, { answer: 'declined', outcome: 'Hors mandat.' })).status).toBe(201);
    expect((await supervisor.post(`/api/cases/${caseId}/referrals/${UNKNOWN}/answer`, { answer: 'accepted' })).status).toBe(404);
    detail = await view(caseId);
    expect(detail.referrals[0]).toMatchObject({ answer: 'declined', outcome: 'Hors mandat.' });
    expect(detail.index.status).toBe('received');
  });

  it('a referral sheet holds only the consented fields (canaries in the others), as a no-store download, audited', async () => {
    const base = plainContent();
    const content: CaseContent = {
      identity: { defender: { name: 'Aminata Keïta', organisation: 'Association des femmes juristes', profiles: ['lawyer'] }, othersAtRisk: [] },
      contact: { methods: ['phone'], phone: '+223 70 CANARY-CONTACT', safeTimes: 'CANARY-SAFE-TIMES' },
      narrative: 'CANARY-NARRATIVE : menaces après une plaidoirie.',
      situation: {
        location: { region: 'mopti', locality: 'Sévaré' },
        incidents: [{ types: ['arrest'], place: 'CANARY-INCIDENT-PLACE', description: 'CANARY-INCIDENT', believedHeldAt: 'CANARY-HELD' }],
        consent: { processing: true, sharingWithPartners: true },
      },
      categories: { ...base.categories, region: 'mopti' },
    };
    const { caseId } = await vault.createCase({ urgent: false, content });
    const assessed = await supervisor.post(`/api/cases/${caseId}/assessments`, {
      threats: { score: 3, note: 'CANARY-RISK' },
      vulnerabilities: { score: 3 },
      capacities: { score: 3 },
      level: 'ordinary',
      urgentProcedure: false,
      reassessmentDue: '2030-01-01',
    });
    expect(assessed.status).toBe(201);
    expect((await supervisor.post(`/api/cases/${caseId}/consents`, consentTo('partner', ['identity', 'location']))).status).toBe(201);
    expect((await supervisor.post(`/api/cases/${caseId}/referrals`, { partnerId, fields: ['identity', 'location'] })).status).toBe(201);
    const referralId = (await view(caseId)).referrals[0]?.id;

    const response = await supervisor.get(`/api/cases/${caseId}/referrals/${referralId}/sheet`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const sheet = await response.text();
    expect(sheet).toContain('Aminata Keïta');
    expect(sheet).toContain('Association des femmes juristes');
    expect(sheet).toContain('Sévaré');
    expect(sheet).toContain('mopti');
    expect(sheet).not.toContain('CANARY');
    expect(sheet).not.toContain('+223');
    expect(sheet).not.toContain('ordinary');

    const audit = await asOwner<{ details: unknown }>(
      portal,
      "SELECT details FROM audit_event WHERE target_id = $1 AND action = 'case.referral_sheet_downloaded'",
      [caseId],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Aminata');
    // A caseworker without a grant gets nothing.
    expect((await caseworker.get(`/api/cases/${caseId}/referrals/${referralId}/sheet`)).status).toBe(403);
  });
});
