/**
 * Availability under attack (SECURITY.md): one client floods the receipt
 * check, the staff sign-in and the request form — bounded loops on loopback
 * that stop by themselves — while real people use the portal. No global
 * budget a stranger can spend: the defender's follow-up (with the puzzle the
 * web page solves, and without JavaScript), a real submission and the
 * supervisor's sign-in each go through during the flood, and the flood's
 * urgent requests page the person on call once.
 *
 * Staff passwords use the test-only Argon2id cost, receipts the real one.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { PublicWork } from '../../apps/api/src/public-work/public-work.js';
import { solvedPuzzleHeaders } from '../support/client-puzzle.js';
import { LocalSmtp } from '../support/local-smtp.js';
import {
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  postLogin,
  signIn,
  strongPassphrase,
  type StaffClient,
  type StaffCredentials,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/** Connections the attacker keeps busy at once, and how long each flood lasts. */
const RECEIPT_FLOODERS = 80;
const SIGN_IN_FLOODERS = 200;
const SUBMISSION_FLOODERS = 60;
const FLOOD_MS = 15_000;

let portal: RunningPortal;
let supervisor: StaffCredentials;
let onCall: StaffClient;
const smtp = new LocalSmtp();

beforeAll(async () => {
  portal = await startTestPortal({ ...FAST_PASSWORDS, SMTP_URL: await smtp.start(), ALERT_FROM: 'alertes@cndh.test' });
  const admin = await signIn(portal, await createAdmin(portal));
  const created = await createStaff(portal, admin, { roles: ['supervisor'] });
  supervisor = created.credentials;
  onCall = (await createStaff(portal, admin, { roles: ['caseworker'], onCall: true })).client;
  expect((await created.client.request('PUT', '/api/admin/rota', { body: { staffIds: [onCall.id] } })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await portal?.close();
  await smtp.close();
});

interface Flood {
  /** answers received so far, by status */
  readonly statuses: Map<number, number>;
  answered: number;
  /** 503s without a usable Retry-After */
  badRetryAfter: number;
  /** resolves when every loop has stopped */
  done: Promise<void>;
}

/** `loops` requests at a time, each loop sending again as soon as answered, until `ms` have passed. */
function flood(ms: number, loops: number, send: () => Promise<Response>): Flood {
  const state: Flood = { statuses: new Map(), answered: 0, badRetryAfter: 0, done: Promise.resolve() };
  const until = Date.now() + ms;
  state.done = Promise.all(
    Array.from({ length: loops }, async () => {
      while (Date.now() < until) {
        const response = await send().catch(() => null);
        const status = response?.status ?? 0;
        await response?.arrayBuffer().catch(() => undefined);
        state.answered++;
        state.statuses.set(status, (state.statuses.get(status) ?? 0) + 1);
        if (status === 503 && !/^\d+$/.test(response?.headers.get('retry-after') ?? '')) state.badRetryAfter++;
      }
    }),
  ).then(() => undefined);
  return state;
}

/** Polls `condition` (the flood has built up, the pages have gone) instead of sleeping a guessed time. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const describeFlood = (state: Flood) => [...state.statuses].map(([status, n]) => `${status}×${n}`).join(' ');
/** Only 503 (with Retry-After) may say "too busy"; 500 or a dropped connection (0) never. */
const brokenAnswers = (state: Flood) => [...state.statuses].filter(([status]) => status === 0 || (status >= 500 && status !== 503));

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${portal.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function randomReceipt(): string {
  return Array.from({ length: 6 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join(' ');
}

const ordinaryRequest = {
  summary: 'Des menaces par téléphone depuis une semaine.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
  contact: { methods: ['whatsapp'], phone: '+223 76 00 00 00' },
  consent: { processing: true },
};

describe('a receipt flood from one client', () => {
  it("lets a real defender's follow-up through, with the page's puzzle and without JavaScript", async () => {
    const submitted = await post('/api/requests', ordinaryRequest, { 'idempotency-key': randomBytes(24).toString('base64url') });
    expect(submitted.status).toBe(201);
    const { receipt } = (await submitted.json()) as { receipt: string };

    const attack = flood(FLOOD_MS, RECEIPT_FLOODERS, () => post('/api/follow-up/session', { receipt: randomReceipt() }));
    await until(() => attack.answered >= 10);
    const [withPuzzle, withoutJavaScript] = await Promise.all([
      solvedPuzzleHeaders(portal.url).then((headers) => post('/api/follow-up/session', { receipt }, headers)),
      post('/api/follow-up/session', { receipt }),
    ]);
    await attack.done;
    console.log(`receipt flood: ${describeFlood(attack)}; defender with puzzle ${withPuzzle.status}, without JavaScript ${withoutJavaScript.status}`);
    expect(withPuzzle.status).toBe(200);
    expect(withoutJavaScript.status).toBe(200);
    expect(brokenAnswers(attack)).toEqual([]);
    expect(attack.badRetryAfter).toBe(0);
  }, 180_000);
});

/** A visitor of the pages without JavaScript: its form cookie and the token its page holds (an attacker gets his own). */
async function plainVisitor(): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${portal.url}/simple/suivi`);
  const cookie =
    page.headers
      .getSetCookie()
      .find((line) => line.startsWith('mnpddh_form='))
      ?.split(';')[0] ?? '';
  return { cookie, token: /name="_token" value="([^"]*)"/.exec(await page.text())?.[1] ?? '' };
}

function plainSignIn(visitor: { cookie: string; token: string }, receipt: string): Promise<Response> {
  return fetch(`${portal.url}/simple/suivi`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.cookie, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _token: visitor.token, receipt }).toString(),
    redirect: 'manual',
  });
}

describe('a receipt flood through the form without JavaScript', () => {
  it('waits in the same line as the API, and a real defender without JavaScript still signs in', async () => {
    const submitted = await post('/api/requests', ordinaryRequest, { 'idempotency-key': randomBytes(24).toString('base64url') });
    expect(submitted.status).toBe(201);
    const { receipt } = (await submitted.json()) as { receipt: string };
    const attacker = await plainVisitor();
    const work = portal.app.get(PublicWork);
    let deepest = 0;
    const attack = flood(FLOOD_MS, RECEIPT_FLOODERS, () => {
      deepest = Math.max(deepest, work.load.waiting);
      return plainSignIn(attacker, randomReceipt());
    });
    await until(() => attack.answered >= 10);
    const defender = await plainSignIn(await plainVisitor(), receipt);
    await attack.done;
    console.log(`plain receipt flood: ${describeFlood(attack)}; deepest line ${deepest}; defender without JavaScript ${defender.status}`);
    // The plain form's guesses queue in the public work's line (the receipt's Argon2id), as the API's do.
    expect(deepest).toBeGreaterThan(10);
    expect(defender.status).toBe(303);
    expect(defender.headers.getSetCookie().some((line) => line.startsWith('mnpddh_follow_up='))).toBe(true);
    expect(brokenAnswers(attack)).toEqual([]);
    expect(attack.badRetryAfter).toBe(0);
  }, 180_000);
});

describe('a sign-in flood from one client', () => {
  it("serves the supervisor's sign-in (password and code) ahead of the guesses", async () => {
    const guess = () => postLogin(portal, { email: `x${randomBytes(6).toString('hex')}@cndh.test`, password: strongPassphrase(), totp: '000000' });
    const attack = flood(FLOOD_MS, SIGN_IN_FLOODERS, guess);
    await until(() => attack.answered >= 200);
    const started = Date.now();
    const signedIn = await signIn(portal, supervisor).then(
      (client) => client.id,
      (error: unknown) => String(error),
    );
    const tookMs = Date.now() - started;
    await attack.done;
    console.log(`sign-in flood: ${describeFlood(attack)}; supervisor signed in after ${tookMs} ms`);
    expect(signedIn).toMatch(/^[0-9a-f-]{36}$/);
    expect(brokenAnswers(attack)).toEqual([]);
    expect(attack.badRetryAfter).toBe(0);
  }, 180_000);
});

describe('a submission flood from one client', () => {
  it('lets a real submission through, and its urgent requests page the person on call once', async () => {
    const junk = {
      summary: 'Ma vie est en danger, venez vite.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'yes' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true },
    };
    const attack = flood(FLOOD_MS, SUBMISSION_FLOODERS, () => post('/api/requests', junk));
    await until(() => attack.answered >= 5);
    const genuine = await solvedPuzzleHeaders(portal.url).then((headers) =>
      post('/api/requests', ordinaryRequest, { ...headers, 'idempotency-key': randomBytes(24).toString('base64url') }),
    );
    await attack.done;
    // Every page the flood caused has gone out or been folded into one.
    await until(async () => (await pendingDeliveries()) === 0, 120_000);
    const pages = smtp.to(onCall.session.user.email);
    console.log(`submission flood: ${describeFlood(attack)}; genuine submission ${genuine.status}; pages to the person on call: ${pages.length}`);
    expect(genuine.status).toBe(201);
    expect(attack.statuses.get(201) ?? 0).toBeGreaterThan(1);
    expect(pages).toHaveLength(1);
    expect(brokenAnswers(attack)).toEqual([]);
    expect(attack.badRetryAfter).toBe(0);
  }, 240_000);
});

async function pendingDeliveries(): Promise<number> {
  const [row] = await asOwner<{ n: number }>(
    portal,
    'SELECT count(*)::int AS n FROM alert_delivery d JOIN alert a ON a.id = d.alert_id WHERE a.acknowledged_at IS NULL AND d.sent_at IS NULL AND d.folded_at IS NULL AND d.failed_at IS NULL',
  );
  return row?.n ?? 0;
}
