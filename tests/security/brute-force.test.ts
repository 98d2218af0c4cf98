/**
 * Guessing, measured (tests/integration/auth.test.ts covers the
 * lock arithmetic one guess at a time, this file the floods): how many
 * receipt and password guesses the API lets through while a crowd of
 * guessers hammers it, and that the owner of the account under attack still
 * signs in with the right password and code during the storm.
 *
 * Receipts use the real Argon2id parameters (PASSWORD_ARGON2 applies to
 * staff passwords only); staff passwords the test-only ones. Nothing here
 * assumes a quiet machine: the bounds are ceilings that a slower machine only
 * lowers, and whatever saturates must answer 503 with Retry-After, never 500.
 */
import { randomInt } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import {
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  postLogin,
  signIn,
  strongPassphrase,
  wrongTotp,
  type StaffClient,
  type StaffCredentials,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * Receipt checks are bounded by the public work pool, not by a global budget
 * a stranger could spend: two 64 MiB Argon2id at once, each at least ~50 ms
 * even on a fast machine, so never more than 40 a second (24 digits still
 * take ~10^15 years).
 */
const RECEIPT_CHECKS_PER_SECOND_CEILING = 40;
const GUESSERS = 20;
const STORM_MS = 12_000;

let portal: RunningPortal;
let admin: StaffClient;
const figures: string[] = [];

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  admin = await signIn(portal, await createAdmin(portal));
}, 60_000);

afterAll(async () => {
  console.log(`brute force, measured:\n${figures.join('\n')}`);
  await portal?.close();
});

interface Tally {
  readonly statuses: Map<number, number>;
  readonly retryAfter: Set<string>;
  attempts: number;
}

/** `guessers` loops sending `guess()` until `ms` have passed (or `enough` says so); counts the statuses. */
async function storm(ms: number, guessers: number, guess: () => Promise<Response>, enough: (tally: Tally) => boolean = () => false): Promise<Tally> {
  const tally: Tally = { statuses: new Map(), retryAfter: new Set(), attempts: 0 };
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: guessers }, async () => {
      while (Date.now() < until && !enough(tally)) {
        const response = await guess();
        await response.arrayBuffer();
        tally.attempts++;
        tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
        if (response.status === 429 || response.status === 503) tally.retryAfter.add(response.headers.get('retry-after') ?? 'missing');
      }
    }),
  );
  return tally;
}

const count = (tally: Tally, status: number) => tally.statuses.get(status) ?? 0;
/** Anything 5xx but 503: saturation answers 503 with Retry-After (checked below), anything else is a failure. */
const serverErrors = (tally: Tally) => [...tally.statuses].filter(([status]) => status >= 500 && status !== 503);
const retryAfterValid = (tally: Tally) => [...tally.retryAfter].every((value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 60);
const describeTally = (tally: Tally) => [...tally.statuses].map(([status, n]) => `${status}×${n}`).join(' ');

function randomReceipt(): string {
  return Array.from({ length: 6 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join(' ');
}

async function submitRequest(): Promise<{ receipt: string }> {
  const response = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      summary: 'Des menaces par téléphone depuis une semaine.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
      contact: { methods: ['whatsapp'], phone: '+223 76 00 00 00' },
      consent: { processing: true },
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { receipt: string };
}

async function openFollowUp(receipt: string): Promise<Response> {
  const response = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  await response.arrayBuffer();
  return response;
}

function guessReceipt(): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt: randomReceipt() }),
  });
}

describe('receipt guessing', () => {
  it(`checks at most ${RECEIPT_CHECKS_PER_SECOND_CEILING} guesses a second whatever the crowd, and a real receipt still opens its thread`, async () => {
    const { receipt } = await submitRequest();
    const started = Date.now();
    const guessing = storm(STORM_MS, GUESSERS, guessReceipt);
    await new Promise((resolve) => setTimeout(resolve, STORM_MS / 3));
    const defender = await openFollowUp(receipt);
    const tally = await guessing;
    const seconds = (Date.now() - started) / 1000;
    // 404 = a receipt really derived and compared; 503 = the line was full or too long (Retry-After).
    const checked = count(tally, 404);
    figures.push(
      `  receipts: ${GUESSERS} guessers for ${seconds.toFixed(1)} s → ${tally.attempts} requests, ${checked} receipts checked (${describeTally(tally)}), ` +
        `≈ ${Math.round(checked / seconds)} a second; the defender's follow-up opened mid-storm (${defender.status})`,
    );
    expect(defender.status).toBe(200);
    expect(serverErrors(tally)).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    expect(checked / seconds).toBeLessThanOrEqual(RECEIPT_CHECKS_PER_SECOND_CEILING);
    expect(retryAfterValid(tally)).toBe(true);
    expect(count(tally, 404) + count(tally, 503)).toBe(tally.attempts);
  }, 120_000);
});

describe('password guessing on a staff account', () => {
  let target: StaffCredentials;
  let targetId: string;

  beforeAll(async () => {
    const created = await createStaff(portal, admin, { roles: ['supervisor'] });
    target = created.credentials;
    targetId = created.client.id;
  });

  const guessPassword = () => postLogin(portal, { email: target.email, password: strongPassphrase(), totp: wrongTotp(target.totpSecret) });

  it('is throttled under a crowd of guessers, and the owner signs in during the storm', async () => {
    const started = Date.now();
    const guessing = storm(STORM_MS, GUESSERS, guessPassword);
    // Mid-storm, the owner: right password, right code — the lock does not apply to a valid second factor.
    await new Promise((resolve) => setTimeout(resolve, STORM_MS / 2));
    const owner = await signIn(portal, target);
    const tally = await guessing;
    const seconds = (Date.now() - started) / 1000;
    const checked = count(tally, 401);
    figures.push(
      `  password: ${GUESSERS} guessers for ${seconds.toFixed(1)} s → ${tally.attempts} requests, ${checked} passwords checked (${describeTally(tally)}), ` +
        `≈ ${Math.round((checked / seconds) * 60)} checked/min; owner signed in mid-storm`,
    );
    expect(owner.id).toBe(targetId);
    expect(serverErrors(tally)).toEqual([]);
    expect(retryAfterValid(tally)).toBe(true);
    expect(count(tally, 429)).toBeGreaterThan(checked);
    // Five free failures, then locks of 1, 2, 4 … s: a dozen seconds allow a handful of lock
    // periods; each lets through at most the guesses already in flight (one per guesser).
    expect(checked).toBeLessThanOrEqual(GUESSERS * 6);
  }, 90_000);

  it('a storm at an unknown address is throttled the same way and does not touch real accounts', async () => {
    const ghost = `ghost-${randomInt(1e9)}@cndh.test`;
    const tally = await storm(4_000, GUESSERS, () => postLogin(portal, { email: ghost, password: strongPassphrase(), totp: '000000' }));
    figures.push(`  unknown address: ${tally.attempts} requests in 4 s, ${count(tally, 401)} checked (${describeTally(tally)})`);
    expect(serverErrors(tally)).toEqual([]);
    expect(count(tally, 429)).toBeGreaterThan(count(tally, 401));
    const owner = await signIn(portal, target);
    expect(owner.id).toBe(targetId);
  }, 90_000);
});
