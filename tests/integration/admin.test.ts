import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ActivateResponse, ActivationLink, ErrorBody, StaffDirectory, StaffSummary } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { ROOT_DIR } from '../../apps/api/src/paths.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';
import {
  activate,
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  nextTotp,
  ownerUrlOf,
  postLogin,
  signIn,
  strongPassphrase,
  totpSecretOf,
  type StaffClient,
} from '../support/staff.js';

const secrets = testSecrets();
let portal: RunningPortal;
let admin: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal({ ...secrets, ...FAST_PASSWORDS });
  admin = await signIn(portal, await createAdmin(portal));
});

afterAll(async () => {
  await portal?.close();
});

async function directory(): Promise<StaffDirectory> {
  const response = await admin.get('/api/admin/staff');
  expect(response.status).toBe(200);
  return StaffDirectory.parse(await response.json());
}

async function summaryOf(id: string): Promise<StaffSummary> {
  const found = (await directory()).users.find((user) => user.id === id);
  if (!found) throw new Error(`no staff ${id}`);
  return found;
}

async function keyOf(id: string) {
  const [row] = await asOwner<{ public_key: string | null; key_epoch: number; certificate: string | null }>(
    portal,
    'SELECT public_key, key_epoch, certificate FROM staff_user WHERE id = $1',
    [id],
  );
  return row;
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await asOwner<{ action: string }>(portal, 'SELECT action FROM audit_event WHERE target_id = $1 ORDER BY seq', [targetId]);
  return rows.map((row) => row.action);
}

/**
 * A row with placeholder values in every required column, as a database
 * writer would make it (the vault's own services make the real ones): enough
 * to prove that grants of a person disappear.
 */
