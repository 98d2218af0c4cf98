// Intake benchmark: submission latency against the cost of one receipt
// Argon2id on the same machine, and the public bundle's size (gzip).
// Run: npm run bench:intake   (builds first; starts its own PostgreSQL; bounded; loopback only)
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { deriveReceiptKeys, generateReceipt, generateSecret, parseReceiptPepper } from '../apps/api/dist/crypto/index.js';

const ROUNDS = 20;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95) - 1];

async function argon2Once() {
  const pepper = parseReceiptPepper(generateSecret('receipt-pepper'));
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const keys = await deriveReceiptKeys(generateReceipt(), pepper);
    times.push(performance.now() - start);
    keys.wrappingKey.destroy();
    keys.identity.destroy();
  }
  return times;
}

async function submissions(url) {
  const body = JSON.stringify({
    summary: 'Mon frère a été arrêté ce soir par des hommes en uniforme.',
    rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
    contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
    consent: { processing: true },
  });
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
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

async function bundleSizes() {
  const dir = new URL('../apps/web/dist/assets/', import.meta.url);
  const sizes = [];
  for (const name of await readdir(dir)) {
    const content = await readFile(new URL(name, dir));
    sizes.push({ name, raw: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  return sizes.sort((a, b) => a.name.localeCompare(b.name));
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  const argon = await argon2Once();
  await submissions(portal.url); // warm-up round, not counted
  const submit = await submissions(portal.url);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}; node ${process.version}; ${new Date().toISOString()}`);
  console.log(`receipt Argon2id (64 MiB, t=3): median ${median(argon).toFixed(0)} ms, p95 ${p95(argon).toFixed(0)} ms (n=${ROUNDS})`);
  console.log(`POST /api/requests (first step): median ${median(submit).toFixed(0)} ms, p95 ${p95(submit).toFixed(0)} ms (n=${ROUNDS})`);
  console.log(`ratio submission / Argon2id (medians): ${(median(submit) / median(argon)).toFixed(2)}`);
  console.log('web bundle (apps/web/dist/assets):');
  for (const file of await bundleSizes()) console.log(`  ${file.name.padEnd(40)} ${(file.raw / 1024).toFixed(1)} KiB raw, ${(file.gzip / 1024).toFixed(1)} KiB gzip`);
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
