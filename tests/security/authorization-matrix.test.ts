/**
 * The authorisation matrix (SECURITY.md T3/T5): every /api route the
 * running portal serves, read from its router, tried by each kind of caller
 * — anonymous, a defender's follow-up session, a caseworker without and with
 * a grant, a supervisor, an auditor, an admin, all signed in for real over
 * HTTP — against the table in access-matrix.ts. A route without a row fails.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SubmissionReceipt, type StaffRole } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseGrantsService } from '../../apps/api/src/vault/case-grants.service.js';
import { createStaffWithKeys } from '../factories/staff.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient, type StaffCredentials } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';
import { ACCESS_MATRIX, CALLERS, STAFF_CALLERS, type Caller, type MatrixContext, type Outcome, type RouteAccess } from './access-matrix.js';
import { fillPath, isPlainPath, listApiRoutes, probeMethods, routeKey, type ApiRoute } from './routes.js';

const STAFF_COOKIE = 'mnpddh_session';
const FOLLOW_UP_COOKIE = 'mnpddh_follow_up';
const FORM_COOKIE = 'mnpddh_form';
/** What a plain page answers to a post it could not check (its CSRF refusal). */
const FORM_REFUSED = /Ce formulaire n’a pas pu être vérifié/;

/** What a caller sends: a cookie (`name=value`) and, for staff, the session's CSRF token. */
interface Credentials {
  readonly cookie?: string;
  readonly csrfToken?: string;
}

type StaffCaller = (typeof STAFF_CALLERS)[number];

let portal: RunningPortal;
let routes: ApiRoute[];
let context: MatrixContext;
let receipt: string;
/** A visitor's form cookie and the token a plain page gave it: what a post from our own page carries. */
let plainForm: { cookie: string; token: string };
const sessions = new Map<Caller, Credentials>();
const staffLogins = new Map<StaffCaller, StaffCredentials>();
/** Every response the suite received, searched for stack traces at the end. */
const seen: { request: string; status: number; body: string }[] = [];
/** The status each caller got on each route in the matrix run. */
const observed = new Map<string, Partial<Record<Caller, number>>>();
const staffIds = new Map<Caller, string>();

const entries = Object.entries(ACCESS_MATRIX).sort(([a], [b]) => a.localeCompare(b));
const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  routes = listApiRoutes(portal);

  // Staff, invited and signed in the way people are (key pair certified at first login).
  const adminLogin = await createAdmin(portal);
  const admin = await signIn(portal, adminLogin);
  staffLogins.set('admin', adminLogin);
  remember('admin', admin);
  const roles: [Exclude<StaffCaller, 'admin'>, StaffRole][] = [
    ['caseworker', 'caseworker'],
    ['caseworkerWithGrant', 'caseworker'],
    ['supervisor', 'supervisor'],
    ['auditor', 'auditor'],
  ];
  for (const [caller, role] of roles) {
    const created = await createStaff(portal, admin, { roles: [role] });
    staffLogins.set(caller, created.credentials);
    remember(caller, created.client);
  }

  // A holder of the case (in the triage team, key pair in hand) to grant it onward.
  const granter = await createStaffWithKeys(portal.app, ['supervisor']);
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: 'Matrice d’autorisation : un défenseur menacé à Mopti.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
      contact: { methods: ['whatsapp'], phone: '+223 70 00 00 00', safeTimes: 'le soir' },
      consent: { processing: true },
    }),
  });
  if (submitted.status !== 201) throw new Error(`submission failed with ${submitted.status}: ${await submitted.text()}`);
  const answer = SubmissionReceipt.parse(await submitted.json());
  receipt = answer.receipt;
  const [found] = await asOwner<{ id: string }>(portal, 'SELECT id FROM protection_case WHERE reference = $1', [answer.reference]);
  if (!found) throw new Error('the submitted case is not in the database');
  context = { caseId: found.id };
  await portal.app.get(CaseGrantsService).grant(granter, context.caseId, staffClientId('caseworkerWithGrant'));
  sessions.set('followUp', await openFollowUp());
  sessions.set('anonymous', {});
  plainForm = await plainFormOf();
}, 120_000);

afterAll(async () => {
  await portal?.close();
  // MATRIX_REPORT=1: the status each caller got, route by route (for reviews and the closing note).
  if (process.env.MATRIX_REPORT) {
    const lines = [`| route | ${CALLERS.join(' | ')} |`, `|---|${CALLERS.map(() => '---').join('|')}|`];
    for (const [key, statuses] of observed) lines.push(`| ${key} | ${CALLERS.map((caller) => statuses[caller] ?? '').join(' | ')} |`);
    console.log(lines.join('\n'));
  }
});