async function insertRow(table: string, values: Record<string, unknown>): Promise<void> {
  const columns = await asOwner<{ name: string; type: string; udt: string }>(
    portal,
    `SELECT column_name AS name, data_type AS type, udt_name AS udt FROM information_schema.columns
      WHERE table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`,
    [table],
  );
  const names: string[] = [];
  const placeholders: string[] = [];
  const params: unknown[] = [];
  for (const { name, type, udt } of columns) {
    names.push(name);
    if (name in values) {
      params.push(values[name]);
      placeholders.push(`$${params.length}${type === 'USER-DEFINED' ? `::${udt}` : ''}`);
    } else if (type === 'uuid') placeholders.push('gen_random_uuid()');
    else if (type === 'boolean') placeholders.push('false');
    else if (type === 'integer' || type === 'bigint') placeholders.push('1');
    else if (type.startsWith('timestamp')) placeholders.push('now()');
    else if (type === 'USER-DEFINED') placeholders.push(`(enum_range(NULL::${udt}))[1]`);
    else placeholders.push('gen_random_uuid()::text');
  }
  for (const [name, value] of Object.entries(values)) {
    if (names.includes(name)) continue;
    names.push(name);
    params.push(value);
    placeholders.push(`$${params.length}`);
  }
  await asOwner(portal, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders.join(', ')})`, params);
}

async function giveGrant(recipientId: string): Promise<void> {
  const caseId = (await asOwner<{ id: string }>(portal, 'SELECT gen_random_uuid()::text AS id'))[0]?.id;
  await insertRow('protection_case', { id: caseId });
  await insertRow('case_key_grant', { case_id: caseId, recipient_id: recipientId, key_kind: 'case' });
}

async function grantCount(recipientId: string): Promise<number> {
  return (await asOwner(portal, 'SELECT 1 FROM case_key_grant WHERE recipient_id = $1', [recipientId])).length;
}

describe('the staff directory', () => {
  it('lists summaries only, and warns while the triage team has fewer than two members', async () => {
    const alone = await directory();
    expect(Object.keys(alone.users[0] ?? {}).sort()).toEqual(Object.keys(StaffSummary.shape).sort());
    expect(alone).toMatchObject({ triageTeamSize: 0, triageTeamWarning: true });
    const supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
    const caseworker = await createStaff(portal, admin, { roles: ['caseworker'] });
    expect(await directory()).toMatchObject({ triageTeamSize: 1, triageTeamWarning: true });

    const updated = await admin.patch(`/api/admin/staff/${caseworker.client.id}`, { onCall: true });
    expect(updated.status).toBe(200);
    expect(StaffSummary.parse(await updated.json())).toMatchObject({ onCall: true, hasKeys: true });
    expect(await directory()).toMatchObject({ triageTeamSize: 2, triageTeamWarning: false });
    expect(await auditActions(caseworker.client.id)).toContain('staff.updated');
    expect(supervisor.client.session.user.roles).toEqual(['supervisor']);
  });

  it('re-certifies a key when roles change; an admin cannot drop their own admin role', async () => {
    const { client } = await createStaff(portal, admin, { roles: ['caseworker'] });
    const before = await keyOf(client.id);
    const response = await admin.patch(`/api/admin/staff/${client.id}`, { roles: ['caseworker', 'supervisor'] });
    expect(response.status).toBe(200);
    expect(StaffSummary.parse(await response.json())).toMatchObject({ roles: ['caseworker', 'supervisor'], hasKeys: true });
    const after = await keyOf(client.id);
    expect(after?.public_key).toBe(before?.public_key);
    expect(after?.certificate).not.toBe(before?.certificate);
    const session = await client.get('/api/auth/session');
    expect((await session.json()).user.roles).toEqual(['caseworker', 'supervisor']);
    expect(await auditActions(client.id)).toContain('staff.updated');

    expect((await admin.patch(`/api/admin/staff/${admin.id}`, { roles: ['supervisor'] })).status).toBe(403);
  });

  it('records the phone the alert gateway reaches, refuses anything but a number, and removes it with null', async () => {
    const { client } = await createStaff(portal, admin, { roles: ['supervisor'] });
    const set = await admin.patch(`/api/admin/staff/${client.id}`, { alertPhone: '+223 70 12 34 56' });
    expect(set.status).toBe(200);
    expect(StaffSummary.parse(await set.json()).alertPhone).toBe('+223 70 12 34 56');
    const bad = await admin.patch(`/api/admin/staff/${client.id}`, { alertPhone: '<script>' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual([{ field: 'alertPhone', message: expect.stringContaining('chiffres') }]);
    const removed = await admin.patch(`/api/admin/staff/${client.id}`, { alertPhone: null });
    expect(StaffSummary.parse(await removed.json()).alertPhone).toBeNull();
  });
});

describe('access to the admin API', () => {
  it('is 401 without a session and 403 without the admin role', async () => {
    expect((await fetch(`${portal.url}/api/admin/staff`)).status).toBe(401);
    const anonymous = await fetch(`${portal.url}/api/admin/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    const { client } = await createStaff(portal, admin, { roles: ['supervisor', 'custodian', 'auditor', 'caseworker'] });
    const forbidden = await client.get('/api/admin/staff');
    expect(forbidden.status).toBe(403);
    expect(ErrorBody.parse(await forbidden.json()).error.code).toBe('FORBIDDEN');
    expect((await client.post(`/api/admin/staff/${admin.id}/deactivate`)).status).toBe(403);
  });

  it('validates path ids as UUIDs (400) and answers 404 for nobody', async () => {
    const malformed = await admin.post('/api/admin/staff/not-a-uuid/end-sessions');
    expect(malformed.status).toBe(400);
    expect(ErrorBody.parse(await malformed.json()).error.fields?.[0]?.field).toBe('id');
    expect((await admin.post('/api/admin/staff/4f6d1c9e-0b7a-4d55-9a55-3c1f2e0d9b11/end-sessions')).status).toBe(404);
  });

  it('needs the CSRF token on admin writes', async () => {
    const response = await admin.request('POST', '/api/admin/staff', { body: { email: 'x@cndh.test', name: 'X', roles: ['caseworker'] }, csrf: false });
    expect(response.status).toBe(403);
  });
});

