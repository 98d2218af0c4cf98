// One large file through the REAL follow-up upload route of a running
// portal: `node apps/api/dist/main.js` spawned as its own process (embedded
// PostgreSQL, demo mode, a temporary DATA_DIR), a request submitted, a
// follow-up session opened with its receipt, then the file sent as the web
// client sends it — POST /api/follow-up/uploads, PATCHes of the server's
// chunk size in order — into the file store. The SERVER's resident memory is
// read from /proc/<pid>/status every 50 ms; the same number of bytes is
// written to the same disk with `dd … conv=fsync` (as durable as the store,
// which syncs the finished file) and without it, in the same run.
// Run: npm run bench:upload   (builds what is stale; BENCH_UPLOAD_FILE_MIB, default 1024; temp dir deleted)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ReadableStream } from 'node:stream/web';
import { clearInterval, setInterval } from 'node:timers';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encryptedFileSize } from '../apps/api/dist/crypto/index.js';
import { freePort } from '../apps/api/dist/database/free-port.js';
import { machineLine, writeSection } from './lib/report.mjs';

const MIB = 1024 * 1024;
const SIZE_MIB = Math.min(Number(process.env.BENCH_UPLOAD_FILE_MIB ?? 1024), 4096);
const SIZE = SIZE_MIB * MIB;
/** Bytes per PATCH: a tus client sends large ones; the web client sends the server's suggested chunk (BENCH_UPLOAD_PATCH_MIB=0.5). */
const PATCH_BYTES = Math.round(Number(process.env.BENCH_UPLOAD_PATCH_MIB ?? 64) * MIB);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'apps/api/dist/main.js');
/** Different random blocks, reused: the server encrypts each byte whatever it is; the client stays small. */
const BLOCKS = Array.from({ length: 16 }, () => randomBytes(512 * 1024));
BLOCKS[0].write('%PDF-1.7\n', 0, 'latin1');

/** The server process's resident memory, as the kernel counts it. */
function rssOf(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error('no VmRSS for the server process');
  return Number(line[1]) * 1024;
}

/** CPU time (user + system, seconds) the server process has used: what the upload costs whatever the machine's load. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

async function startServer(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'production', MAX_UPLOAD_BYTES: String(SIZE) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}: ${stderr.slice(0, 500)}`);
    if (Date.now() - started > 180_000) throw new Error('no healthy answer in time');
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function followUpCookie(url) {
  const submitted = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: 'Banc d’essai : un grand fichier en suivi.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true },
    }),
  });
  if (submitted.status !== 201) throw new Error(`request refused: ${submitted.status}`);
  const { receipt } = await submitted.json();
  const opened = await fetch(`${url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  if (opened.status !== 200) throw new Error(`follow-up refused: ${opened.status}`);
  return (opened.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Sends `size` bytes of a PDF-looking file as the web client does; returns the time of each PATCH. */
async function upload(url, cookie, size) {
  const started = await fetch(`${url}/api/follow-up/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ kind: 'file', name: 'bench.pdf', type: 'application/pdf', size }),
  });
  if (started.status !== 201) throw new Error(`upload refused: ${started.status} ${await started.text()}`);
  const { uploadId } = await started.json();
  const times = [];
  for (let at = 0; at < size; at += PATCH_BYTES) {
    const length = Math.min(PATCH_BYTES, size - at);
    const t0 = performance.now();
    const answer = await fetch(`${url}/api/follow-up/uploads/${uploadId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(at), 'content-length': String(length), cookie },
      body: patchBody(at, length),
      duplex: 'half',
    });
    await answer.arrayBuffer();
    times.push(performance.now() - t0);
    const expected = at + length >= size ? 201 : 204;
    if (answer.status !== expected) throw new Error(`PATCH at ${at}: ${answer.status}, expected ${expected}`);
  }
  return times;
}

/**
 * The bytes of one PATCH, as views of the same random blocks (no copy: on
 * this shared machine every cycle the bench spends is taken from the server
 * it measures); the first bytes of the file are a PDF's (block 0 carries
 * them wherever it is sent, which changes nothing for the server).
 */
function patchBody(offset, length) {
  return new ReadableStream({
    start() {
      this.sent = 0;
    },
    pull(controller) {
      if (this.sent >= length) return controller.close();
      const n = Math.min(512 * 1024, length - this.sent);
      const block = BLOCKS[(((offset + this.sent) / (512 * 1024)) % BLOCKS.length) | 0].subarray(0, n);
      this.sent += n;
      controller.enqueue(block);
    },
  });
}

/** `dd` of the same size onto the same file system: with conv=fsync (durable, as the store's finished file) and without. */
function diskWrite(dir, durable) {
  const path = join(dir, `dd-${durable ? 'fsync' : 'cache'}.bin`);
  const t0 = performance.now();
  execFileSync('dd', ['if=/dev/zero', `of=${path}`, 'bs=1M', `count=${SIZE_MIB}`, ...(durable ? ['conv=fsync'] : [])], { stdio: 'ignore' });
  const seconds = (performance.now() - t0) / 1000;
  execFileSync('rm', ['-f', path]);
  return SIZE_MIB / seconds;
}