function remember(caller: StaffCaller, client: StaffClient): void {
  sessions.set(caller, { cookie: client.cookie, csrfToken: client.session.csrfToken });
  staffIds.set(caller, client.id);
}
function staffClientId(caller: StaffCaller): string {
  const id = staffIds.get(caller);
  if (!id) throw new Error(`no ${caller}`);
  return id;
}

async function openFollowUp(): Promise<Credentials> {
  const response = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  if (response.status !== 200) throw new Error(`follow-up session refused with ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${FOLLOW_UP_COOKIE}=`));
  if (!cookie) throw new Error('no follow-up cookie');
  return { cookie: cookie.split(';')[0] as string };
}

/** The form cookie and token of a fresh visitor of the plain pages. */
async function plainFormOf(): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${portal.url}/simple/rappel`);
  const cookie = page.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${FORM_COOKIE}=`))
    ?.split(';')[0];
  const token = /name="_token" value="([^"]*)"/.exec(await page.text())?.[1];
  if (!cookie || !token) throw new Error('the plain page gave no form cookie or token');
  return { cookie, token };
}

function credentialsOf(caller: Caller): Credentials {
  const credentials = sessions.get(caller);
  if (!credentials) throw new Error(`no session for ${caller}`);
  return credentials;
}

/** A fresh session of the kind a row ends, for every caller that has one. */
async function freshSessions(kind: RouteAccess['endsSession']): Promise<Map<Caller, Credentials>> {
  const fresh = new Map(sessions);
  if (kind === 'follow-up') fresh.set('followUp', await openFollowUp());
  if (kind === 'staff') {
    await Promise.all(
      STAFF_CALLERS.map(async (caller) => {
        const client = await signIn(portal, staffLogins.get(caller) as StaffCredentials);
        fresh.set(caller, { cookie: client.cookie, csrfToken: client.session.csrfToken });
      }),
    );
  }
  return fresh;
}

interface Sent {
  readonly request: string;
  readonly status: number;
  readonly body: string;
}

/** A plain page's post as a browser sends it from our own page: url-encoded fields, the form's token and cookie. */
function plainPost(
  credentials: Credentials,
  body: unknown,
  form: { cookie?: string; token?: string; site?: string } = plainForm,
): { headers: Record<string, string>; payload: string } {
  const fields = new URLSearchParams(Object.entries((body ?? {}) as Record<string, string>));
  if (form.token) fields.set('_token', form.token);
  const cookies = [credentials.cookie, form.cookie].filter(Boolean).join('; ');
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': form.site ?? 'same-origin', ...(cookies ? { cookie: cookies } : {}) },
    payload: fields.toString(),
  };
}

/** One request; `csrf` false leaves the header out, a string sends that token instead of the session's. */
async function send(
  credentials: Credentials,
  method: string,
  path: string,
  options: { body?: unknown; csrf?: boolean | string; rawBody?: string } = {},
): Promise<Sent> {
  if (isPlainPath(path) && isWrite(method) && options.rawBody === undefined) {
    const { headers, payload } = plainPost(credentials, options.body);
    return record(
      method,
      path,
      await fetch(`${portal.url}${path}`, { method, headers: { 'accept-language': 'fr', ...headers }, body: payload, redirect: 'manual' }),
    );
  }
  const headers: Record<string, string> = { 'accept-language': 'fr' };
  if (credentials.cookie) headers.cookie = credentials.cookie;
  const csrf = options.csrf ?? true;
  if (isWrite(method) && csrf !== false) {
    const token = typeof csrf === 'string' ? csrf : credentials.csrfToken;
    if (token) headers['x-csrf-token'] = token;
  }
  let payload: string | undefined = options.rawBody;
  if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${portal.url}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}), redirect: 'manual' });
  return record(method, path, response);
}

async function record(method: string, path: string, response: Response): Promise<Sent> {
  const sent = { request: `${method} ${path}`, status: response.status, body: await response.text() };
  seen.push(sent);
  return sent;
}

/** A plain page read without a follow-up session shows the receipt form where the thread would be: a 401 as a page. */
const isReceiptForm = (sent: Sent) => sent.status === 200 && isPlainPath(sent.request.split(' ')[1] ?? '') && /name="receipt"/.test(sent.body);

