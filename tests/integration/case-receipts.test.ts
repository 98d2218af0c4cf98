/**
 * Several receipts per case: a second receipt opens the same
 * thread; a revoked one answers like an unknown receipt and its session
 * ends, while the other still works; the case manifest (which covers the
 * receipt rows) stays intact. And a silent phone after an arrest escalates.
 */
import { ErrorBody, FollowUpView, IssuedReceipt, ReceiptList, ReceiptSummary } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let supervisor: StaffClient;
let caseworker: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Récépissés' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé sans accès' })).client;
});

afterAll(async () => {
  await portal?.close();
});

function content(threatTypes: string[]): CaseContent {
  const base = plainContent();
  return { ...base, categories: { ...base.categories, threatTypes } };
}

async function openFollowUp(receipt: string): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
}

async function sessionOf(receipt: string): Promise<{ cookie: string; view: FollowUpView }> {
  const opened = await openFollowUp(receipt);
  expect(opened.status).toBe(200);
  return { cookie: (opened.headers.get('set-cookie') ?? '').split(';')[0] as string, view: FollowUpView.parse(await opened.json()) };
}

const followUpStatus = async (cookie: string) => (await fetch(`${portal.url}/api/follow-up`, { headers: { cookie } })).status;

async function issue(caseId: string): Promise<IssuedReceipt> {
  const response = await supervisor.post(`/api/cases/${caseId}/receipts`, {});
  expect(response.status).toBe(201);
  return IssuedReceipt.parse(await response.json());
}

async function receiptsOf(caseId: string): Promise<ReceiptList> {
  const response = await supervisor.get(`/api/cases/${caseId}/receipts`);
  expect(response.status).toBe(200);
  return ReceiptList.parse(await response.json());
}

describe('receipts', () => {
  it('a second receipt opens the same thread; revoking the first makes it answer like an unknown one and ends its session', async () => {
    const created = await vault.createCase({ urgent: false, content: content(['threats_intimidation']) });
    const caseId = created.caseId;
    const message = await supervisor.post(`/api/cases/${caseId}/messages`, { body: 'Équipe : nous vous rappelons demain.' });
    expect(message.status).toBe(201);

    const second = await issue(caseId);
    expect(second.receipt).toMatch(/^\d{4}( \d{4}){5}$/);
    expect(second.receipt).not.toBe(created.receipt);
    const first = await sessionOf(created.receipt);
    const other = await sessionOf(second.receipt);
    expect(other.view.thread).toEqual(first.view.thread);
    expect(other.view.thread.map((m) => m.body)).toContain('Équipe : nous vous rappelons demain.');

    // The list shows ids and dates only: never a lookup id, a wrap or the digits.
    const listed = await receiptsOf(caseId);
    expect(listed.items.map((r) => r.id)).toContain(second.id);
    expect(listed.items).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain(second.receipt);
    const firstId = listed.items.find((r) => r.id !== second.id)?.id as string;

    const revoked = await supervisor.post(`/api/cases/${caseId}/receipts/${firstId}/revoke`, { reason: 'coercion' });
    expect(revoked.status).toBe(201);
    expect(ReceiptSummary.parse(await revoked.json()).revokedAt).not.toBeNull();

    expect(await followUpStatus(first.cookie)).toBe(401);
    expect(await asOwner(portal, 'SELECT id_hash FROM follow_up_session WHERE receipt_id = $1', [firstId])).toEqual([]);
    const unknown = await openFollowUp('1111 2222 3333 4444 5555 6666');
    const again = await openFollowUp(created.receipt);
    expect(again.status).toBe(unknown.status);
    expect(await again.json()).toEqual(await unknown.json());

    expect(await followUpStatus(other.cookie)).toBe(200);
    expect((await sessionOf(second.receipt)).view.thread).toEqual(first.view.thread);

    // Revoking every receipt is allowed (coercion): the case itself still opens, its manifest intact.
    const last = await supervisor.post(`/api/cases/${caseId}/receipts/${second.id}/revoke`, { reason: 'other' });
    expect(last.status).toBe(201);
    expect((await receiptsOf(caseId)).items.every((r) => r.revokedAt !== null)).toBe(true);
    expect((await supervisor.get(`/api/cases/${caseId}`)).status).toBe(200);
    const audit = await asOwner<{ action: string }>(portal, "SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'receipt.%' ORDER BY seq", [
      caseId,
    ]);
    expect(audit.map((a) => a.action).sort()).toEqual(['receipt.issued', 'receipt.revoked', 'receipt.revoked']);
  });

  it('the case still opens after a receipt is issued (the manifest covers the new row), and a deleted receipt row shows', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: content(['surveillance']) });
    await issue(caseId);
    expect((await supervisor.get(`/api/cases/${caseId}`)).status).toBe(200);
    await asOwner(portal, 'DELETE FROM receipt WHERE id = (SELECT id FROM receipt WHERE case_id = $1 ORDER BY created_at DESC LIMIT 1)', [caseId]);
    const tampered = await supervisor.get(`/api/cases/${caseId}`);
    expect(tampered.status).toBe(409);
    expect(ErrorBody.parse(await tampered.json()).error.code).toBe('INTEGRITY_FAILED');
  });

  it('a caseworker without a grant can neither list, issue nor revoke', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: content(['surveillance']) });
    const [receipt] = (await receiptsOf(caseId)).items;
    expect((await caseworker.get(`/api/cases/${caseId}/receipts`)).status).toBe(403);
    expect((await caseworker.post(`/api/cases/${caseId}/receipts`, {})).status).toBe(403);
    expect((await caseworker.post(`/api/cases/${caseId}/receipts/${receipt?.id}/revoke`, { reason: 'lost' })).status).toBe(403);
    expect((await receiptsOf(caseId)).items).toEqual([receipt]);
  });
});

describe('contact-attempt escalation', () => {
  const alertsOf = (caseId: string) => asOwner<{ kind: string; dedupe_key: string }>(portal, 'SELECT kind, dedupe_key FROM alert WHERE case_id = $1', [caseId]);
  const attempt = (caseId: string, result: string) => supervisor.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'phone', result });

  it('a switched-off phone or no answer on an urgent arrest case raises one content-free alert per attempt', async () => {
    const { caseId } = await vault.createCase({ urgent: true, content: content(['arrest']) });
    const before = (await alertsOf(caseId)).length; // the urgent request's own alert
    expect((await attempt(caseId, 'phone_off')).status).toBe(201);
    expect((await attempt(caseId, 'no_answer')).status).toBe(201);
    expect((await attempt(caseId, 'reached')).status).toBe(201);
    const escalated = (await alertsOf(caseId)).filter((a) => a.dedupe_key.startsWith('contact:'));
    expect(escalated).toHaveLength(2);
    expect(escalated.every((a) => a.kind === 'overdue_case')).toBe(true);
    expect(new Set(escalated.map((a) => a.dedupe_key)).size).toBe(2);
    expect((await alertsOf(caseId)).length).toBe(before + 2);
  });

  it('raises none for an ordinary case, nor for an urgent case without detention or disappearance', async () => {
    const ordinary = (await vault.createCase({ urgent: false, content: content(['abduction_disappearance']) })).caseId;
    const notDetained = (await vault.createCase({ urgent: true, content: content(['surveillance']) })).caseId;
    for (const caseId of [ordinary, notDetained]) {
      expect((await attempt(caseId, 'phone_off')).status).toBe(201);
      expect((await attempt(caseId, 'no_answer')).status).toBe(201);
      expect((await alertsOf(caseId)).filter((a) => a.dedupe_key.startsWith('contact:'))).toEqual([]);
    }
  });
});
