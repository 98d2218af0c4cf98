import 'reflect-metadata';
import { Writable } from 'node:stream';
import {
  ActivationLink,
  AuditEventPage,
  CustodianCaseFound,
  CustodianDrillResult,
  CustodianDrillStatus,
  CustodianOperationList,
  CustodianOperationResult,
  CustodianOperationView,
  CustodianPeople,
  EscrowRotationProgress,
} from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startPortal } from '../../apps/api/src/boot.js';
import { PasswordHasher } from '../../apps/api/src/auth/password-hasher.js';
import { openEscrowInnerLayer, unwrapPrivateKey, type IdentityKeyPair } from '../../apps/api/src/crypto/index.js';
import { keyPairSecrets } from '../../apps/api/src/crypto/key-pair.js';
import { PendingIntermediates } from '../../apps/api/src/custodian/pending-intermediates.js';
import { DirectoryService } from '../../apps/api/src/directory/directory.service.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { plainContent } from '../factories/case-content.js';
import { encodings } from '../support/leaks.js';
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
  type StaffCredentials,
} from '../support/staff.js';
import { createTestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';

/** Every log line and every response body of the suite, for the leak search. */
const logLines: string[] = [];
const bodies: string[] = [];
/** Intermediates and escrow seeds seen in the database during the suite: none may reach a body or a log. */
const secrets: Buffer[] = [];

let portal: RunningPortal;
let vault: CaseVaultService;
let admin: StaffClient;
let supervisor: StaffClient;
let caseworker: CreatedStaff;
let custodianA: CreatedStaff;
let custodianB: CreatedStaff;

beforeAll(async () => {
  const database = await createTestDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  portal = await startPortal(
    {
      ...testSecrets(),
      ...FAST_PASSWORDS,
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      PORT: '0',
      LOG_LEVEL: 'trace',
      NODE_ENV: 'test',
    },
    sink,
  );
  vault = portal.app.get(CaseVaultService);
  admin = await signIn(portal, await createAdmin(portal));
  custodianA = await createStaff(portal, admin, { roles: ['custodian'], name: 'Dépositaire A' });
  custodianB = await createStaff(portal, admin, { roles: ['custodian'], name: 'Dépositaire B' });
  await portal.app.get(EscrowService).create(null, [custodianA.client.id, custodianB.client.id]);
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
  caseworker = await createStaff(portal, admin, { roles: ['caseworker'] });
});

afterAll(async () => {
  await portal?.close();
});

async function call(client: StaffClient, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const response = method === 'GET' ? await client.get(path) : await client.post(path, body);
  bodies.push(await response.clone().text());
  return response;
}

async function requestOperation(client: StaffClient, body: unknown): Promise<CustodianOperationView> {
  const response = await call(client, 'POST', '/api/custodian/operations', body);
  expect(response.status).toBe(201);
  const view = CustodianOperationView.parse(await response.json());
  // The first step's result lives only in the server's memory: taken from there, to be looked for everywhere else.
  secrets.push(
    ...portal.app
      .get(PendingIntermediates)
      .of(view.id)
      .map((i) => Buffer.from(i.value)),
  );
  return view;
}

function complete(client: StaffClient, id: string): Promise<Response> {
  return call(client, 'POST', `/api/custodian/operations/${id}/complete`);
}

async function readStatus(client: StaffClient, caseId: string): Promise<number> {
  return (await client.get(`/api/cases/${caseId}`)).status;
}

/** Password reset through the admin API, activation, and a new sign-in (a new key pair). */
async function resetPassword(staff: CreatedStaff): Promise<CreatedStaff> {
  const issued = await admin.post(`/api/admin/staff/${staff.client.id}/reset-password`, { escrowRiskAccepted: true });
  expect(issued.status).toBe(201);
  const password = strongPassphrase();
  expect((await activate(portal, ActivationLink.parse(await issued.json()), password)).status).toBe(200);
  const credentials = { ...staff.credentials, password };
  return { ...staff, credentials, client: await signIn(portal, credentials) };
}

/** A custodian's key pair, unwrapped offline with their password, as only they could (to find the escrow seed for the leak search). */
async function keyPairOf(userId: string, credentials: StaffCredentials): Promise<IdentityKeyPair> {
  const [row] = await asOwner<{ password_record: string; wrapped_private_key: string; public_key: string }>(
    portal,
    'SELECT password_record, wrapped_private_key, public_key FROM staff_user WHERE id = $1',
    [userId],
  );
  const hasher = portal.app.get(PasswordHasher);
  const wrappingKey = await hasher.verify(credentials.password, row?.password_record ?? '');
  if (!wrappingKey) throw new Error('password did not verify');
  try {
    return unwrapPrivateKey(row?.wrapped_private_key ?? '', wrappingKey, {
      userId,
      paramsVersion: hasher.paramsVersionOf(row?.password_record ?? ''),
      publicKey: row?.public_key ?? '',
    });
  } finally {
    wrappingKey.destroy();
  }
}

async function drill(client: StaffClient): Promise<CustodianDrillResult> {
  const response = await call(client, 'POST', '/api/custodian/drill');
  expect(response.status).toBe(200);
  return CustodianDrillResult.parse(await response.json());
}

async function assign(caseId: string, assigneeId: string): Promise<void> {
  expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId })).status).toBeLessThan(300);
}