function outcomeOf(sent: Sent): Outcome | `unexpected ${number}` {
  const { status } = sent;
  if (status === 401 || (isReceiptForm(sent) && sent.request.startsWith('GET '))) return '401';
  // A plain form taken answers "see the thread" (post, then redirect, then get).
  if (status === 303 && isPlainPath(sent.request.split(' ')[1] ?? '')) return 'allowed';
  if (status === 403) return '403';
  if ((status >= 200 && status < 300) || (status >= 400 && status < 500)) return 'allowed';
  return `unexpected ${status}`;
}

/** The body a row's callers send: its own, or `{}` on writes (a validation 400 shows the caller got through). */
function bodyOf(access: RouteAccess, method: string): unknown {
  if (access.body !== undefined) return access.body;
  return isWrite(method) && method !== 'DELETE' ? {} : undefined;
}

function pathOf(route: ApiRoute, access: RouteAccess): string {
  return fillPath(route.path, access.params?.(context) ?? {});
}

function routeOf(key: string): ApiRoute | undefined {
  return routes.find((route) => routeKey(route) === key);
}

/** Shape of a row: who the route is for must match what the row expects of the callers. */
function rowProblems(key: string, access: RouteAccess): string[] {
  const { expect: cells, audience } = access;
  const problems: string[] = [];
  if (audience === 'public' && CALLERS.some((caller) => cells[caller] !== 'allowed')) problems.push(`${key}: public but not open to everyone`);
  if (audience === 'follow-up' && CALLERS.some((caller) => cells[caller] !== (caller === 'followUp' ? 'allowed' : '401'))) {
    problems.push(`${key}: a follow-up route must be open to the follow-up session alone (401 for everyone else)`);
  }
  if (audience === 'staff' && (cells.anonymous !== '401' || cells.followUp !== '401'))
    problems.push(`${key}: a staff route must be 401 without a staff session`);
  return problems;
}

describe('the route inventory', () => {
  it('is read from the running router and includes the routes we know of', () => {
    const keys = routes.map(routeKey);
    expect(keys).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/requests', 'POST /api/auth/login', 'GET /api/admin/staff', 'GET /api/docs-json']),
    );
    expect(keys.filter((key) => key.includes('/api/docs/') || key.endsWith(' /api/docs'))).toEqual([]);
  });

  it('has an authorisation entry for every route, and a route for every entry', () => {
    const served = new Set(routes.map(routeKey));
    const problems = [
      ...[...served].filter((key) => !(key in ACCESS_MATRIX)).map((key) => `new route without an authorisation entry: ${key}`),
      ...Object.keys(ACCESS_MATRIX)
        .filter((key) => !served.has(key))
        .map((key) => `authorisation entry for a route that no longer exists: ${key}`),
    ];
    expect(problems).toEqual([]);
  });

  it('has rows consistent with who each route is for', () => {
    expect(entries.flatMap(([key, access]) => rowProblems(key, access))).toEqual([]);
  });
});

