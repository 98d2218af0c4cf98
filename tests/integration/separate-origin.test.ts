/**
 * The dashboard on its own origin (SECURITY.md T9): with STAFF_URL
 * set, every staff API route and staff page answers 404 on the public host
 * (and on any other, such as the onion address), the public form's routes
 * answer 404 on the staff host, cookies stay host-only and no CORS opens.
 * Without STAFF_URL nothing changes. Requests carry the Host header a browser
 * (through the TLS proxy) would send.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { SubmissionReceipt } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { ACCESS_MATRIX } from '../security/access-matrix.js';
import { fillPath, isPlainPath, listApiRoutes, probeMethods, routeKey } from '../security/routes.js';
import { createAdmin, FAST_PASSWORDS, nextTotp } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

const STAFF_HOST = 'equipe.cndh.test';
const PUBLIC_HOST = 'portail.cndh.test';
const ONION_HOST = 'exampleonionaddressexampleonionaddressexampleonionaddr.onion';

/** Public-audience routes of the matrix that belong to the dashboard: signing in, asking whether one is, activation, the API description. */
const STAFF_ENTRY_ROUTES = new Set([
  'POST /api/auth/login',
  'GET /api/auth/session/state',
  'POST /api/auth/activate',
  'POST /api/auth/login/challenge',
  'GET /api/docs-json',
  'GET /api/docs-yaml',
]);
const SHARED_ROUTES = new Set(['GET /api/health', 'GET /api/health/live']);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

let portal: RunningPortal;
let staffCookie: string;
let csrfToken: string;

