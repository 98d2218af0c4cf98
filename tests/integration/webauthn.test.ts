import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { SecurityKeyList, SecurityKeyOptions, SecurityKeySummary, SessionInfo } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import {
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  nextTotp,
  postLogin,
  sessionCookieOf,
  signIn,
  StaffClient,
  strongPassphrase,
  wrongTotp,
  type CreatedStaff,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * Security keys over the real API, with a software authenticator (ES256,
 * node:crypto) standing in for the hardware: enrolment, sign-in with an
 * assertion instead of a TOTP code, and every way an assertion must fail.
 */
const ORIGIN = 'https://portail.cndh.test';
const RP_ID = 'portail.cndh.test';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

/** A CTAP2-like authenticator in a few lines: one P-256 credential, a counter, "none" attestation. */
class SoftwareKey {
  readonly credentialId = randomBytes(32);
  readonly #privateKey: KeyObject;
  readonly #cosePublicKey: Uint8Array;
  counter = 0;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    this.#privateKey = privateKey;
    this.#cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
  }

  get id(): string {
    return b64u(this.credentialId);
  }

  register(options: SecurityKeyOptions, origin = ORIGIN) {
    const clientData = JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false });
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([sha256(RP_ID), Buffer.from([0x45]), this.counterBytes(), Buffer.alloc(16), length, this.credentialId, this.#cosePublicKey]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64u(clientData), attestationObject: b64u(attestationObject), transports: ['usb'] },
      clientExtensionResults: {},
    };
  }

  /** An assertion over `challenge`; the counter moves on unless `counter` is forced. */
  assert(challenge: string, options: { origin?: string; counter?: number } = {}) {
    this.counter = options.counter ?? this.counter + 1;
    const clientData = JSON.stringify({ type: 'webauthn.get', challenge, origin: options.origin ?? ORIGIN, crossOrigin: false });
    const authData = Buffer.concat([sha256(RP_ID), Buffer.from([0x05]), this.counterBytes()]);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.#privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64u(clientData), authenticatorData: b64u(authData), signature: b64u(signature) },
      clientExtensionResults: {},
    };
  }

  private counterBytes(): Buffer {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(this.counter);
    return bytes;
  }
}

let portal: RunningPortal;
let admin: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal({ ...FAST_PASSWORDS, PUBLIC_URL: ORIGIN });
  admin = await signIn(portal, await createAdmin(portal));
});
afterAll(async () => {
  await portal?.close();
});

async function enrol(client: StaffClient, key: SoftwareKey, name = 'Clé bleue'): Promise<Response> {
  const options = SecurityKeyOptions.parse(await (await client.post('/api/auth/security-keys/options')).json());
  return client.post('/api/auth/security-keys', { name, attestation: key.register(options) });
}

