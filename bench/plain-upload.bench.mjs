// What one file sent through the upload form without JavaScript costs the
// server in memory: the portal in this process, the browser played by curl
// in another (so the client's copy of the file is not counted), PDFs of
// each size in SIZES_MIB posted one after the other as multipart/form-data
// to /simple/suivi/fichier; the process's resident memory sampled every
// 20 ms, before and during each post.
// Run: npm run bench:plain-upload   (builds what is stale; starts its own portal and PostgreSQL; loopback only)
import { Buffer } from 'node:buffer';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { URLSearchParams } from 'node:url';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { machineLine, mib, writeSection } from './lib/report.mjs';

const SIZES_MIB = (process.env.BENCH_UPLOAD_MIB ?? '10,40,80').split(',').map(Number);
const run = promisify(execFile);
// A full garbage collection on demand, without a command-line flag, to tell live memory from garbage not yet collected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent', MAX_UPLOAD_BYTES: String(100 * 1024 * 1024) });
try {
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: 'Banc d’essai : un fichier sans JavaScript.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true },
    }),
  });
  const { receipt } = await submitted.json();
  const page = await fetch(`${portal.url}/simple/suivi`);
  const formCookie = page.headers
    .getSetCookie()
    .find((line) => line.startsWith('mnpddh_form='))
    ?.split(';')[0];
  const token = /name="_token" value="([^"]*)"/.exec(await page.text())?.[1];
  const opened = await fetch(`${portal.url}/simple/suivi`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _token: token, receipt }).toString(),
    redirect: 'manual',
  });
  const session = opened.headers
    .getSetCookie()
    .find((line) => line.startsWith('mnpddh_follow_up='))
    ?.split(';')[0];
  if (!session) throw new Error(`follow-up refused: ${opened.status}`);

  const rows = [];
  for (const size of SIZES_MIB) rows.push(await postFile(size, { formCookie, session, token }));
  writeSection(
    '11-plain-upload',
    `## 11. One file through the upload form without JavaScript: server memory

\`npm run bench:plain-upload\` (bench/plain-upload.bench.mjs): the portal in
the benchmark's process, curl posting PDFs of ${SIZES_MIB.join(' and ')} MiB one after the other as
\`multipart/form-data\` to \`/simple/suivi/fichier\` from another process;
resident memory (RSS) of the portal's process sampled every 20 ms, and its
live memory (V8 heap used + buffers, after a full garbage collection)
every second. RSS also counts garbage not yet collected (each 64 KiB
encrypted chunk, each query's parameters), which V8 lets pile up to its own
thresholds whatever the file: live memory is what the upload holds.
${machineLine()}

| file | accepted after | RSS before | RSS peak during the post | RSS growth | live memory growth (peak) |
|---|---|---|---|---|---|
${rows.join('\n')}

The form is read as it arrives (busboy, fields first, then the file as a
stream) and encrypted chunk by chunk into the secretstream format, 512 KiB
written to PostgreSQL at a time: what the upload holds no longer follows
the file's size. Before, with the file read whole by multer's memory storage (this
benchmark on the previous code, run of 2026-12-05T16:05:20Z, load 13.0 at
start, 14.7 at the end): 10 MiB PDF, 8.9 s, RSS 281 → 317 MiB (36 MiB),
live memory **+22 MiB**; 40 MiB PDF, 16.8 s, RSS 332 → 369 MiB (37 MiB), live
memory **+61 MiB** (the file held whole). The first measurement (run of
2026-12-05T12:56:25Z, load 15.4, RSS only, the test file built in the
server's process): a 40 MiB PDF, 28.2 s, RSS 297 → 387 MiB (**90 MiB**).
See docs/NO-JAVASCRIPT.md ("Files without JavaScript").
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** Live memory: what the heap and the buffers outside it still hold once garbage is collected. */
function liveMemory() {
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** A PDF of `size` MiB written to disk a MiB at a time (never whole in this process, which is also the server's). */
async function writePdf(file, size) {
  const out = createWriteStream(file);
  out.write(Buffer.from('%PDF-1.4\n%âãÏÓ\n'));
  for (let i = 0; i < size; i++) if (!out.write(randomBytes(i === size - 1 ? 1024 * 1024 - 16 : 1024 * 1024))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Posts one PDF of `size` MiB as the page does (token, one-time key, then the file); its table row. */
async function postFile(size, { formCookie, session, token }) {
  const file = join(dataDir, `piece-${size}.pdf`);
  await writePdf(file, size);
  const liveBefore = liveMemory();
  const before = process.memoryUsage().rss;
  let peak = before;
  let livePeak = liveBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  // A full collection is slow (and slows the upload): once a second is enough to see what the upload holds.
  const liveSampler = setInterval(() => (livePeak = Math.max(livePeak, liveMemory())), 1000);
  const started = Date.now();
  const { stdout } = await run('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '-H',
    `cookie: ${formCookie}; ${session}`,
    '-H',
    'sec-fetch-site: same-origin',
    '-F',
    `_token=${token}`,
    '-F',
    `_once=${randomBytes(24).toString('base64url')}`,
    '-F',
    `file=@${file};type=application/pdf`,
    `${portal.url}/simple/suivi/fichier`,
  ]);
  const took = Date.now() - started;
  clearInterval(sampler);
  clearInterval(liveSampler);
  await rm(file);
  if (stdout !== '303') throw new Error(`upload answered ${stdout}`);
  return `| ${size} MiB PDF | ${(took / 1000).toFixed(1)} s | ${mib(before)} | ${mib(peak)} | ${mib(peak - before)} | **${mib(livePeak - liveBefore)}** |`;
}