/** One request with the Host header of our choosing (fetch would set its own). */
function send(
  base: RunningPortal,
  method: string,
  path: string,
  host: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(base.url);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { host, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function errorCode(answer: Answer): string | undefined {
  try {
    return (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

function setCookies(answer: Answer): string[] {
  const value = answer.headers['set-cookie'];
  return Array.isArray(value) ? value : value ? [value] : [];
}

async function submitRequest(host: string): Promise<Answer> {
  return send(portal, 'POST', '/api/requests', host, {
    headers: { 'idempotency-key': randomBytes(24).toString('base64url') },
    body: {
      summary: 'Origine séparée : un défenseur menacé à Ségou.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
      contact: { methods: ['whatsapp'], phone: '+223 70 00 00 00', safeTimes: 'le matin' },
      consent: { processing: true },
    },
  });
}

beforeAll(async () => {
  portal = await startTestPortal({ ...FAST_PASSWORDS, STAFF_URL: `http://${STAFF_HOST}`, PUBLIC_URL: `http://${PUBLIC_HOST}` });
  const admin = await createAdmin(portal);
  const login = await send(portal, 'POST', '/api/auth/login', STAFF_HOST, {
    body: { email: admin.email, password: admin.password, totp: await nextTotp(admin.totpSecret) },
  });
  expect(login.status).toBe(200);
  const cookie = setCookies(login).find((line) => line.startsWith('mnpddh_session='));
  expect(cookie).toBeDefined();
  // Host-only: no Domain attribute, so the browser never sends it to the public host (or any sibling).
  expect(cookie).not.toMatch(/domain=/i);
  staffCookie = (cookie as string).split(';')[0] as string;
  csrfToken = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
});

afterAll(async () => {
  await portal?.close();
});

describe('with STAFF_URL set', () => {
  it('answers 404 to every staff route on the public and onion hosts, and to every public-form route on the staff host', async () => {
    const routes = listApiRoutes(portal);
    expect(routes.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const route of routes) {
      const key = routeKey(route);
      if (SHARED_ROUTES.has(key)) continue;
      // Deny by default: a route without a matrix row is expected to be staff.
      const audience = ACCESS_MATRIX[key]?.audience ?? 'staff';
      const staffRoute = audience === 'staff' || STAFF_ENTRY_ROUTES.has(key);
      const wrongHosts = staffRoute ? [PUBLIC_HOST, ONION_HOST] : [STAFF_HOST];
      for (const method of probeMethods(route.method)) {
        for (const host of wrongHosts) {
          // Signed in as admin: even a valid staff session gets nothing on the public host.
          const answer = await send(portal, method, fillPath(route.path), host, {
            cookie: staffCookie,
            ...(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? {} : { body: {} }),
          });
          // The plain pages (no JavaScript) answer a browser: their 404 is a page, not the API's JSON.
          const notFound = isPlainPath(route.path) ? /<html/i.test(answer.body) : errorCode(answer) === 'NOT_FOUND';
          if (answer.status !== 404 || (method !== 'HEAD' && !notFound))
            leaks.push(`${method} ${route.path} on ${host}: ${answer.status} ${answer.body.slice(0, 80)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('serves the dashboard and its API on the staff host', async () => {
    expect((await send(portal, 'GET', '/api/auth/session', STAFF_HOST, { cookie: staffCookie })).status).toBe(200);
    expect((await send(portal, 'GET', '/api/admin/staff', STAFF_HOST, { cookie: staffCookie })).status).toBe(200);
    expect((await send(portal, 'GET', '/api/docs-json', STAFF_HOST)).status).toBe(200);
    const page = await send(portal, 'GET', '/personnel/dossiers', STAFF_HOST);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const root = await send(portal, 'GET', '/', STAFF_HOST);
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/personnel');
    expect((await send(portal, 'GET', '/api/health', STAFF_HOST)).status).toBe(200);
  });

  it('serves the public form, its API and the follow-up on the public and onion hosts, and refuses them on the staff host', async () => {
    for (const host of [PUBLIC_HOST, ONION_HOST]) {
      expect((await send(portal, 'GET', '/demande', host)).status).toBe(200);
      expect((await send(portal, 'GET', '/api/health', host)).status).toBe(200);
    }
    const submitted = await submitRequest(PUBLIC_HOST);
    expect(submitted.status).toBe(201);
    const { receipt } = SubmissionReceipt.parse(JSON.parse(submitted.body));
    const followUp = await send(portal, 'POST', '/api/follow-up/session', PUBLIC_HOST, { body: { receipt } });
    expect(followUp.status).toBe(200);
    expect(setCookies(followUp).join('\n')).not.toMatch(/domain=/i);

    expect((await submitRequest(STAFF_HOST)).status).toBe(404);
    expect((await send(portal, 'POST', '/api/follow-up/session', STAFF_HOST, { body: { receipt } })).status).toBe(404);
    const form = await send(portal, 'GET', '/demande', STAFF_HOST);
    expect(form.status).toBe(404);
    expect(form.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses the staff pages and spelling tricks on the public host, with no CORS opening', async () => {
    for (const path of ['/personnel', '/personnel/dossiers', '/PERSONNEL/', '/%70ersonnel']) {
      const page = await send(portal, 'GET', path, PUBLIC_HOST);
      expect([path, page.status]).toEqual([path, 404]);
      expect(page.body).not.toContain('<div id="root">');
    }
    for (const path of ['/API/auth/session', '//api/auth/session', '/api/auth/session/', '/api/auth%2Fsession']) {
      const answer = await send(portal, 'GET', path, PUBLIC_HOST, { cookie: staffCookie });
      expect([path, answer.status]).toEqual([path, 404]);
    }
    const crossOrigin = await send(portal, 'GET', '/api/auth/session', STAFF_HOST, { cookie: staffCookie, headers: { origin: `http://${PUBLIC_HOST}` } });
    expect(crossOrigin.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(portal, 'OPTIONS', '/api/cases', STAFF_HOST, {
      headers: { origin: `http://${PUBLIC_HOST}`, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('without STAFF_URL', () => {
  it('serves everything on any host, as before', async () => {
    const single = await startTestPortal(FAST_PASSWORDS);
    try {
      for (const host of [STAFF_HOST, PUBLIC_HOST]) {
        expect((await send(single, 'GET', '/api/auth/session', host)).status).toBe(401);
        expect((await send(single, 'GET', '/personnel', host)).status).toBe(200);
        expect((await send(single, 'GET', '/demande', host)).status).toBe(200);
        expect((await send(single, 'GET', '/', host)).status).toBe(200);
      }
    } finally {
      await single.close();
    }
  });
});