describe('restoring a user after a password reset', () => {
  let held: string[];
  let unrelated: string;
  let operationId: string;

  beforeAll(async () => {
    const assigned = [
      (await vault.createCase({ urgent: true, content: plainContent() })).caseId,
      (await vault.createCase({ urgent: false, content: plainContent() })).caseId,
    ];
    for (const caseId of assigned) await assign(caseId, caseworker.client.id);
    // Typed in by the caseworker (assisted intake): held since intake, never assigned.
    const typedIn = (await vault.createCase({ urgent: false, content: plainContent(), createdBy: caseworker.client.id })).caseId;
    held = [...assigned, typedIn];
    unrelated = (await vault.createCase({ urgent: false, content: plainContent() })).caseId;
  });

  it('the caseworker reads their cases, then loses them all with the password reset (403)', async () => {
    for (const caseId of held) expect(await readStatus(caseworker.client, caseId)).toBe(200);
    caseworker = await resetPassword(caseworker);
    for (const caseId of held) expect(await readStatus(caseworker.client, caseId)).toBe(403);
  });

  it('a custodian asks; the listing says who asked, for whom, and carries no key material', async () => {
    const view = await requestOperation(custodianA.client, { kind: 'restore_user', targetUserId: caseworker.client.id });
    operationId = view.id;
    expect(view).toMatchObject({
      kind: 'restore_user',
      requestedBy: { id: custodianA.client.id, name: 'Dépositaire A' },
      targetUser: { id: caseworker.client.id },
      canComplete: false,
    });
    const response = await call(custodianB.client, 'GET', '/api/custodian/operations');
    expect(response.status).toBe(200);
    const list = CustodianOperationList.parse(await response.json());
    expect(list.items.find((item) => item.id === operationId)).toMatchObject({ canComplete: true });
  });

  it('one custodian alone cannot complete it, nor can anyone who is not a custodian', async () => {
    expect((await complete(custodianA.client, operationId)).status).toBe(403);
    expect((await complete(supervisor, operationId)).status).toBe(403);
    expect((await complete(caseworker.client, operationId)).status).toBe(403);
    expect((await complete(admin, operationId)).status).toBe(403);
    expect((await call(supervisor, 'POST', '/api/custodian/operations', { kind: 'restore_user', targetUserId: caseworker.client.id })).status).toBe(403);
    for (const caseId of held) expect(await readStatus(caseworker.client, caseId)).toBe(403);
  });

  it('a second custodian completes it: the caseworker reads all their cases again, and nothing more', async () => {
    const [stored] = await asOwner<{ public_key: string }>(
      portal,
      'SELECT k.public_key FROM custodian_operation o JOIN escrow_key k ON k.id = o.escrow_key_id WHERE o.id = $1',
      [operationId],
    );
    // The first step's result is in the server's memory only (never in the database).
    const [intermediate] = portal.app.get(PendingIntermediates).of(operationId);
    const keyOfB = await keyPairOf(custodianB.client.id, custodianB.credentials);
    const context = { tenant: portal.app.get(DirectoryService).tenant, escrowPublicKey: stored?.public_key ?? '' };
    const escrow = openEscrowInnerLayer(intermediate?.value ?? '', keyOfB, context);
    secrets.push(Buffer.from(keyPairSecrets(escrow).seed));
    escrow.destroy();
    keyOfB.destroy();

    const response = await complete(custodianB.client, operationId);

    expect(response.status).toBe(200);
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ kind: 'restore_user', casesGranted: 3, casesSkipped: 0 });
    for (const caseId of held) expect(await readStatus(caseworker.client, caseId)).toBe(200);
    expect(await readStatus(caseworker.client, unrelated)).toBe(403);
    const grants = await asOwner<{ granted_by: string }>(portal, 'SELECT DISTINCT granted_by FROM case_key_grant WHERE recipient_id = $1', [
      caseworker.client.id,
    ]);
    expect(grants).toEqual([{ granted_by: custodianB.client.id }]);
  });

  it('is audited with both custodians, and the intermediate is gone from memory (it was never in the database)', async () => {
    const events = await asOwner<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      portal,
      "SELECT action, actor_id, details FROM audit_event WHERE action LIKE 'custodian.%' AND details->>'operationId' = $1 ORDER BY seq",
      [operationId],
    );
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['custodian.requested', custodianA.client.id],
      ['custodian.completed', custodianB.client.id],
    ]);
    expect(events[1]?.details).toMatchObject({ requestedBy: custodianA.client.id, completedBy: custodianB.client.id, targetUserId: caseworker.client.id });
    // The one entry names both people, as the audit page shows them (the actor, and who asked).
    expect(events[1]?.details).toMatchObject({ requestedByName: 'Dépositaire A', confirmedBy: custodianB.client.id, confirmedByName: 'Dépositaire B' });
    const page = AuditEventPage.parse(await (await call(admin, 'GET', '/api/audit/events?action=custodian.completed')).json());
    const entry = page.items.find((item) => item.details.operationId === operationId);
    expect(entry).toMatchObject({ actorName: 'Dépositaire B', details: { requestedByName: 'Dépositaire A' } });
    expect(await asOwner(portal, 'SELECT intermediates FROM custodian_operation WHERE id = $1', [operationId])).toEqual([{ intermediates: [] }]);
    expect(portal.app.get(PendingIntermediates).of(operationId)).toEqual([]);
  });

  it('a completed request cannot be completed again (409)', async () => {
    expect((await complete(custodianB.client, operationId)).status).toBe(409);
  });

  it('an expired request cannot be completed (422, it says so) and is no longer listed', async () => {
    const view = await requestOperation(custodianA.client, { kind: 'restore_user', targetUserId: caseworker.client.id });
    await asOwner(portal, "UPDATE custodian_operation SET expires_at = now() - interval '1 minute' WHERE id = $1", [view.id]);
    expect((await complete(custodianB.client, view.id)).status).toBe(422);
    const list = CustodianOperationList.parse(await (await call(custodianB.client, 'GET', '/api/custodian/operations')).json());
    expect(list.items.map((item) => item.id)).not.toContain(view.id);
  });
});

