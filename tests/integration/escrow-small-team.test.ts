import 'reflect-metadata';
import { ActivationLink, CustodianDrillResult, CustodianOperationView, ErrorBody, EscrowHealth, PasswordResetImpact } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import {
  activate,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  postLogin,
  signIn,
  strongPassphrase,
  asOwner,
  type CreatedStaff,
  type StaffClient,
} from '../support/staff.js';
import { nextTotp } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * A small team: custodians who hold other roles too, password resets that
 * must not lose the escrow silently, and a reset that ends the old access
 * at once.
 */

async function health(client: StaffClient): Promise<EscrowHealth> {
  const response = await client.get('/api/escrow/health');
  expect(response.status).toBe(200);
  return EscrowHealth.parse(await response.json());
}

async function impact(admin: StaffClient, userId: string): Promise<PasswordResetImpact> {
  const response = await admin.get(`/api/admin/staff/${userId}/reset-impact`);
  expect(response.status).toBe(200);
  return PasswordResetImpact.parse(await response.json());
}

/** The pairs as sorted name pairs, for reading. */
function pairNames(state: EscrowHealth): string[] {
  return state.workingPairs.map((p) => [p.first.name, p.second.name].sort().join(' + ')).sort();
}

/** The admin confirms (risk accepted), the person activates the link and signs in with a new key pair. */
async function resetAndReturn(portal: RunningPortal, admin: StaffClient, staff: CreatedStaff): Promise<CreatedStaff> {
  const issued = await admin.post(`/api/admin/staff/${staff.client.id}/reset-password`, { escrowRiskAccepted: true });
  expect(issued.status).toBe(201);
  const password = strongPassphrase();
  expect((await activate(portal, ActivationLink.parse(await issued.json()), password)).status).toBe(200);
  const credentials = { ...staff.credentials, password };
  return { ...staff, credentials, client: await signIn(portal, credentials) };
}

