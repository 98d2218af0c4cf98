import 'reflect-metadata';
import { ActivationLink, CustodianOperationResult, CustodianOperationView } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { EscrowRotation } from '../../apps/api/src/custodian/escrow-rotation.js';
import { DirectoryService } from '../../apps/api/src/directory/directory.service.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { plainContent } from '../factories/case-content.js';
import {
  activate,
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  signIn,
  strongPassphrase,
  type CreatedStaff,
  type StaffClient,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

interface KeyRow {
  id: string;
  public_key: string;
  certificate: string;
  epoch: number;
  active: boolean;
}

let portal: RunningPortal;
let vault: CaseVaultService;
let rotation: EscrowRotation;
let admin: StaffClient;
let supervisor: CreatedStaff;
let custodianA: CreatedStaff;
let custodianB: CreatedStaff;
let firstKeyId: string;
const caseIds: string[] = [];

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  rotation = portal.app.get(EscrowRotation);
  admin = await signIn(portal, await createAdmin(portal));
  custodianA = await createStaff(portal, admin, { roles: ['custodian'], name: 'Dépositaire A' });
  custodianB = await createStaff(portal, admin, { roles: ['custodian'], name: 'Dépositaire B' });
  firstKeyId = await portal.app.get(EscrowService).create(null, [custodianA.client.id, custodianB.client.id]);
  supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
  for (let i = 0; i < 7; i += 1) caseIds.push((await vault.createCase({ urgent: i % 2 === 0, content: plainContent() })).caseId);
  // Small batches, so that seven cases take four transactions.
  rotation.batchSize = 2;
});

afterEach(() => {
  rotation.afterBatch = null;
});

afterAll(async () => {
  await portal?.close();
});

async function newCase(): Promise<string> {
  const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
  caseIds.push(caseId);
  return caseId;
}

async function requestRotation(client: StaffClient): Promise<string> {
  const response = await client.post('/api/custodian/operations', { kind: 'rotate_escrow' });
  expect(response.status).toBe(201);
  return CustodianOperationView.parse(await response.json()).id;
}

function keys(): Promise<KeyRow[]> {
  return asOwner<KeyRow>(portal, 'SELECT id, public_key, certificate, epoch, active FROM escrow_key ORDER BY epoch');
}

async function casesSealedTo(escrowKeyId: string): Promise<string[]> {
  const rows = await asOwner<{ case_id: string }>(
    portal,
    "SELECT case_id FROM case_key_grant WHERE recipient_id IS NULL AND escrow_key_id = $1 GROUP BY case_id HAVING count(*) FILTER (WHERE key_kind = 'case') = 1 AND count(*) FILTER (WHERE key_kind = 'thread') = 1",
    [escrowKeyId],
  );
  return rows.map((row) => row.case_id).sort();
}

async function countOf(sql: string, params: unknown[]): Promise<number> {
  const [row] = await asOwner<{ n: number }>(portal, sql, params);
  return Number(row?.n);
}

/** What a completed rotation must leave: one active key holding every case, nothing of the old one. */
async function expectRotatedAway(oldKeyId: string, signedBy: string[]): Promise<KeyRow> {
  const all = await keys();
  const active = all.filter((k) => k.active);
  expect(active).toHaveLength(1);
  const current = active[0] as KeyRow;
  expect(current.id).not.toBe(oldKeyId);
  expect(all.find((k) => k.id === oldKeyId)?.active).toBe(false);
  // Certified by the directory key for its epoch: a key slipped in by SQL would fail here.
  expect(portal.app.get(DirectoryService).escrowRecipient({ ...current, publicKey: current.public_key })).not.toBeNull();
  expect(await casesSealedTo(current.id)).toEqual([...caseIds].sort());
  expect(await countOf('SELECT count(*)::int AS n FROM case_key_grant WHERE escrow_key_id = $1', [oldKeyId])).toBe(0);
  expect(await countOf('SELECT count(*)::int AS n FROM escrow_share WHERE escrow_key_id = $1', [oldKeyId])).toBe(0);
  expect(await countOf('SELECT count(*)::int AS n FROM escrow_share WHERE escrow_key_id = $1', [current.id])).toBe(2);
  // No case is left sealed only to a key that is gone: each one has both keys sealed to the active escrow key.
  expect(await countOf('SELECT count(*)::int AS n FROM case_key_grant WHERE recipient_id IS NULL AND escrow_key_id <> $1', [current.id])).toBe(0);
  // Signed by the custodians who completed the runs (escrow grants are checked against their certificates).
  const signers = await asOwner<{ granted_by: string | null }>(portal, 'SELECT DISTINCT granted_by FROM case_key_grant WHERE escrow_key_id = $1', [current.id]);
  expect(signers.map((s) => s.granted_by).sort()).toEqual([...signedBy].sort());
  return current;
}

