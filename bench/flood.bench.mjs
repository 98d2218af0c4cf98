// Flood benchmark: one attacker process floods receipts, staff sign-in and
// submissions together (bench/lib/flood-attacker.mjs) while, in this process,
// a defender submits a request and opens its follow-up (solving the page's
// puzzle, as the web page does) and staff sign in with password and code.
// Each legitimate action's latency under flood against the same action on the
// calm portal, same run. Run: npm run bench:flood   (builds first; own PostgreSQL; loopback; bounded)
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { Secret, TOTP } from 'otpauth';
import { startPortal } from '../apps/api/dist/boot.js';
import { leadingZeroBits, puzzleInput } from '../packages/shared/dist/index.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const ROUNDS = 8;
const FLOOD_SECONDS = 150;
const PERIOD_MS = 30_000;

const request = {
  summary: 'Mon frère a été arrêté ce soir par des hommes en uniforme.',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
  contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
  consent: { processing: true },
};

async function puzzleHeaders(url) {
  const puzzle = await (await fetch(`${url}/api/puzzle`)).json();
  if (puzzle.difficulty === 0) return {};
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(puzzleInput(puzzle.challenge, nonce)).digest();
    if (leadingZeroBits(digest) >= puzzle.difficulty) return { 'Puzzle-Solution': puzzleInput(puzzle.challenge, nonce) };
  }
}

/** Connections the server reset under us (an idle keep-alive socket closed as it was reused), each retried once as a browser would. */
let resets = 0;

async function timed(action) {
  const start = performance.now();
  const value = await action().catch((error) => {
    if (error?.cause?.code !== 'ECONNRESET') throw error;
    resets++;
    return action();
  });
  return { value, ms: performance.now() - start };
}

async function submit(url) {
  const response = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url'), ...(await puzzleHeaders(url)) },
    body: JSON.stringify(request),
  });
  if (response.status !== 201) throw new Error(`submission answered ${response.status}`);
  return (await response.json()).receipt;
}

async function followUp(url, receipt) {
  const response = await fetch(`${url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await puzzleHeaders(url)) },
    body: JSON.stringify({ receipt }),
  });
  if (response.status !== 200) throw new Error(`follow-up answered ${response.status}`);
  await response.arrayBuffer();
}

/** Each account may use each 30-s step once (previous, current, next): the next unused one. */
const usedSteps = new Map();
function totpFor(account) {
  const current = Math.floor(Date.now() / PERIOD_MS);
  const used = usedSteps.get(account.email) ?? new Set();
  const step = [current - 1, current, current + 1].find((candidate) => !used.has(candidate));
  if (step === undefined) return null;
  used.add(step);
  usedSteps.set(account.email, used);
  return TOTP.generate({ secret: Secret.fromBase32(account.totpSecret), timestamp: step * PERIOD_MS });
}

async function signIn(url, accounts) {
  for (;;) {
    for (const account of accounts) {
      const totp = totpFor(account);
      if (!totp) continue;
      const body = JSON.stringify({ email: account.email, password: account.password, totp });
      const { value: status, ms: took } = await timed(async () => {
        const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        return response.status;
      });
      if (status !== 200) throw new Error(`sign-in answered ${status}`);
      return took;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // every step of every account used: the next one comes
  }
}

async function rounds(url, accounts) {
  const times = { submit: [], followUp: [], signIn: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const submitted = await timed(() => submit(url));
    times.submit.push(submitted.ms);
    times.followUp.push((await timed(() => followUp(url, submitted.value))).ms);
    times.signIn.push(await signIn(url, accounts));
  }
  return times;
}

function attack(url) {
  const child = spawn(process.execPath, [new URL('./lib/flood-attacker.mjs', import.meta.url).pathname, url, String(FLOOD_SECONDS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve) => child.on('close', () => resolve(JSON.parse(out || '{}'))));
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  const accounts = portal.demoAccounts.filter((account) => !account.roles.includes('custodian'));
  await submit(portal.url); // warm-up
  const calm = await rounds(portal.url, accounts);
  const attacker = attack(portal.url);
  await new Promise((resolve) => setTimeout(resolve, 5_000)); // the flood builds up
  const floodStarted = Date.now();
  const flooded = await rounds(portal.url, accounts);
  const floodRoundsSeconds = (Date.now() - floodStarted) / 1000;
  const tallies = await attacker;
  const row = (label, key) =>
    `| ${label} | ${ms(median(calm[key]))} / ${ms(p95(calm[key]))} | ${ms(median(flooded[key]))} / ${ms(p95(flooded[key]))} | ${(p95(flooded[key]) / p95(calm[key])).toFixed(1)} × |`;
  const describe = (counts) =>
    Object.entries(counts ?? {})
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  writeSection(
    '9-flood',
    `## 9. Legitimate actions under a flood from one client

\`npm run bench:flood\` (bench/flood.bench.mjs): own embedded PostgreSQL, production
Argon2id (staff 128 MiB, receipts 64 MiB), loopback. ${ROUNDS} rounds of: a
defender submits a request, then opens its follow-up with the receipt (both
solving the page's puzzle, as the web page does), then a staff member signs in
with password and TOTP code — first on the calm portal, then while one
attacker process (bench/lib/flood-attacker.mjs) keeps ${tallies.loops?.receipts ?? '?'} receipt guesses,
${tallies.loops?.signIn ?? '?'} sign-ins at invented addresses and ${tallies.loops?.submissions ?? '?'} junk urgent submissions in
flight at once, for ${FLOOD_SECONDS} s (the flooded rounds took ${floodRoundsSeconds.toFixed(0)} s).
${machineLine()}

| action | calm p50 / p95 | under flood p50 / p95 | p95 ratio |
|---|---|---|---|
${row('submit a request (`POST /api/requests`, with the puzzle)', 'submit')}
${row('open the follow-up (`POST /api/follow-up/session`, with the puzzle)', 'followUp')}
${row('staff sign-in (`POST /api/auth/login`, password + code)', 'signIn')}

Connections reset while reused (retried once, the retry counted in the time): ${resets}.
Attacker's answers: receipts ${describe(tallies.tallies?.receipts)}; sign-in ${describe(tallies.tallies?.signIn)};
submissions ${describe(tallies.tallies?.submissions)}.

What limits it: the puzzle buys three slots in four of its kind, not all of
them, so a defender still waits behind up to one Argon2id per slot plus its
share of the line; and the flood's own work (each unpriced attempt that is
served costs a 64 MiB Argon2id) competes for the same two cores, shared here
with other engineers' test runs (see the load figures above).
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