async function fetchChallenge(email: string): Promise<SecurityKeyOptions> {
  const response = await fetch(`${portal.url}/api/auth/login/challenge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(200);
  return SecurityKeyOptions.parse(await response.json());
}

function loginWithKey(staff: CreatedStaff, securityKey: unknown, password = staff.credentials.password): Promise<Response> {
  return postLogin(portal, { email: staff.credentials.email, password, securityKey });
}

async function totpLogin(staff: CreatedStaff): Promise<Response> {
  return postLogin(portal, { email: staff.credentials.email, password: staff.credentials.password, totp: await nextTotp(staff.credentials.totpSecret) });
}

async function auditActions(userId: string): Promise<{ action: string; details: Record<string, unknown> }[]> {
  return asOwner(portal, 'SELECT action, details FROM audit_event WHERE actor_id = $1 ORDER BY seq', [userId]);
}

async function setPolicy(requiredRoles: string[]): Promise<void> {
  const response = await admin.request('PUT', '/api/admin/security-key-policy', { body: { requiredRoles } });
  expect(response.status).toBe(200);
}

describe('security keys', () => {
  afterEach(async () => setPolicy([]));

  it('enrols a key for a signed-in person, stores only public data, and audits it', async () => {
    const supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
    const key = new SoftwareKey();
    const enrolled = await enrol(supervisor.client, key);
    expect(enrolled.status).toBe(201);
    const summary = SecurityKeySummary.parse(await enrolled.json());
    expect(summary.name).toBe('Clé bleue');

    const list = SecurityKeyList.parse(await (await supervisor.client.get('/api/auth/security-keys')).json());
    expect(list).toEqual({ keys: [summary], required: false });
    const [row] = await asOwner<{ credential_id: string; counter: string; transports: string[] }>(
      portal,
      'SELECT credential_id, counter::text, transports FROM webauthn_credential WHERE user_id = $1',
      [supervisor.client.id],
    );
    expect(row).toEqual({ credential_id: key.id, counter: '0', transports: ['usb'] });
    expect((await auditActions(supervisor.client.id)).map((event) => event.action)).toContain('auth.security_key_added');
    // Another person's session sees none of it.
    const other = await createStaff(portal, admin, { roles: ['caseworker'] });
    expect(SecurityKeyList.parse(await (await other.client.get('/api/auth/security-keys')).json()).keys).toEqual([]);
  });

  it('refuses an enrolment answer replayed, or made for another origin', async () => {
    const staff = await createStaff(portal, admin, { roles: ['custodian'] });
    const options = SecurityKeyOptions.parse(await (await staff.client.post('/api/auth/security-keys/options')).json());
    const key = new SoftwareKey();
    const attestation = key.register(options);
    expect((await staff.client.post('/api/auth/security-keys', { name: 'Clé', attestation })).status).toBe(201);
    expect((await staff.client.post('/api/auth/security-keys', { name: 'Clé', attestation: new SoftwareKey().register(options) })).status).toBe(400);

    const fresh = SecurityKeyOptions.parse(await (await staff.client.post('/api/auth/security-keys/options')).json());
    expect(
      (await staff.client.post('/api/auth/security-keys', { name: 'Clé', attestation: new SoftwareKey().register(fresh, 'https://evil.test') })).status,
    ).toBe(400);
    // An enrolment challenge is bound to the person who asked for it.
    const stranger = await createStaff(portal, admin, { roles: ['caseworker'] });
    const theirs = SecurityKeyOptions.parse(await (await stranger.client.post('/api/auth/security-keys/options')).json());
    expect((await staff.client.post('/api/auth/security-keys', { name: 'Clé', attestation: new SoftwareKey().register(theirs) })).status).toBe(400);
  });

  it('signs in with password and key instead of a TOTP code; a replayed assertion is refused', async () => {
    const staff = await createStaff(portal, admin, { roles: ['supervisor'] });
    const key = new SoftwareKey();
    expect((await enrol(staff.client, key)).status).toBe(201);

    const options = await fetchChallenge(staff.credentials.email);
    expect(options.allowCredentials).toEqual([]);
    const assertion = key.assert(options.challenge);
    const response = await loginWithKey(staff, assertion);
    expect(response.status).toBe(200);
    sessionCookieOf(response);
    const session = SessionInfo.parse(await response.json());
    expect(session.user.id).toBe(staff.client.id);
    expect(session.securityKeyNeeded).toBeUndefined();
    const logins = (await auditActions(staff.client.id)).filter((event) => event.action === 'auth.login');
    expect(logins.at(-1)?.details).toEqual({ secondFactor: 'security-key' });

    expect((await loginWithKey(staff, assertion)).status).toBe(401);
    // The challenge itself is single-use: a fresh signature over it (counter moved on) is refused too.
    expect((await loginWithKey(staff, key.assert(options.challenge))).status).toBe(401);
    // A fresh assertion with the wrong password is refused as well.
    const again = await fetchChallenge(staff.credentials.email);
    expect((await loginWithKey(staff, key.assert(again.challenge), strongPassphrase())).status).toBe(401);
  });

  it('refuses a wrong origin, a counter gone backwards, a challenge for someone else, and a key of someone else', async () => {
    const staff = await createStaff(portal, admin, { roles: ['custodian'] });
    const key = new SoftwareKey();
    expect((await enrol(staff.client, key)).status).toBe(201);
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(staff.credentials.email)).challenge))).status).toBe(200);
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(staff.credentials.email)).challenge, { counter: 10 }))).status).toBe(200);

    const phished = key.assert((await fetchChallenge(staff.credentials.email)).challenge, { origin: 'https://portail-cndh.evil.test' });
    expect((await loginWithKey(staff, phished)).status).toBe(401);
    // A cloned key shows itself by its counter: 5 after 10 is refused.
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(staff.credentials.email)).challenge, { counter: 5 }))).status).toBe(401);
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(staff.credentials.email)).challenge, { counter: 10 }))).status).toBe(401);

    const other = await createStaff(portal, admin, { roles: ['caseworker'] });
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(other.credentials.email)).challenge, { counter: 20 }))).status).toBe(401);
    const otherKey = new SoftwareKey();
    expect((await enrol(other.client, otherKey)).status).toBe(201);
    expect((await loginWithKey(staff, otherKey.assert((await fetchChallenge(staff.credentials.email)).challenge))).status).toBe(401);

    // The key still works afterwards, with a counter that moved on.
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(staff.credentials.email)).challenge, { counter: 30 }))).status).toBe(200);
    const [row] = await asOwner<{ counter: string }>(portal, 'SELECT counter::text FROM webauthn_credential WHERE credential_id = $1', [key.id]);
    expect(row?.counter).toBe('30');
  });

  it('answers the challenge request alike for unknown addresses and staff without keys', async () => {
    const unknown = await fetchChallenge(`nobody-${randomBytes(4).toString('hex')}@cndh.test`);
    const staff = await createStaff(portal, admin, { roles: ['caseworker'] });
    const known = await fetchChallenge(staff.credentials.email);
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort());
    expect(unknown.allowCredentials).toEqual(known.allowCredentials);
    expect(unknown.challenge).not.toBe(known.challenge);
  });

  it('refuses a key row written in SQL (T7): the row is bound to its owner under the index key', async () => {
    const victim = await createStaff(portal, admin, { roles: ['supervisor'] });
    const attacker = await createStaff(portal, admin, { roles: ['caseworker'] });
    const key = new SoftwareKey();
    expect((await enrol(attacker.client, key)).status).toBe(201);
    await asOwner(portal, 'UPDATE webauthn_credential SET user_id = $1 WHERE credential_id = $2', [victim.client.id, key.id]);
    expect((await loginWithKey(victim, key.assert((await fetchChallenge(victim.credentials.email)).challenge))).status).toBe(401);
  });

  it('lets the owner through a lock with a valid key, as with a TOTP code', async () => {
    const staff = await createStaff(portal, admin, { roles: ['supervisor'] });
    const key = new SoftwareKey();
    expect((await enrol(staff.client, key)).status).toBe(201);
    const guess = () => postLogin(portal, { email: staff.credentials.email, password: strongPassphrase(), totp: wrongTotp(staff.credentials.totpSecret) });
    for (let attempt = 1; attempt <= 10; attempt++) await guess();
    expect((await guess()).status).toBe(429);
    expect((await loginWithKey(staff, key.assert((await fetchChallenge(staff.credentials.email)).challenge))).status).toBe(200);
  });

  describe('required for a role by the admin', () => {
    it('is an admin setting, audited', async () => {
      const supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
      expect((await supervisor.client.request('PUT', '/api/admin/security-key-policy', { body: { requiredRoles: [] } })).status).toBe(403);
      await setPolicy(['supervisor', 'custodian']);
      expect(await (await admin.get('/api/admin/security-key-policy')).json()).toEqual({ requiredRoles: ['custodian', 'supervisor'] });
      expect((await admin.request('PUT', '/api/admin/security-key-policy', { body: { requiredRoles: ['admin'] } })).status).toBe(400);
      expect((await auditActions(admin.id)).map((event) => event.action)).toContain('staff.security_key_policy_changed');
    });

    it('tells a person without a key to enrol one, then refuses TOTP alone once they have one', async () => {
      await setPolicy(['supervisor']);
      const supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
      const caseworker = await createStaff(portal, admin, { roles: ['caseworker'] });
      expect(supervisor.client.session.securityKeyNeeded).toBe(true);
      expect(caseworker.client.session.securityKeyNeeded).toBeUndefined();
      expect(SecurityKeyList.parse(await (await supervisor.client.get('/api/auth/security-keys')).json()).required).toBe(true);

      const key = new SoftwareKey();
      expect((await enrol(supervisor.client, key)).status).toBe(201);
      const code = await nextTotp(supervisor.credentials.totpSecret);
      const withTotp = () => postLogin(portal, { email: supervisor.credentials.email, password: supervisor.credentials.password, totp: code });
      expect((await withTotp()).status).toBe(401);
      expect((await loginWithKey(supervisor, key.assert((await fetchChallenge(supervisor.credentials.email)).challenge))).status).toBe(200);
      // A recovery code still opens the door (the key was lost); then the person enrols a new one.
      const recovery = await postLogin(portal, {
        email: supervisor.credentials.email,
        password: supervisor.credentials.password,
        totp: supervisor.recoveryCodes[0],
      });
      expect(recovery.status).toBe(200);
      // Other roles are untouched.
      expect((await totpLogin(caseworker)).status).toBe(200);
      // Once the requirement is lifted, TOTP works again (the refused code was not used up).
      await setPolicy([]);
      expect((await withTotp()).status).toBe(200);
    }, 90_000);

    it('keeps the last key while the role requires one; a spare one may go', async () => {
      await setPolicy(['custodian']);
      const custodian = await createStaff(portal, admin, { roles: ['custodian'] });
      const first = SecurityKeySummary.parse(await (await enrol(custodian.client, new SoftwareKey(), 'Première')).json());
      const refused = await custodian.client.request('DELETE', `/api/auth/security-keys/${first.id}`);
      expect(refused.status).toBe(409);
      const spare = SecurityKeySummary.parse(await (await enrol(custodian.client, new SoftwareKey(), 'Secours')).json());
      expect((await custodian.client.request('DELETE', `/api/auth/security-keys/${spare.id}`)).status).toBe(204);
      expect((await custodian.client.request('DELETE', `/api/auth/security-keys/${spare.id}`)).status).toBe(404);
      // Not someone else's.
      const other = await createStaff(portal, admin, { roles: ['caseworker'] });
      expect((await other.client.request('DELETE', `/api/auth/security-keys/${first.id}`)).status).toBe(404);
      expect((await auditActions(custodian.client.id)).map((event) => event.action)).toContain('auth.security_key_removed');
      await setPolicy([]);
      expect((await custodian.client.request('DELETE', `/api/auth/security-keys/${first.id}`)).status).toBe(204);
    });
  });

  it('validates the login body: exactly one second factor', async () => {
    const staff = await createStaff(portal, admin, { roles: ['caseworker'] });
    const neither = await postLogin(portal, { email: staff.credentials.email, password: staff.credentials.password });
    expect(neither.status).toBe(400);
  });
});