describe('granting a case nobody holds any more', () => {
  it('is refused while a holder is left (422, naming the operation that would work), and works once the holders are gone', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
    const body = { kind: 'grant_case', caseId, targetUserId: caseworker.client.id };
    expect((await call(custodianA.client, 'POST', '/api/custodian/operations', body)).status).toBe(422);
    // The supervisor who held it is gone (as a deactivation leaves it).
    await asOwner(portal, 'DELETE FROM case_key_grant WHERE case_id = $1 AND recipient_id IS NOT NULL', [caseId]);
    const view = await requestOperation(custodianA.client, body);

    const response = await complete(custodianB.client, view.id);

    expect(response.status).toBe(200);
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ kind: 'grant_case', casesGranted: 1 });
    expect(await readStatus(caseworker.client, caseId)).toBe(200);
  });
});

describe('what the custodian screens look up', () => {
  it('people (with their reset and whether their keys are ready), a case by reference, the rotation progress; custodians only', async () => {
    const people = CustodianPeople.parse(await (await call(custodianA.client, 'GET', '/api/custodian/people')).json());
    expect(people.items.find((p) => p.id === caseworker.client.id)).toMatchObject({ keysReady: true, passwordResetAt: expect.any(String) });
    expect(people.items.find((p) => p.id === custodianB.client.id)).toMatchObject({ keysReady: true, passwordResetAt: null });

    const { caseId, reference } = await vault.createCase({ urgent: false, content: plainContent() });
    const found = await call(custodianA.client, 'GET', `/api/custodian/cases?reference=${reference.toLowerCase().replace('-', '')}`);
    // The triage team holds a new case: custodians are not needed for it.
    expect(CustodianCaseFound.parse(await found.json())).toEqual({ caseId, reference, holdersLeft: 1 });
    expect((await call(custodianA.client, 'GET', '/api/custodian/cases?reference=ZZZZ-ZZZZ')).status).toBe(404);
    expect((await call(custodianA.client, 'GET', '/api/custodian/cases?reference=x')).status).toBe(400);
    expect((await supervisor.get(`/api/custodian/cases?reference=${reference}`)).status).toBe(403);

    expect(EscrowRotationProgress.parse(await (await call(custodianA.client, 'GET', '/api/custodian/rotation')).json())).toEqual({
      rotating: false,
      casesSealed: 0,
      casesTotal: 0,
    });
  });
});