const root = await mkdtemp(join(tmpdir(), 'mnpddh-bench-upload-'));
await chmod(root, 0o755);
const dataDir = join(root, 'data');
const { child, url } = await startServer(dataDir);
try {
  const cookie = await followUpCookie(url);
  // Warm the route (code loaded, pools open) with a small file first: the baseline is the server ready to work.
  await upload(url, cookie, 4 * MIB);
  const baseline = rssOf(child.pid);
  let peak = baseline;
  const samples = [];
  const timer = setInterval(() => {
    const rss = rssOf(child.pid);
    samples.push(rss);
    peak = Math.max(peak, rss);
  }, 50);
  const cpuBefore = cpuOf(child.pid);
  const t0 = performance.now();
  let times;
  try {
    times = await upload(url, cookie, SIZE);
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  const throughput = SIZE_MIB / seconds;
  const cpu = cpuOf(child.pid) - cpuBefore;
  const lastPatch = times.at(-1);
  const quarter = (q) => samples[Math.min(samples.length - 1, Math.floor((samples.length * q) / 4))] ?? baseline;

  const objects = await readdir(join(dataDir, 'files'));
  const sizes = await Promise.all(objects.map(async (name) => (await stat(join(dataDir, 'files', name))).size));
  if (!sizes.includes(encryptedFileSize(SIZE))) throw new Error('the finished file is not in the store at its encrypted size');

  const durable = diskWrite(root, true);
  const cached = diskWrite(root, false);
  const growth = (peak - baseline) / MIB;
  const mibs = (value) => `${value.toFixed(1)} MiB/s`;
  const rows = [
    ['follow-up upload over HTTP (POST + PATCHes into the file store)', mibs(throughput), `${seconds.toFixed(1)} s`],
    ['`dd bs=1M conv=fsync` (durable, as the store)', mibs(durable), `ratio ${(throughput / durable).toFixed(2)}`],
    ['`dd bs=1M` (page cache, no sync)', mibs(cached), `ratio ${(throughput / cached).toFixed(2)}`],
  ];
  writeSection(
    '12-follow-up-upload',
    `## 12. A large file through the real follow-up upload route, into the file store

\`npm run bench:upload\` (bench/upload.bench.mjs): \`node apps/api/dist/main.js\`
spawned as its own process (embedded PostgreSQL, a temporary DATA_DIR), a
request submitted and a follow-up session opened with its receipt, then a
${SIZE_MIB} MiB file sent as a tus client sends it: POST /api/follow-up/uploads,
then ${times.length} PATCH${times.length > 1 ? 'es' : ''} of ${(PATCH_BYTES / MIB).toFixed(1)} MiB in order, each body read as a stream
(BENCH_UPLOAD_PATCH_MIB; the server encrypts and commits every 4 MiB segment
into the file's object in the store; the last one syncs it and the file row
takes the object over, no copy). The server's RSS is read from
/proc/<pid>/status every 50 ms; \`dd\` writes the same number of bytes to the
same file system in the same run. ${machineLine()}

| what | throughput | time / ratio to it |
|---|---|---|
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

| server memory (VmRSS of the API process) | MiB |
|---|---|
| ready, after a 4 MiB warm-up upload | ${(baseline / MIB).toFixed(0)} |
| at ¼, ½, ¾ of the upload | ${[1, 2, 3].map((q) => (quarter(q) / MIB).toFixed(0)).join(', ')} |
| peak during the upload | ${(peak / MIB).toFixed(0)} |
| **growth** (target ≤ 64) | **${growth.toFixed(0)}** |

Server CPU (user + system time of the API process, from /proc/<pid>/stat; the machine's load changes it little, unlike the wall time):
${cpu.toFixed(1)} s for ${SIZE_MIB} MiB, ${((cpu * 1000) / SIZE_MIB).toFixed(1)} ms a MiB — with one free core the server alone would take ${(SIZE_MIB / cpu).toFixed(0)} MiB/s.

PATCH times: median ${median(times).toFixed(1)} ms, last one (completion: sync + file row) ${lastPatch.toFixed(0)} ms.
Before the file store (issue's measurement): 14.9 MiB/s = 0.023 × a disk write,
RSS +119 MiB, ≈ 11 s on the last PATCH (the whole file copied inside PostgreSQL).
Before the SHA-256 and allocation changes (the previous code, this bench with 512 MiB,
2026-12-05T21:45Z, load 15.4 at start): 10.1 MiB/s = 0.08 × \`dd conv=fsync\` (130 MiB/s),
server CPU 13.2 s = **25.8 ms a MiB**, RSS +61 MiB; libsodium's SHA-256 (~350 MiB/s here,
Node's is ~1.5 GiB/s with SHA-NI) was the largest cost in a \`--cpu-prof\` of the server,
then the garbage of a zero-filled 64 KiB buffer per encrypted chunk and the copy of each body into a segment.
Target: ≥ 0.5 × a disk write — ${throughput / durable >= 0.5 ? 'met' : 'NOT met'} against the durable \`dd\`
(${(throughput / durable).toFixed(2)}), ${throughput / cached >= 0.5 ? 'met' : 'not met'} against the page-cache one (${(throughput / cached).toFixed(2)}); RSS growth ≤ 64 MiB — ${growth <= 64 ? 'met' : 'NOT met'}.`,
  );
} finally {
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));
  await rm(root, { recursive: true, force: true });
}

function median(values) {
  return values.slice().sort((a, b) => a - b)[values.length >> 1];
}
