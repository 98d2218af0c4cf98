/**
 * Staff in integration tests, created the way the portal creates them and
 * driven over real HTTP (cookie and CSRF token included):
 *
 *   const portal = await startTestPortal(FAST_PASSWORDS);
 *   const admin = await signIn(portal, await createAdmin(portal));
 *   const { client } = await createStaff(portal, admin, { roles: ['supervisor'] });
 *   const response = await client.post('/api/…', body);
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Secret, TOTP, URI } from 'otpauth';
import { ActivateResponse, ActivationLink, SessionInfo, type StaffRole } from '@mnpddh/shared';
import { StaffAccounts } from '../../apps/api/src/admin/staff-accounts.service.js';
import type { RunningPortal } from '../../apps/api/src/boot.js';

/** For startTestPortal: Argon2id at libsodium's minimum (the portal accepts it only with NODE_ENV=test). */
export const FAST_PASSWORDS = { PASSWORD_ARGON2: 'test' } as const;

export interface StaffCredentials {
  email: string;
  password: string;
  /** base32, as an authenticator app holds it */
  totpSecret: string;
}

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * A TOTP code the portal will accept: each 30-s step is good for one login,
 * so each call takes a later step than the last one for this secret (the
 * current one or the next, which the ±1 window allows), waiting for the
 * clock when both are used.
 */
export async function nextTotp(secret: string): Promise<string> {
  const current = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(current, (lastStep.get(secret) ?? -1) + 1);
  if (step > current + 1) await sleep((step - 1) * PERIOD_MS - Date.now() + 50);
  lastStep.set(secret, step);
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * PERIOD_MS });
}

/** A code that is not valid now (for "wrong second factor" tests). */
export function wrongTotp(secret: string): string {
  const valid = new Set([-1, 0, 1].map((delta) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + delta * PERIOD_MS })));
  for (let code = 0; ; code++) {
    const candidate = String(code).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** A passphrase the portal's policy accepts, different each time. */
export function strongPassphrase(): string {
  return `kora tamarin ${randomBytes(6).toString('hex')} nuit`;
}

/** A signed-in staff member: requests carry the session cookie and, on writes, the CSRF token. */
export class StaffClient {
  constructor(
    readonly baseUrl: string,
    /** `mnpddh_session=…`, ready for a Cookie header */
    readonly cookie: string,
    readonly session: SessionInfo,
  ) {}

  get id(): string {
    return this.session.user.id;
  }

  /** `csrf: false` leaves the X-CSRF-Token header out. */
  request(method: string, path: string, options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie, ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = this.session.csrfToken;
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown): Promise<Response> {
    return this.request('POST', path, { body });
  }

  patch(path: string, body: unknown): Promise<Response> {
    return this.request('PATCH', path, { body });
  }
}

/** POST /api/auth/login as it is, for tests of refusals. */
export function postLogin(portal: RunningPortal, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${portal.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('mnpddh_session='));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(';')[0] as string;
}

/** Signs in with a fresh TOTP code (or the given second factor); throws unless 200. */
export async function signIn(portal: RunningPortal, credentials: StaffCredentials, secondFactor?: string): Promise<StaffClient> {
  const totp = secondFactor ?? (await nextTotp(credentials.totpSecret));
  const response = await postLogin(portal, { email: credentials.email, password: credentials.password, totp });
  if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`);
  return new StaffClient(portal.url, sessionCookieOf(response), SessionInfo.parse(await response.json()));
}

/** A complete admin, as `npm run admin:create` makes one (same service, in process). */
export async function createAdmin(portal: RunningPortal, name = 'Admin Test'): Promise<StaffCredentials> {
  const email = `admin-${randomBytes(4).toString('hex')}@cndh.test`;
  const { password, totpSecret } = await portal.app.get(StaffAccounts).createBootstrapAdmin(email, name);
  return { email, password, totpSecret };
}

/** The token in an activation link's fragment. */
export function activationToken(link: ActivationLink): string {
  return new URL(link.activationUrl).hash.slice(1);
}

export async function activate(portal: RunningPortal, link: ActivationLink, password: string): Promise<Response> {
  return fetch(`${portal.url}/api/auth/activate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: activationToken(link), password }),
  });
}

/** The base32 secret inside an otpauth:// URI. */
export function totpSecretOf(totpUri: string): string {
  return (URI.parse(totpUri) as TOTP).secret.base32;
}

export interface CreatedStaff {
  readonly credentials: StaffCredentials;
  /** signed in once already: key pair created and certified, TOTP confirmed */
  readonly client: StaffClient;
  readonly recoveryCodes: string[];
}

/** Invite → activation → first login, as a new colleague does it. */
export async function createStaff(
  portal: RunningPortal,
  admin: StaffClient,
  options: { roles: StaffRole[]; onCall?: boolean; name?: string },
): Promise<CreatedStaff> {
  const email = `${options.roles.join('-')}-${randomBytes(4).toString('hex')}@cndh.test`;
  const invited = await admin.post('/api/admin/staff', { email, name: options.name ?? 'Agent Test', roles: options.roles, onCall: options.onCall ?? false });
  if (invited.status !== 201) throw new Error(`invite failed with ${invited.status}: ${await invited.text()}`);
  const password = strongPassphrase();
  const activated = await activate(portal, ActivationLink.parse(await invited.json()), password);
  if (activated.status !== 200) throw new Error(`activation failed with ${activated.status}: ${await activated.text()}`);
  const credentials = { email, password, totpSecret: totpSecretOf(ActivateResponse.parse(await activated.json()).totpUri) };
  const client = await signIn(portal, credentials);
  return { credentials, client, recoveryCodes: client.session.recoveryCodes ?? [] };
}

/** SQL on the portal's database as its owner (not the restricted app role): to inspect, or to play the attacker. */
export async function asOwner<T = Record<string, unknown>>(portal: RunningPortal, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ownerUrlOf(portal) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export function ownerUrlOf(portal: RunningPortal): string {
  const admin = process.env.TEST_PG_ADMIN_URL;
  if (!admin) throw new Error('TEST_PG_ADMIN_URL is unset: run through jest.');
  const url = new URL(admin);
  url.pathname = new URL(portal.databaseUrl).pathname;
  return url.toString();
}
