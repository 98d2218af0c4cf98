// Intake benchmark: submission latency against the cost of one receipt
// Argon2id measured alongside, in the same process, interleaved (the machine
// may be shared: the ratio is what to compare); then 8 concurrent submitters
// through HTTP against 8 concurrent bare derivations (the floor on these
// cores), throughput and latency of each. Bundle size: bundle.bench.mjs.
// Run: npm run bench:intake   (builds first; starts its own PostgreSQL; bounded; loopback only)
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { deriveReceiptKeys, generateReceipt, generateSecret, parseReceiptPepper } from '../apps/api/dist/crypto/index.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const ROUNDS = 20;
const CONCURRENT = 8;
const EACH = Number(process.env.BENCH_INTAKE_EACH ?? 4);
const pepper = parseReceiptPepper(generateSecret('receipt-pepper'));

async function argon2Once() {
  const start = performance.now();
  const keys = await deriveReceiptKeys(generateReceipt(), pepper);
  const elapsed = performance.now() - start;
  keys.wrappingKey.destroy();
  keys.identity.destroy();
  return elapsed;
}

/** Submissions and derivations one after the other, so both see the same load. */
async function interleaved(url) {
  const argon = [];
  const submit = [];
  for (let i = 0; i < ROUNDS; i++) {
    argon.push(await argon2Once());
    submit.push(...(await submissions(url, 1)));
  }
  return { argon, submit };
}

/** `CONCURRENT` workers each running `task` `EACH` times: wall time and every latency. */
async function concurrently(task) {
  const latencies = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      for (let i = 0; i < EACH; i++) latencies.push(...(await task()));
    }),
  );
  return { wall: performance.now() - start, latencies };
}

/** Both sides twice, alternating, so a change in the machine's load falls on both. */
async function concurrentComparison(url) {
  const argon = { wall: 0, latencies: [] };
  const submit = { wall: 0, latencies: [] };
  for (let pass = 0; pass < 2; pass++) {
    for (const [side, task] of [
      [argon, async () => [await argon2Once()]],
      [submit, () => submissions(url, 1)],
    ]) {
      const run = await concurrently(task);
      side.wall += run.wall;
      side.latencies.push(...run.latencies);
    }
  }
  const perSecond = (side) => side.latencies.length / (side.wall / 1000);
  return { argon, submit, argonRate: perSecond(argon), submitRate: perSecond(submit) };
}

async function submissions(url, rounds) {
  const body = JSON.stringify({
    summary: 'Mon frère a été arrêté ce soir par des hommes en uniforme.',
    rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
    contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
    consent: { processing: true },
  });
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const response = await fetch(`${url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
      body,
    });
    if (response.status !== 201) throw new Error(`submission answered ${response.status}`);
    await response.json();
    times.push(performance.now() - start);
  }
  return times;
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  await submissions(portal.url, 5); // warm-up, not counted
  await argon2Once();
  const { argon, submit } = await interleaved(portal.url);
  const ratio = median(submit) / median(argon);
  const together = await concurrentComparison(portal.url);
  const n = together.argon.latencies.length;
  writeSection(
    '3-intake',
    `## 3. Submission latency against one Argon2id receipt derivation

\`npm run bench:intake\` (bench/intake.bench.mjs): own embedded PostgreSQL,
loopback; after 5 warm-up submissions, ${ROUNDS} rounds of one receipt Argon2id
(\`deriveReceiptKeys\`, 64 MiB, t=3, on the native thread pool, in the bench
process) followed by one \`POST /api/requests\` (first step of the form:
validation, Argon2id, two keys, five encrypted fields, grants to escrow and
triage team, counters, audit, one transaction), one request at a time.
${machineLine()}

| measure | median | p95 |
|---|---|---|
| one receipt Argon2id (64 MiB, t=3) | ${ms(median(argon))} | ${ms(p95(argon))} |
| \`POST /api/requests\`, first step | ${ms(median(submit))} | ${ms(p95(submit))} |
| **ratio submission / Argon2id** (medians) | **${ratio.toFixed(2)}** | ${(p95(submit) / p95(argon)).toFixed(2)} (p95s) |

**${CONCURRENT} at once.** Then, in the same run, ${CONCURRENT} concurrent submitters through HTTP
(each ${EACH} submissions one after the other) against ${CONCURRENT} concurrent bare receipt
derivations in the bench process (each ${EACH} in a row: the floor on these
cores), each side twice, alternating; n=${n} each. The portal runs at most 2
receipt derivations at once (its worker pool; the rest queue), the bare side
as many as libuv's thread pool takes (4); both are bound by the 2 cores.

| ${CONCURRENT} concurrent | throughput | latency p50 | latency p95 |
|---|---|---|---|
| bare receipt Argon2id | ${together.argonRate.toFixed(2)} /s | ${ms(median(together.argon.latencies))} | ${ms(p95(together.argon.latencies))} |
| \`POST /api/requests\` over HTTP | ${together.submitRate.toFixed(2)} /s | ${ms(median(together.submit.latencies))} | ${ms(p95(together.submit.latencies))} |
| **ratio submissions / Argon2id** | **${(together.submitRate / together.argonRate).toFixed(2)}** (throughput) | ${(median(together.submit.latencies) / median(together.argon.latencies)).toFixed(2)} | ${(p95(together.submit.latencies) / p95(together.argon.latencies)).toFixed(2)} |
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