describe('the drill and custodian enrolment', () => {
  let custodianC: CreatedStaff;

  it('a custodian proves their key still opens their shares; the date is recorded', async () => {
    expect(await drill(custodianA.client)).toMatchObject({ shares: 1, opened: 1, passed: true });
    const status = CustodianDrillStatus.parse(await (await call(custodianB.client, 'GET', '/api/custodian/drill')).json());
    expect(status.custodians.find((c) => c.id === custodianA.client.id)?.lastDrillAt).not.toBeNull();
    expect(status.custodians.find((c) => c.id === custodianB.client.id)?.lastDrillAt).toBeNull();
  });

  it('a new custodian holds nothing until the escrow is re-sealed by two others, then can complete operations', async () => {
    custodianC = await createStaff(portal, admin, { roles: ['custodian'], name: 'Dépositaire C' });
    expect(await drill(custodianC.client)).toMatchObject({ shares: 0, passed: false });
    expect((await call(custodianC.client, 'POST', '/api/custodian/operations', { kind: 'reseal_escrow' })).status).toBe(422);

    const reseal = await requestOperation(custodianA.client, { kind: 'reseal_escrow' });
    const response = await complete(custodianB.client, reseal.id);
    expect(response.status).toBe(200);
    expect(CustodianOperationResult.parse(await response.json())).toMatchObject({ kind: 'reseal_escrow', sharesSealed: 6 });
    expect(await asOwner(portal, 'SELECT count(*)::int AS n FROM escrow_share')).toEqual([{ n: 6 }]);

    expect(await drill(custodianC.client)).toMatchObject({ shares: 2, opened: 2, passed: true });
    const restore = await requestOperation(custodianA.client, { kind: 'restore_user', targetUserId: caseworker.client.id });
    expect((await complete(custodianC.client, restore.id)).status).toBe(200);
    // C can start one too, and A finish it.
    const started = await requestOperation(custodianC.client, { kind: 'restore_user', targetUserId: caseworker.client.id });
    expect((await complete(custodianA.client, started.id)).status).toBe(200);
  });

  it('fails for a custodian whose key pair changed (password reset) until the escrow is re-sealed', async () => {
    custodianC = await resetPassword(custodianC);
    expect(await drill(custodianC.client)).toMatchObject({ shares: 2, opened: 0, passed: false });
    const reseal = await requestOperation(custodianA.client, { kind: 'reseal_escrow' });
    // C's share opens no more: the request waits for someone whose key still works.
    expect((await complete(custodianC.client, reseal.id)).status).toBe(422);
    expect((await complete(custodianB.client, reseal.id)).status).toBe(200);
    expect(await drill(custodianC.client)).toMatchObject({ shares: 2, opened: 2, passed: true });
  });
});

describe('what never leaves the server', () => {
  it('no escrow seed or intermediate appears in any response body or log line', () => {
    expect(secrets.length).toBeGreaterThan(3);
    const haystacks = [...bodies, ...logLines].map((text) => Buffer.from(text));
    for (const secret of secrets) {
      for (const needle of encodings(secret)) {
        expect(haystacks.some((haystack) => haystack.includes(needle))).toBe(false);
      }
    }
    expect(bodies.some((body) => /"intermediates?"|"sealed"|"seed"/i.test(body))).toBe(false);
  });
});