describe('an escrow rotation interrupted midway', () => {
  let operationId: string;
  let staleId: string;

  it('a crash after two batches leaves the old key active and every case still sealed to it', async () => {
    operationId = await requestRotation(custodianA.client);
    rotation.afterBatch = (done) => {
      if (done >= 4) throw new Error('simulated crash after four cases');
    };

    expect((await custodianB.client.post(`/api/custodian/operations/${operationId}/complete`)).status).toBe(500);

    const [first, next] = await keys();
    expect(first).toMatchObject({ id: firstKeyId, active: true, epoch: 1 });
    expect(next).toMatchObject({ active: false, epoch: 2 });
    // The new key was sealed to the custodians before any case was sealed to it.
    expect(await countOf('SELECT count(*)::int AS n FROM escrow_share WHERE escrow_key_id = $1', [next?.id])).toBe(2);
    expect(await casesSealedTo(firstKeyId)).toEqual([...caseIds].sort());
    expect(await casesSealedTo(next?.id ?? '')).toHaveLength(4);
    // The request was used up: nothing half-opened stays in the database.
    expect(await asOwner(portal, 'SELECT intermediates FROM custodian_operation WHERE id = $1', [operationId])).toEqual([{ intermediates: [] }]);
  });

  it('re-sealing the shares waits for the rotation to finish (409)', async () => {
    expect((await custodianA.client.post('/api/custodian/operations', { kind: 'reseal_escrow' })).status).toBe(409);
  });

  it('a case submitted meanwhile is sealed to the old key, which still holds everything', async () => {
    const caseId = await newCase();
    expect(await casesSealedTo(firstKeyId)).toContain(caseId);
  });

  it('the next rotate_escrow resumes with the same new key, including cases that arrive during the run', async () => {
    const [, target] = await keys();
    // A request made on the old key before the switch: it must not outlive the key.
    const stale = await custodianA.client.post('/api/custodian/operations', { kind: 'restore_user', targetUserId: supervisor.client.id });
    expect(stale.status).toBe(201);
    staleId = CustodianOperationView.parse(await stale.json()).id;
    const id = await requestRotation(custodianB.client);
    let arrived: string | null = null;
    rotation.afterBatch = async () => {
      arrived ??= await newCase();
    };

    const response = await custodianA.client.post(`/api/custodian/operations/${id}/complete`);

    expect(response.status).toBe(200);
    // 3 left + 1 submitted while interrupted + 1 during the run; no new shares (the key was already sealed).
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ kind: 'rotate_escrow', casesGranted: 5, casesSkipped: 0, sharesSealed: 0 });
    expect(arrived).not.toBeNull();
    const current = await expectRotatedAway(firstKeyId, [custodianA.client.id, custodianB.client.id]);
    expect(current.id).toBe(target?.id);
  });

  it('is audited: both steps of each request, the new key, the resumption and the switch', async () => {
    const events = await asOwner<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      portal,
      "SELECT action, actor_id, details FROM audit_event WHERE action IN ('custodian.requested', 'custodian.completed', 'custodian.action', 'escrow.created') AND actor_id IS NOT NULL ORDER BY seq",
    );
    expect(events.map((e) => [e.action, e.actor_id, e.details.step ?? e.details.kind ?? null])).toEqual([
      ['custodian.requested', custodianA.client.id, 'rotate_escrow'],
      ['escrow.created', custodianB.client.id, null],
      ['custodian.completed', custodianB.client.id, 'rotate_escrow'],
      ['custodian.requested', custodianA.client.id, 'restore_user'],
      ['custodian.requested', custodianB.client.id, 'rotate_escrow'],
      ['custodian.action', custodianA.client.id, 'escrow_rotation_resumed'],
      ['custodian.completed', custodianA.client.id, 'rotate_escrow'],
      ['custodian.action', custodianA.client.id, 'escrow_rotated'],
    ]);
    expect(events[2]?.details).toMatchObject({ operationId, requestedBy: custodianA.client.id, completedBy: custodianB.client.id, resumed: false });
    expect(events[6]?.details).toMatchObject({ requestedBy: custodianB.client.id, completedBy: custodianA.client.id, resumed: true });
    expect(events[7]?.details).toMatchObject({
      fromKeyId: firstKeyId,
      casesSealed: caseIds.length,
      casesSkipped: 0,
      grantsDeleted: caseIds.length * 2,
      sharesDeleted: 2,
    });
  });

  it('a request made on the old key can no longer be completed (422: it expired with the key, and says so)', async () => {
    const stale = await custodianB.client.request('POST', `/api/custodian/operations/${staleId}/complete`, { headers: { 'accept-language': 'en' } });
    expect(stale.status).toBe(422);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('expired');
  });
});

