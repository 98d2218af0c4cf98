// What one file sent through the upload form without JavaScript costs the
// server in memory: the portal in this process, the browser played by curl
// in another (so the client's copy of the file is not counted), a PDF of
// SIZE_MIB posted as multipart/form-data to /simple/suivi/fichier; the
// process's resident memory sampled every 20 ms, before and during the post.
// Run: npm run bench:plain-upload   (builds what is stale; starts its own portal and PostgreSQL; loopback only)
import { Buffer } from 'node:buffer';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { URLSearchParams } from 'node:url';
import { promisify } from 'node:util';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { machineLine, mib, writeSection } from './lib/report.mjs';

const SIZE_MIB = Number(process.env.BENCH_UPLOAD_MIB ?? 40);
const run = promisify(execFile);

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent', MAX_UPLOAD_BYTES: String(100 * 1024 * 1024) });
try {
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({ summary: 'Banc d’essai : un fichier sans JavaScript.', rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' }, contact: { methods: ['no_contact'] }, consent: { processing: true } }),
  });
  const { receipt } = await submitted.json();
  const page = await fetch(`${portal.url}/simple/suivi`);
  const formCookie = page.headers.getSetCookie().find((line) => line.startsWith('mnpddh_form='))?.split(';')[0];
  const token = /name="_token" value="([^"]*)"/.exec(await page.text())?.[1];
  const opened = await fetch(`${portal.url}/simple/suivi`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _token: token, receipt }).toString(),
    redirect: 'manual',
  });
  const session = opened.headers.getSetCookie().find((line) => line.startsWith('mnpddh_follow_up='))?.split(';')[0];
  if (!session) throw new Error(`follow-up refused: ${opened.status}`);

  const file = join(dataDir, 'piece.pdf');
  await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n'), randomBytes(SIZE_MIB * 1024 * 1024 - 16)]));
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  const { stdout } = await run('curl', [
    '-s', '-o', '/dev/null', '-w', '%{http_code}',
    '-H', `cookie: ${formCookie}; ${session}`, '-H', 'sec-fetch-site: same-origin',
    '-F', `_token=${token}`, '-F', `file=@${file};type=application/pdf`,
    `${portal.url}/simple/suivi/fichier`,
  ]);
  const took = Date.now() - started;
  clearInterval(sampler);
  if (stdout !== '303') throw new Error(`upload answered ${stdout}`);
  writeSection(
    '11-plain-upload',
    `## 11. One file through the upload form without JavaScript: server memory

\`npm run bench:plain-upload\` (bench/plain-upload.bench.mjs): the portal in
the benchmark's process, curl posting a ${SIZE_MIB} MiB PDF as
\`multipart/form-data\` to \`/simple/suivi/fichier\` from another process;
resident memory of the portal's process sampled every 20 ms.
${machineLine()}

| file | accepted after | RSS before | RSS peak during the post | growth |
|---|---|---|---|---|
| ${SIZE_MIB} MiB PDF | ${(took / 1000).toFixed(1)} s | ${mib(before)} | ${mib(peak)} | **${mib(peak - before)}** |

The form reads the file whole into memory (multer's memory storage) before
it goes, in 512 KiB pieces, into the encrypted stream: the growth follows the
file's size. See docs/NO-JAVASCRIPT.md ("Files without JavaScript") for why
it is not streamed yet.
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