describe('each route, by each caller', () => {
  it.each(entries)('%s', async (key, access) => {
    const route = routeOf(key);
    if (!route) return; // reported by "a route for every entry"
    const callers = access.endsSession ? await freshSessions(access.endsSession) : sessions;
    const mismatches: string[] = [];
    for (const method of probeMethods(route.method)) {
      const path = pathOf(route, access);
      const results = await Promise.all(
        CALLERS.map(async (caller) => ({ caller, sent: await send(callers.get(caller) ?? {}, method, path, { body: bodyOf(access, method) }) })),
      );
      for (const { caller, sent } of results) {
        observed.set(`${method} ${route.path}`, { ...observed.get(`${method} ${route.path}`), [caller]: sent.status });
        const got = outcomeOf(sent);
        if (got !== access.expect[caller]) {
          mismatches.push(`${method} ${route.path} as ${caller}: expected ${access.expect[caller]}, got ${sent.status} ${sent.body.slice(0, 200)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the two caseworkers differ in what they hold: only one has a grant on the case', async () => {
    const grants = await asOwner<{ recipient_id: string; n: number }>(
      portal,
      'SELECT recipient_id, count(*)::int AS n FROM case_key_grant WHERE case_id = $1 AND recipient_id = ANY($2::uuid[]) GROUP BY recipient_id',
      [context.caseId, [staffClientId('caseworker'), staffClientId('caseworkerWithGrant')]],
    );
    expect(grants).toEqual([{ recipient_id: staffClientId('caseworkerWithGrant'), n: 2 }]);
  });
});

describe('staff writes', () => {
  const staffWrites = entries.filter(([key, access]) => access.audience === 'staff' && probeMethods(key.split(' ')[0] as string).some(isWrite));

  it.each(staffWrites)('%s: 403 without X-CSRF-Token, or with another session’s token', async (key, access) => {
    const route = routeOf(key);
    if (!route) return;
    const wrong: string[] = [];
    for (const method of probeMethods(route.method).filter(isWrite)) {
      for (const caller of STAFF_CALLERS) {
        const path = pathOf(route, access);
        const body = bodyOf(access, method);
        const other = credentialsOf(caller === 'admin' ? 'supervisor' : 'admin').csrfToken as string;
        const without = await send(credentialsOf(caller), method, path, { body, csrf: false });
        const foreign = await send(credentialsOf(caller), method, path, { body, csrf: other });
        if (without.status !== 403) wrong.push(`${method} ${route.path} as ${caller} without X-CSRF-Token: expected 403, got ${without.status}`);
        if (foreign.status !== 403) wrong.push(`${method} ${route.path} as ${caller} with another session's token: expected 403, got ${foreign.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('plain writes (pages without JavaScript)', () => {
  const plainWrites = entries.filter(([key]) => key.startsWith('POST ') && isPlainPath(key.slice(5)));

  /**
   * What a post from another site looks like. A current browser says so
   * (Sec-Fetch-Site) and leaves our SameSite=Strict cookies behind; the
   * attacker cannot read our page's token. An old browser sends only an
   * Origin; a careless one might send our cookies: the token still decides.
   */
  const crossSite: [string, (credentials: Credentials, body: unknown) => ReturnType<typeof plainPost>][] = [
    ['from another site, as a current browser sends it (no token, no SameSite=Strict cookie)', (c, b) => plainPost({}, b, { site: 'cross-site' })],
    ['from another site, with our cookies sent anyway', (c, b) => plainPost(c, b, { cookie: plainForm.cookie, site: 'cross-site', token: plainForm.token })],
    ['from an old browser naming another origin', (c, b) => withoutSite(plainPost(c, b), { origin: 'https://attaquant.example' })],
    ['with a token made for another visitor', (c, b) => plainPost(c, b, { cookie: plainForm.cookie, token: otherVisitor.token })],
    ['without the form cookie', (c, b) => plainPost(c, b, { token: plainForm.token })],
  ];
  let otherVisitor: { cookie: string; token: string };

  function withoutSite(post: ReturnType<typeof plainPost>, extra: Record<string, string>): ReturnType<typeof plainPost> {
    const { 'sec-fetch-site': _site, ...headers } = post.headers;
    return { payload: post.payload, headers: { ...headers, ...extra } };
  }

  async function defenderWrites(): Promise<number> {
    const [row] = await asOwner<{ n: number }>(portal, "SELECT count(*)::int AS n FROM case_message WHERE case_id = $1 AND sender = 'defender'", [
      context.caseId,
    ]);
    return row?.n ?? 0;
  }

  it('lists every plain form that writes', () => {
    expect(plainWrites.map(([key]) => key)).toEqual(
      expect.arrayContaining(['POST /simple/demande', 'POST /simple/rappel', 'POST /simple/suivi/message', 'POST /simple/suivi/fichier']),
    );
  });

  it.each(plainWrites)('%s: a cross-site form post is refused and writes nothing', async (key, access) => {
    otherVisitor ??= await plainFormOf();
    const caller: Caller = access.audience === 'follow-up' ? 'followUp' : 'anonymous';
    // The body a real visitor would send: a complete request or call-back, a real message.
    const body = access.body ?? CROSS_SITE_BODIES[key] ?? {};
    const [casesBefore, writesBefore] = [await caseCount(), await defenderWrites()];
    const wrong: string[] = [];
    for (const [name, attack] of crossSite) {
      const { headers, payload } = attack(credentialsOf(caller), body);
      const sent = await record(
        'POST',
        key.slice(5),
        await fetch(`${portal.url}${key.slice(5)}`, { method: 'POST', headers, body: payload, redirect: 'manual' }),
      );
      const refused = FORM_REFUSED.test(sent.body) || (sent.status === 401 && /name="receipt"/.test(sent.body));
      if (!refused || sent.status < 400) wrong.push(`${key} ${name}: ${sent.status} ${sent.body.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect([await caseCount(), await defenderWrites()]).toEqual([casesBefore, writesBefore]);
    // The follow-up session survives a forged "Terminer".
    expect(isReceiptForm(await send(credentialsOf('followUp'), 'GET', '/simple/suivi'))).toBe(false);
  });
});

async function caseCount(): Promise<number> {
  const [row] = await asOwner<{ n: number }>(portal, 'SELECT count(*)::int AS n FROM protection_case');
  return row?.n ?? 0;
}

/** Bodies that would write if the post were taken. */
const CROSS_SITE_BODIES: Readonly<Record<string, Record<string, string>>> = {
  'POST /simple/rappel': { phone: '+223 70 00 00 00', lifeInDanger: 'yes', 'consent.processing': 'on' },
  'POST /simple/suivi': { receipt: '0000 0000 0000 0000 0000 0000' },
};

describe('sessions do not cross', () => {
  const staffRoutes = entries.filter(([, access]) => access.audience === 'staff');
  const followUpRoutes = entries.filter(([, access]) => access.audience === 'follow-up');

  it('a follow-up cookie never opens a staff route, under its own name or as a staff cookie', async () => {
    const followUp = credentialsOf('followUp').cookie as string;
    const value = followUp.slice(FOLLOW_UP_COOKIE.length + 1);
    const disguises: Credentials[] = [
      { cookie: followUp, csrfToken: 'x'.repeat(43) },
      { cookie: `${STAFF_COOKIE}=${value}`, csrfToken: value.split('.')[1] ?? value },
    ];
    const opened: string[] = [];
    for (const [key, access] of staffRoutes) {
      const route = routeOf(key);
      if (!route) continue;
      for (const method of probeMethods(route.method)) {
        for (const credentials of disguises) {
          const sent = await send(credentials, method, pathOf(route, access), { body: bodyOf(access, method) });
          if (outcomeOf(sent) !== '401')
            opened.push(`${sent.request} with ${credentials.cookie?.split('=')[0]}=<follow-up session>: expected 401, got ${sent.status}`);
        }
      }
    }
    expect(opened).toEqual([]);
  });

  it('a staff cookie never opens a follow-up route, under its own name or as a follow-up cookie', async () => {
    const opened: string[] = [];
    for (const caller of STAFF_CALLERS) {
      const staff = credentialsOf(caller);
      const value = (staff.cookie as string).slice(STAFF_COOKIE.length + 1);
      for (const credentials of [staff, { cookie: `${FOLLOW_UP_COOKIE}=${value}`, csrfToken: staff.csrfToken }]) {
        for (const [key, access] of followUpRoutes) {
          const route = routeOf(key);
          if (!route) continue;
          for (const method of probeMethods(route.method)) {
            const sent = await send(credentials, method, pathOf(route, access), { body: bodyOf(access, method) });
            if (outcomeOf(sent) !== '401') opened.push(`${sent.request} as ${caller} (${credentials.cookie?.split('=')[0]}): expected 401, got ${sent.status}`);
          }
        }
      }
    }
    expect(opened).toEqual([]);
  });
});

describe('responses', () => {
  it('never carry a stack trace, even for malformed input', async () => {
    // Provoke the error paths too: broken JSON, and a path parameter that is no UUID.
    for (const route of routes) {
      for (const method of probeMethods(route.method)) {
        for (const caller of ['anonymous', 'admin'] as const) {
          if (isWrite(method)) await send(credentialsOf(caller), method, fillPath(route.path), { rawBody: '{"unterminated": ' });
          if (route.path.includes(':')) await send(credentialsOf(caller), method, fillPath(route.path.replace(/:(\w+)/g, 'not-a-uuid-%ZZ')), {});
        }
      }
    }
    await send({}, 'GET', `/api/no-such-route-${randomUUID()}`);
    const traces = seen.filter(({ body }) => STACK_TRACE.some((pattern) => pattern.test(body)));
    expect(traces.map(({ request, status, body }) => `${request} → ${status}: ${body.slice(0, 300)}`)).toEqual([]);
    expect(seen.filter(({ status }) => status >= 500).map(({ request, status }) => `${request} → ${status}`)).toEqual([]);
  });
});

/** What a leaked stack or exception looks like in a body. */
const STACK_TRACE: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>[\] ]+ \(?(?:file:\/\/|node:|\/)[^)\n]*:\d+:\d+\)?/,
  /\n\s+at /,
  /node_modules\//,
  /\/apps\/api\/(?:src|dist)\//,
  /"stack"\s*:/,
  /\b(?:TypeError|ReferenceError|SyntaxError|PrismaClient\w*Error):/,
];