describe('three custodians, two of them with another role', () => {
  let portal: RunningPortal;
  let admin: StaffClient;
  let supervisorCustodian: CreatedStaff;
  let caseworkerCustodian: CreatedStaff;
  let custodian: CreatedStaff;

  beforeAll(async () => {
    portal = await startTestPortal(FAST_PASSWORDS);
    admin = await signIn(portal, await createAdmin(portal));
    custodian = await createStaff(portal, admin, { roles: ['custodian'], name: 'Boubacar' });
    caseworkerCustodian = await createStaff(portal, admin, { roles: ['caseworker', 'custodian'], name: 'Coumba' });
    supervisorCustodian = await createStaff(portal, admin, { roles: ['supervisor', 'custodian'], name: 'Fatoumata' });
    await portal.app.get(EscrowService).create(null, [custodian.client.id, caseworkerCustodian.client.id, supervisorCustodian.client.id]);
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('starts with three working pairs and no warning; the custodians holding other roles are named as such', async () => {
    const state = await health(admin);
    expect(pairNames(state)).toEqual(['Boubacar + Coumba', 'Boubacar + Fatoumata', 'Coumba + Fatoumata']);
    expect(state).toMatchObject({ warning: false, lost: false, resealNeeded: false });
    expect(
      state.custodians
        .filter((c) => c.otherRoles)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Coumba', 'Fatoumata']);
    // A supervisor reads the same state (the banner on every page).
    expect(await health(supervisorCustodian.client)).toEqual(state);
  });

  it('says before a custodian’s reset what it does to the escrow, and refuses it until that risk is accepted', async () => {
    const before = await impact(admin, caseworkerCustodian.client.id);
    expect(before).toMatchObject({ custodian: true, escrowRiskToAccept: true, sessions: 1 });
    expect(pairNames(before.escrowAfter)).toEqual(['Boubacar + Fatoumata']);
    expect(before.escrowAfter).toMatchObject({ warning: true, lost: false });

    const refused = await admin.request('POST', `/api/admin/staff/${caseworkerCustodian.client.id}/reset-password`, {
      body: {},
      headers: { 'accept-language': 'en' },
    });
    expect(refused.status).toBe(400);
    const body = ErrorBody.parse(await refused.json());
    expect(body.error.fields).toEqual([{ field: 'escrowRiskAccepted', message: expect.stringContaining('fewer than two pairs') }]);
    // Nothing happened: the person is still signed in, the escrow as it was.
    expect((await caseworkerCustodian.client.get('/api/auth/session')).status).toBe(200);
    expect((await health(admin)).workingPairs).toHaveLength(3);
  });

  it('one custodian’s reset leaves the escrow usable: the drill says which pairs work, the other two restore and re-seal', async () => {
    caseworkerCustodian = await resetAndReturn(portal, admin, caseworkerCustodian);
    const after = await health(admin);
    expect(pairNames(after)).toEqual(['Boubacar + Fatoumata']);
    expect(after).toMatchObject({ warning: true, lost: false, resealNeeded: true });

    const drilled = await custodian.client.post('/api/custodian/drill');
    const drill = CustodianDrillResult.parse(await drilled.json());
    expect(drill).toMatchObject({ passed: true, shares: 2, opened: 2 });
    expect(drill.workingPairs.map((p) => [p.first.name, p.second.name].sort().join(' + '))).toEqual(['Boubacar + Fatoumata']);
    const theirs = CustodianDrillResult.parse(await (await caseworkerCustodian.client.post('/api/custodian/drill')).json());
    expect(theirs).toMatchObject({ passed: false, opened: 0 });
    expect(theirs.shareResults.map((r) => r.opens)).toEqual([false, false]);

    // The two who still hold working shares re-seal to all three (the one back from the reset included).
    const requested = await custodian.client.post('/api/custodian/operations', { kind: 'reseal_escrow' });
    expect(requested.status).toBe(201);
    const operation = CustodianOperationView.parse(await requested.json());
    expect((await supervisorCustodian.client.post(`/api/custodian/operations/${operation.id}/complete`)).status).toBe(200);
    expect(await health(admin)).toMatchObject({ warning: false, resealNeeded: false, workingPairs: expect.any(Array) });
    expect((await health(admin)).workingPairs).toHaveLength(3);
  });

  it('a reset ends the old passphrase and every session at once, before the link is used, and says so', async () => {
    const target = await createStaff(portal, admin, { roles: ['caseworker'], name: 'Issa' });
    const second = await signIn(portal, target.credentials);
    const issued = await admin.post(`/api/admin/staff/${target.client.id}/reset-password`, {});
    expect(issued.status).toBe(201);
    expect(ActivationLink.parse(await issued.json()).accessEnded).toEqual({ sessions: 2, grants: 0, keyPairDropped: true });
    // The link is not used yet: the old passphrase and both sessions are already dead.
    expect((await target.client.get('/api/auth/session')).status).toBe(401);
    expect((await second.get('/api/auth/session')).status).toBe(401);
    const login = await postLogin(portal, {
      email: target.credentials.email,
      password: target.credentials.password,
      totp: await nextTotp(target.credentials.totpSecret),
    });
    expect(login.status).toBe(401);
    expect(await asOwner(portal, 'SELECT public_key, wrapped_private_key, password_record FROM staff_user WHERE id = $1', [target.client.id])).toEqual([
      { public_key: null, wrapped_private_key: null, password_record: null },
    ]);
  });
});

describe('two custodians', () => {
  let portal: RunningPortal;
  let admin: StaffClient;
  let supervisor: StaffClient;
  let first: CreatedStaff;
  let second: CreatedStaff;

  beforeAll(async () => {
    portal = await startTestPortal(FAST_PASSWORDS);
    admin = await signIn(portal, await createAdmin(portal));
    supervisor = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
    first = await createStaff(portal, admin, { roles: ['custodian'], name: 'Premier' });
    second = await createStaff(portal, admin, { roles: ['custodian'], name: 'Second' });
    await portal.app.get(EscrowService).create(null, [first.client.id, second.client.id]);
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('warns already (one pair: one lost custodian loses the escrow)', async () => {
    expect(await health(admin)).toMatchObject({ warning: true, lost: false, workingPairs: [expect.anything()] });
  });

  it('warns the admin before a reset that would lose the escrow, and the warning persists after it', async () => {
    const before = await impact(admin, first.client.id);
    expect(before).toMatchObject({ custodian: true, escrowRiskToAccept: true, escrowAfter: { lost: true, workingPairs: [] } });
    const refused = await admin.post(`/api/admin/staff/${first.client.id}/reset-password`);
    expect(refused.status).toBe(400);
    expect(ErrorBody.parse(await refused.json()).error.fields?.[0]?.message).toContain('moins de deux paires');

    first = await resetAndReturn(portal, admin, first);
    // Persists: on every later read, for admins and supervisors alike, until the team is mended.
    for (const reader of [admin, supervisor, admin]) expect(await health(reader)).toMatchObject({ warning: true, lost: true, workingPairs: [] });
    const audit = await asOwner<{ details: Record<string, unknown> }>(
      portal,
      "SELECT details FROM audit_event WHERE action = 'staff.password_reset' AND target_id = $1",
      [first.client.id],
    );
    expect(audit).toEqual([{ details: expect.objectContaining({ escrowRiskAccepted: true, escrowWorkingPairsAfter: 0 }) }]);
  });
});
