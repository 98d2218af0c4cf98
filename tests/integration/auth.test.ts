import { Writable } from 'node:stream';
import { ActivationLink, ErrorBody, SessionInfo, SessionState } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { createPasswordRecord } from '../../apps/api/src/crypto/index.js';
import { createTestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';
import {
  activate,
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  nextTotp,
  postLogin,
  sessionCookieOf,
  signIn,
  sleep,
  StaffClient,
  strongPassphrase,
  wrongTotp,
  type StaffCredentials,
} from '../support/staff.js';

/** Every log line of the suite, searched for secrets at the end. */
const logLines: string[] = [];
/** Every secret the suite handled: none may reach a log line. */
const secretsSeen: string[] = [];

let portal: RunningPortal;
let admin: StaffClient;

beforeAll(async () => {
  const database = await createTestDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  portal = await startPortal(
    {
      ...testSecrets(),
      ...FAST_PASSWORDS,
      NODE_ENV: 'test',
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      PORT: '0',
      LOG_LEVEL: 'trace',
    },
    sink,
  );
  admin = await signIn(portal, await createAdmin(portal));
});

afterAll(async () => {
  await portal?.close();
});

/** A new caseworker, signed in once; their secrets are remembered for the log search. */
async function newColleague() {
  const created = await createStaff(portal, admin, { roles: ['caseworker'] });
  secretsSeen.push(created.credentials.password, created.credentials.totpSecret, created.client.cookie.split('=')[1] as string, ...created.recoveryCodes);
  return created;
}

async function errorOf(response: Response) {
  return ErrorBody.parse(await response.json()).error;
}

function loginBody(credentials: StaffCredentials, totp: string) {
  return { email: credentials.email, password: credentials.password, totp };
}

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict cookie for /api only, and the session answers with it', async () => {
    const { credentials } = await newColleague();
    const response = await postLogin(portal, loginBody(credentials, await nextTotp(credentials.totpSecret)));
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('mnpddh_session=')) ?? '';
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\/api(;|$)/);
    // Plain http in tests: not Secure; and no Expires: the cookie dies with the browser.
    expect(setCookie).not.toMatch(/; Secure/i);
    expect(setCookie).not.toMatch(/Expires|Max-Age/i);

    const info = SessionInfo.parse(await response.json());
    expect(info.user.email).toBe(credentials.email);
    expect(info.recoveryCodes).toBeUndefined();
    const session = await fetch(`${portal.url}/api/auth/session`, { headers: { cookie: sessionCookieOf(response) } });
    expect(session.status).toBe(200);
    const again = SessionInfo.parse(await session.json());
    expect(again.user.id).toBe(info.user.id);
    expect(again.csrfToken).toBe(info.csrfToken);
    expect(Date.parse(again.absoluteExpiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(Date.parse(again.idleExpiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('refuses a wrong code, a wrong password and an unknown address alike: 401, one message', async () => {
    const { credentials } = await newColleague();
    const wrongCode = await postLogin(portal, loginBody(credentials, wrongTotp(credentials.totpSecret)));
    const wrongPassword = await postLogin(portal, { ...loginBody(credentials, await nextTotp(credentials.totpSecret)), password: strongPassphrase() });
    const unknown = await postLogin(portal, { email: 'nobody@cndh.test', password: strongPassphrase(), totp: '123456' });
    const bodies = await Promise.all([wrongCode, wrongPassword, unknown].map((response) => response.text()));
    expect([wrongCode.status, wrongPassword.status, unknown.status]).toEqual([401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
    expect(ErrorBody.parse(JSON.parse(bodies[0] as string)).error.code).toBe('UNAUTHENTICATED');
    const failures = await asOwner<{ reason: string; actor: string | null }>(
      portal,
      "SELECT details->>'reason' AS reason, actor_id::text AS actor FROM audit_event WHERE action = 'auth.login_failed' ORDER BY seq",
    );
    expect(failures).toEqual(
      expect.arrayContaining([
        { reason: 'wrong_second_factor', actor: expect.any(String) },
        { reason: 'wrong_password', actor: expect.any(String) },
        { reason: 'unknown_account', actor: null },
      ]),
    );
  });

  it('accepts a TOTP code once: the same code again is refused', async () => {
    const { credentials } = await newColleague();
    const code = await nextTotp(credentials.totpSecret);
    expect((await postLogin(portal, loginBody(credentials, code))).status).toBe(200);
    expect((await postLogin(portal, loginBody(credentials, code))).status).toBe(401);
  });

  it('accepts a recovery code once, and audits its use', async () => {
    const { credentials, recoveryCodes } = await newColleague();
    expect(recoveryCodes).toHaveLength(10);
    const code = recoveryCodes[0] as string;
    const client = await signIn(portal, credentials, code.toUpperCase());
    expect(client.session.user.email).toBe(credentials.email);
    expect((await postLogin(portal, loginBody(credentials, code))).status).toBe(401);
    const used = await asOwner(portal, "SELECT 1 FROM audit_event WHERE action = 'auth.recovery_code_used' AND actor_id = $1", [client.id]);
    expect(used).toHaveLength(1);
    const stored = await asOwner<{ code_hash: string }>(portal, 'SELECT code_hash FROM recovery_code WHERE user_id = $1', [client.id]);
    expect(stored.map((row) => row.code_hash).join()).not.toContain(code.replace('-', ''));
  });

  it('slows repeated wrong passwords (429, Retry-After); guesses while locked count too; the lock ends by itself', async () => {
    const { credentials, client } = await newColleague();
    const guess = () => postLogin(portal, { ...loginBody(credentials, wrongTotp(credentials.totpSecret)), password: strongPassphrase() });
    for (let attempt = 1; attempt <= 6; attempt++) expect((await guess()).status).toBe(401);
    const locked = await guess();
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect((await errorOf(locked)).code).toBe('RATE_LIMITED');
    // Locked: even the right password without a valid code is refused, and counted.
    expect((await postLogin(portal, loginBody(credentials, wrongTotp(credentials.totpSecret)))).status).toBe(429);
    const [row] = await asOwner<{ failed_logins: number; locked_until: Date }>(portal, 'SELECT failed_logins, locked_until FROM staff_user WHERE id = $1', [
      client.id,
    ]);
    expect(row?.failed_logins).toBe(8);

    await sleep(Math.max(0, (row?.locked_until.getTime() ?? 0) - Date.now()) + 100);
    expect((await guess()).status).toBe(401);
  }, 30_000);

  it('while locked, a right code with a wrong password and a wrong code get the same answer, and both count toward the lock', async () => {
    const { credentials, client } = await newColleague();
    const wrongPassword = strongPassphrase();
    for (let attempt = 1; attempt <= 6; attempt++)
      await postLogin(portal, { ...loginBody(credentials, wrongTotp(credentials.totpSecret)), password: wrongPassword });
    const failures = async () =>
      (await asOwner<{ failed_logins: number }>(portal, 'SELECT failed_logins FROM staff_user WHERE id = $1', [client.id]))[0]?.failed_logins;
    const rightCode = await nextTotp(credentials.totpSecret);
    const answer = async (totp: string) => {
      // The same lock for both, so the same Retry-After is due.
      await asOwner(portal, 'UPDATE staff_user SET locked_until = $2 WHERE id = $1', [client.id, new Date(Date.now() + 30_000)]);
      const response = await postLogin(portal, { ...loginBody(credentials, totp), password: wrongPassword });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
    };
    const before = await failures();
    const withRightCode = await answer(rightCode);
    expect(await failures()).toBe((before ?? 0) + 1);
    const withWrongCode = await answer(wrongTotp(credentials.totpSecret));
    expect(await failures()).toBe((before ?? 0) + 2);
    expect(withWrongCode).toEqual(withRightCode);
    expect(withRightCode.status).toBe(429);
    const audited = await asOwner<{ reason: string }>(
      portal,
      "SELECT details->>'reason' AS reason FROM audit_event WHERE action = 'auth.login_failed' AND actor_id = $1 ORDER BY seq DESC LIMIT 2",
      [client.id],
    );
    expect(audited.map((row) => row.reason).sort()).toEqual(['wrong_password', 'wrong_password']);
  });

  it('while locked, a right code with a wrong password takes the time a wrong code takes (measured)', async () => {
    const { credentials, client } = await newColleague();
    const wrongPassword = strongPassphrase();
    for (let attempt = 1; attempt <= 6; attempt++)
      await postLogin(portal, { ...loginBody(credentials, wrongTotp(credentials.totpSecret)), password: wrongPassword });
    // The suite's test cost makes a hash about a millisecond, lost in the noise: the record is made
    // costly enough for a skipped hash to show (tens of milliseconds), then put back for the last check.
    const [saved] = await asOwner<{ password_record: string }>(portal, 'SELECT password_record FROM staff_user WHERE id = $1', [client.id]);
    const { record } = await createPasswordRecord(credentials.password, { version: 1, opslimit: 3, memlimit: 32 * 1024 * 1024 });
    await asOwner(portal, 'UPDATE staff_user SET password_record = $2 WHERE id = $1', [client.id, JSON.stringify(record)]);
    const timed = async (totp: string) => {
      // Held locked for the whole measurement, whatever the count says.
      await asOwner(portal, 'UPDATE staff_user SET locked_until = $2 WHERE id = $1', [client.id, new Date(Date.now() + 60_000)]);
      const started = process.hrtime.bigint();
      const response = await postLogin(portal, { ...loginBody(credentials, totp), password: wrongPassword });
      await response.text();
      expect(response.status).toBe(429);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const right: number[] = [];
    const wrong: number[] = [];
    // Valid for its window and the next: a refusal never uses it up.
    const rightCode = await nextTotp(credentials.totpSecret);
    for (let round = 0; round < 30; round++) {
      // Alternating which goes first.
      const pair =
        round % 2 === 0
          ? [await timed(rightCode), await timed(wrongTotp(credentials.totpSecret))]
          : [await timed(wrongTotp(credentials.totpSecret)), await timed(rightCode)].reverse();
      right.push(pair[0] as number);
      wrong.push(pair[1] as number);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    // The median of each pair's own difference: both halves of a pair ran under the same load, so a
    // busy machine's drift cancels out, where the difference of two medians carried it (CI saw 5 ms of noise).
    const difference = median(right.map((time, index) => time - (wrong[index] as number)));
    console.log(
      `locked account, 30 pairs: median ${median(right).toFixed(1)} ms with a right code, ${median(wrong).toFixed(1)} ms with a wrong one (paired difference ${difference.toFixed(1)} ms)`,
    );
    // Before, a wrong code was refused without the Argon2id work: the difference was the whole hash,
    // most of a refusal's time; a third of it leaves room for noise and none for the hash.
    expect(Math.abs(difference)).toBeLessThan(median(wrong) / 3);
    // The code was right all along: with the password it signs in (the lock lifted for it).
    await asOwner(portal, 'UPDATE staff_user SET locked_until = NULL, password_record = $2 WHERE id = $1', [client.id, saved?.password_record]);
    expect((await postLogin(portal, loginBody(credentials, rightCode))).status).toBe(200);
  }, 240_000);

  it('lets the owner in while a stranger keeps the account locked: a valid second factor passes the lock', async () => {
    const { credentials, client } = await newColleague();
    const guess = () => postLogin(portal, { ...loginBody(credentials, wrongTotp(credentials.totpSecret)), password: strongPassphrase() });
    for (let attempt = 1; attempt <= 10; attempt++) await guess();
    expect((await guess()).status).toBe(429);
    const owner = await signIn(portal, credentials);
    expect(owner.id).toBe(client.id);
    const [row] = await asOwner<{ failed_logins: number; locked_until: Date | null }>(
      portal,
      'SELECT failed_logins, locked_until FROM staff_user WHERE id = $1',
      [client.id],
    );
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('locks an unknown address exactly like an account, so the lock tells nothing', async () => {
    const guess = () => postLogin(portal, { email: 'ghost@cndh.test', password: strongPassphrase(), totp: '000000' });
    for (let attempt = 1; attempt <= 6; attempt++) expect((await guess()).status).toBe(401);
    const locked = await guess();
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
  });

  it('rotates the session at login: the session presented is ended', async () => {
    const { credentials, client, recoveryCodes } = await newColleague();
    const response = await postLogin(portal, loginBody(credentials, recoveryCodes[0] as string), client.cookie);
    expect(response.status).toBe(200);
    expect(sessionCookieOf(response)).not.toBe(client.cookie);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });
});

describe('sessions', () => {
  it('end at logout: 204, the cookie cleared, the row gone', async () => {
    const { client } = await newColleague();
    const response = await client.post('/api/auth/logout');
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(/mnpddh_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect(await asOwner(portal, 'SELECT 1 FROM staff_session WHERE user_id = $1', [client.id])).toHaveLength(0);
    const audited = await asOwner(portal, "SELECT 1 FROM audit_event WHERE action = 'auth.logout' AND actor_id = $1", [client.id]);
    expect(audited).toHaveLength(1);
  });

  it('refuse a write without the CSRF token (403) and anyone without a session (401)', async () => {
    const { client } = await newColleague();
    expect((await client.request('POST', '/api/auth/logout', { csrf: false })).status).toBe(403);
    const forged = await fetch(`${portal.url}/api/auth/logout`, { method: 'POST', headers: { cookie: client.cookie, 'x-csrf-token': 'A'.repeat(43) } });
    expect(forged.status).toBe(403);
    expect((await client.get('/api/auth/session')).status).toBe(200);

    const anonymous = await fetch(`${portal.url}/api/auth/session`);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${portal.url}/api/auth/logout`, { method: 'POST' })).status).toBe(401);
    const tampered = await fetch(`${portal.url}/api/auth/session`, { headers: { cookie: `${client.cookie.slice(0, -2)}xx` } });
    expect(tampered.status).toBe(401);
  });

  it('say whether one is signed in without a 401: null with no session, an idle-ended or a tampered one; the session when valid', async () => {
    const { client } = await newColleague();
    const stateOf = async (cookie?: string) => {
      const response = await fetch(`${portal.url}/api/auth/session/state`, { headers: cookie ? { cookie } : {} });
      expect(response.status).toBe(200);
      return SessionState.parse(await response.json()).session;
    };
    expect(await stateOf()).toBeNull();
    expect(await stateOf(`${client.cookie.slice(0, -2)}xx`)).toBeNull();
    expect((await stateOf(client.cookie))?.user.id).toBe(client.id);
    await asOwner(portal, "UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [client.id]);
    expect(await stateOf(client.cookie)).toBeNull();
  });

  it('end after 30 idle minutes', async () => {
    const { client } = await newColleague();
    await asOwner(portal, "UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [client.id]);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect(await asOwner(portal, 'SELECT 1 FROM staff_session WHERE user_id = $1', [client.id])).toHaveLength(0);
  });

  it('end after 12 hours however active', async () => {
    const { client } = await newColleague();
    await asOwner(portal, "UPDATE staff_session SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE user_id = $1", [client.id]);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('give nothing to a role added in SQL: the certificate no longer matches', async () => {
    const { client } = await newColleague();
    await asOwner(portal, "UPDATE staff_user SET roles = '{caseworker,admin}' WHERE id = $1", [client.id]);
    expect((await client.get('/api/admin/staff')).status).toBe(401);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });
});

describe('passwords', () => {
  it('change: the same key pair under the new password; the other sessions end', async () => {
    const { credentials, client, recoveryCodes } = await newColleague();
    const other = await signIn(portal, credentials, recoveryCodes[0]);
    const [before] = await asOwner<{ public_key: string; wrapped_private_key: string }>(
      portal,
      'SELECT public_key, wrapped_private_key FROM staff_user WHERE id = $1',
      [client.id],
    );

    const common = await client.post('/api/auth/password', { currentPassword: credentials.password, newPassword: 'motdepasse2024!' });
    expect(common.status).toBe(400);
    expect((await errorOf(common)).fields?.map((field) => field.field)).toEqual(['newPassword']);
    const wrongCurrent = await client.post('/api/auth/password', { currentPassword: strongPassphrase(), newPassword: strongPassphrase() });
    expect(wrongCurrent.status).toBe(400);
    expect((await errorOf(wrongCurrent)).fields?.map((field) => field.field)).toEqual(['currentPassword']);

    const newPassword = strongPassphrase();
    secretsSeen.push(newPassword);
    expect((await client.post('/api/auth/password', { currentPassword: credentials.password, newPassword })).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await other.get('/api/auth/session')).status).toBe(401);

    const [after] = await asOwner<{ public_key: string; wrapped_private_key: string }>(
      portal,
      'SELECT public_key, wrapped_private_key FROM staff_user WHERE id = $1',
      [client.id],
    );
    expect(after?.public_key).toBe(before?.public_key);
    expect(after?.wrapped_private_key).not.toBe(before?.wrapped_private_key);
    expect((await postLogin(portal, loginBody(credentials, recoveryCodes[1] as string))).status).toBe(401);
    expect((await signIn(portal, { ...credentials, password: newPassword }, recoveryCodes[2])).id).toBe(client.id);
  });

  it('refuses a common password at activation, on the password field; a link works once', async () => {
    const invited = await admin.post('/api/admin/staff', { email: 'new-colleague@cndh.test', name: 'Awa Traoré', roles: ['caseworker'] });
    const link = ActivationLink.parse(await invited.json());
    const common = await activate(portal, link, 'azertyuiop2024');
    expect(common.status).toBe(400);
    expect((await errorOf(common)).fields?.map((field) => field.field)).toEqual(['password']);
    expect((await activate(portal, link, strongPassphrase())).status).toBe(200);
    const reused = await activate(portal, link, strongPassphrase());
    expect(reused.status).toBe(404);
  });
});

describe('logs', () => {
  it('never hold a password, a TOTP secret, a recovery code or a session cookie', () => {
    expect(logLines.length).toBeGreaterThan(10);
    const log = logLines.join('');
    for (const secret of secretsSeen) expect(log.includes(secret)).toBe(false);
    expect(log).not.toMatch(/mnpddh_session=/);
  });
});
