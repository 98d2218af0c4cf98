// Intake benchmark: submission latency against the cost of one receipt
// Argon2id measured alongside, in the same process, interleaved (the machine
// may be shared: the ratio is what to compare). Bundle size: bundle.bench.mjs.
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
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