describe('after the rotation', () => {
  it('every case is restored through two custodians with the surviving key (reset supervisor)', async () => {
    const issued = await admin.post(`/api/admin/staff/${supervisor.client.id}/reset-password`);
    expect(issued.status).toBe(201);
    const password = strongPassphrase();
    expect((await activate(portal, ActivationLink.parse(await issued.json()), password)).status).toBe(200);
    const client = await signIn(portal, { ...supervisor.credentials, password });
    for (const caseId of caseIds) expect((await client.get(`/api/cases/${caseId}`)).status).toBe(403);

    const request = await custodianA.client.post('/api/custodian/operations', { kind: 'restore_user', targetUserId: client.id });
    expect(request.status).toBe(201);
    const response = await custodianB.client.post(`/api/custodian/operations/${CustodianOperationView.parse(await request.json()).id}/complete`);

    expect(response.status).toBe(200);
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ casesGranted: caseIds.length, casesSkipped: 0 });
    for (const caseId of caseIds) expect((await client.get(`/api/cases/${caseId}`)).status).toBe(200);
  });

  it('an uninterrupted rotation re-seals from the custodian-signed grants and leaves no old grant or share', async () => {
    const before = (await keys()).find((k) => k.active) as KeyRow;
    const id = await requestRotation(custodianB.client);

    const response = await custodianA.client.post(`/api/custodian/operations/${id}/complete`);

    expect(response.status).toBe(200);
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ casesGranted: caseIds.length, casesSkipped: 0, sharesSealed: 2 });
    const current = await expectRotatedAway(before.id, [custodianA.client.id]);
    expect(current.epoch).toBe(3);
  });

  it('a case whose old escrow grant was altered in SQL is skipped and reported, never re-sealed from a forged seal', async () => {
    const before = (await keys()).find((k) => k.active) as KeyRow;
    const tampered = caseIds[0] as string;
    const [other] = await asOwner<{ signature: string }>(
      portal,
      "SELECT signature FROM case_key_grant WHERE escrow_key_id = $1 AND case_id = $2 AND key_kind = 'case'",
      [before.id, caseIds[1]],
    );
    await asOwner(portal, "UPDATE case_key_grant SET signature = $3 WHERE escrow_key_id = $1 AND case_id = $2 AND key_kind = 'case'", [
      before.id,
      tampered,
      other?.signature,
    ]);
    const id = await requestRotation(custodianA.client);

    const response = await custodianB.client.post(`/api/custodian/operations/${id}/complete`);

    expect(response.status).toBe(200);
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ casesGranted: caseIds.length - 1, casesSkipped: 1 });
    const current = (await keys()).find((k) => k.active) as KeyRow;
    expect(await casesSealedTo(current.id)).toEqual(caseIds.filter((c) => c !== tampered).sort());
    expect(await countOf('SELECT count(*)::int AS n FROM case_key_grant WHERE escrow_key_id = $1', [before.id])).toBe(0);
    const [event] = await asOwner<{ details: Record<string, unknown> }>(
      portal,
      "SELECT details FROM audit_event WHERE action = 'custodian.action' AND details->>'toKeyId' = $1 AND details->>'step' = 'escrow_rotated'",
      [current.id],
    );
    expect(event?.details).toMatchObject({ casesSkipped: 1, skippedCaseIds: tampered });
  });
});