describe('an invited colleague', () => {
  it('activates, and the first login creates and certifies a key pair, confirms the TOTP and gives recovery codes', async () => {
    const email = 'moussa.keita@cndh.test';
    const invited = await admin.post('/api/admin/staff', { email: 'Moussa.Keita@CNDH.test', name: 'Moussa Keïta', roles: ['caseworker'], onCall: false });
    expect(invited.status).toBe(201);
    const link = ActivationLink.parse(await invited.json());
    expect(link.activationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/personnel\/activation#i\.[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(71 * 3600_000);
    expect((await admin.post('/api/admin/staff', { email, name: 'Again', roles: ['caseworker'] })).status).toBe(409);

    const pending = await summaryOf(link.userId);
    expect(pending).toMatchObject({ email, active: true, hasKeys: false, secondFactorEnrolled: false });
    const [stored] = await asOwner<{ activation_hash: string }>(portal, 'SELECT activation_hash FROM staff_user WHERE id = $1', [link.userId]);
    expect(link.activationUrl).not.toContain(stored?.activation_hash);

    const password = strongPassphrase();
    const activated = await activate(portal, link, password);
    expect(activated.status).toBe(200);
    const enrolment = ActivateResponse.parse(await activated.json());
    expect(enrolment.email).toBe(email);
    expect(enrolment.totpQrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const totpSecret = totpSecretOf(enrolment.totpUri);
    const [row] = await asOwner<{ totp_secret: string }>(portal, 'SELECT totp_secret FROM staff_user WHERE id = $1', [link.userId]);
    expect(row?.totp_secret).not.toContain(totpSecret);
    expect(await keyOf(link.userId)).toMatchObject({ public_key: null, key_epoch: 0 });

    const client = await signIn(portal, { email, password, totpSecret });
    expect(client.session.recoveryCodes).toHaveLength(10);
    expect(await keyOf(link.userId)).toMatchObject({ public_key: expect.any(String), key_epoch: 1 });
    expect(await summaryOf(link.userId)).toMatchObject({ hasKeys: true, secondFactorEnrolled: true });
    expect(await auditActions(link.userId)).toEqual(['staff.invited', 'auth.activated', 'staff.key_created', 'auth.login']);

    const again = await signIn(portal, { email, password, totpSecret }, client.session.recoveryCodes?.[0]);
    expect(again.session.recoveryCodes).toBeUndefined();
    expect(await keyOf(link.userId)).toMatchObject({ key_epoch: 1 });
  });
});

describe('ending access', () => {
  it('deactivation ends the sessions, removes the grants and refuses later logins; not for oneself', async () => {
    const { client, credentials, recoveryCodes } = await createStaff(portal, admin, { roles: ['caseworker'] });
    await giveGrant(client.id);
    expect(await grantCount(client.id)).toBe(1);

    const response = await admin.post(`/api/admin/staff/${client.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(StaffSummary.parse(await response.json())).toMatchObject({ active: false, hasKeys: false });
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect(await grantCount(client.id)).toBe(0);
    expect((await postLogin(portal, { email: credentials.email, password: credentials.password, totp: recoveryCodes[0] })).status).toBe(401);
    expect(await auditActions(client.id)).toContain('staff.deactivated');

    expect((await admin.post(`/api/admin/staff/${admin.id}/deactivate`)).status).toBe(403);
    expect((await admin.get('/api/auth/session')).status).toBe(200);
  });

  it('"end all sessions" signs the person out everywhere; they can sign in again', async () => {
    const { client, credentials, recoveryCodes } = await createStaff(portal, admin, { roles: ['caseworker'] });
    const second = await signIn(portal, credentials, recoveryCodes[0]);
    expect((await admin.post(`/api/admin/staff/${client.id}/end-sessions`)).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect((await second.get('/api/auth/session')).status).toBe(401);
    expect((await signIn(portal, credentials, recoveryCodes[1])).id).toBe(client.id);
    expect(await auditActions(client.id)).toContain('staff.sessions_ended');
  });
});

describe('resets', () => {
  it('of the second factor: the current password proves the person, the key pair stays, a new TOTP is enrolled', async () => {
    const { client, credentials, recoveryCodes } = await createStaff(portal, admin, { roles: ['caseworker'] });
    const before = await keyOf(client.id);
    const issued = await admin.post(`/api/admin/staff/${client.id}/reset-second-factor`);
    expect(issued.status).toBe(201);
    const link = ActivationLink.parse(await issued.json());
    expect(link.activationUrl).toMatch(/#s\./);
    // Until the link is used, nothing changes: the person may still sign in as before.
    expect((await signIn(portal, credentials, recoveryCodes[0])).id).toBe(client.id);

    const wrong = await activate(portal, link, strongPassphrase());
    expect(wrong.status).toBe(400);
    expect(ErrorBody.parse(await wrong.json()).error.fields?.[0]?.field).toBe('password');
    const activated = await activate(portal, link, credentials.password);
    expect(activated.status).toBe(200);
    const totpSecret = totpSecretOf(ActivateResponse.parse(await activated.json()).totpUri);
    expect(totpSecret).not.toBe(credentials.totpSecret);
    expect(await summaryOf(client.id)).toMatchObject({ secondFactorEnrolled: false, hasKeys: true });

    expect((await postLogin(portal, { email: credentials.email, password: credentials.password, totp: recoveryCodes[1] })).status).toBe(401);
    expect((await postLogin(portal, { email: credentials.email, password: credentials.password, totp: await nextTotp(credentials.totpSecret) })).status).toBe(
      401,
    );
    const renewed = await signIn(portal, { ...credentials, totpSecret });
    expect(renewed.session.recoveryCodes).toHaveLength(10);
    expect(await keyOf(client.id)).toEqual(before);
    expect(await auditActions(client.id)).toEqual(expect.arrayContaining(['staff.second_factor_reset', 'auth.activated']));
  });

  it('of the password: the key pair, grants and sessions go; the next login makes a new certified key, epoch + 1', async () => {
    const { client, credentials, recoveryCodes } = await createStaff(portal, admin, { roles: ['supervisor'] });
    await giveGrant(client.id);
    const before = await keyOf(client.id);
    expect(before?.key_epoch).toBe(1);

    const issued = await admin.post(`/api/admin/staff/${client.id}/reset-password`);
    expect(issued.status).toBe(201);
    const link = ActivationLink.parse(await issued.json());
    const password = strongPassphrase();
    const activated = await activate(portal, link, password);
    expect(activated.status).toBe(200);
    // The confirmed TOTP stays: the link alone is not enough to sign in as the person.
    expect(ActivateResponse.parse(await activated.json())).toMatchObject({ totpUri: '', totpQrSvg: '' });
    expect(await keyOf(client.id)).toMatchObject({ public_key: null, certificate: null, key_epoch: 1 });
    expect(await grantCount(client.id)).toBe(0);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect(await summaryOf(client.id)).toMatchObject({ hasKeys: false, secondFactorEnrolled: true });

    expect((await postLogin(portal, { email: credentials.email, password: credentials.password, totp: recoveryCodes[0] })).status).toBe(401);
    const renewed = await signIn(portal, { ...credentials, password });
    expect(renewed.id).toBe(client.id);
    const after = await keyOf(client.id);
    expect(after?.key_epoch).toBe(2);
    expect(after?.public_key).not.toBe(before?.public_key);
    expect(await summaryOf(client.id)).toMatchObject({ hasKeys: true });
    expect(await auditActions(client.id)).toEqual(expect.arrayContaining(['staff.password_reset', 'auth.activated', 'staff.key_created']));
  });
});

describe('npm run admin:create', () => {
  it('prints exactly one JSON object with --json, and that admin can sign in', async () => {
    const cli = join(ROOT_DIR, 'apps/api/dist/cli/admin-create.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, '--email', 'Bootstrap@CNDH.test', '--name', 'Aminata Diallo', '--json'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        ...FAST_PASSWORDS,
        ...secrets,
        DATABASE_URL: portal.databaseUrl,
        MIGRATION_DATABASE_URL: ownerUrlOf(portal),
      },
      timeout: 30_000,
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const printed = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(printed)).toEqual(['email', 'password', 'totpSecret']);
    expect(printed.email).toBe('bootstrap@cndh.test');

    const bootstrap = await signIn(portal, printed as unknown as { email: string; password: string; totpSecret: string });
    expect(bootstrap.session.user.roles).toEqual(['admin']);
    expect(await summaryOf(bootstrap.id)).toMatchObject({ hasKeys: true, secondFactorEnrolled: true });
    expect((await bootstrap.get('/api/admin/staff')).status).toBe(200);
  }, 30_000);
});
