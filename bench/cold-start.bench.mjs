// Cold start of the built API (node apps/api/dist/main.js, embedded
// PostgreSQL in DATA_DIR): time from process start to the first 200 from
// GET /api/health, on an empty DATA_DIR (initdb, migrations, demo seed) and
// on an already-initialised one; bare `node -e 0` measured alongside. And
// what a newcomer waits for: `npm start` in a fresh clone (after `npm ci`,
// stood in for by a copy of node_modules), the build included.
// Run: npm run bench:cold-start   (builds what is stale; temp dirs deleted; loopback only)
import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, ms, writeSection } from './lib/report.mjs';
import { freePort } from '../apps/api/dist/database/free-port.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const CLONE_RUNS = Number(process.env.BENCH_COLD_CLONE_RUNS ?? 2);
const EMPTY_RUNS = Number(process.env.BENCH_COLD_EMPTY_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const TIMEOUT_MS = 180_000;

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
}

/** Starts the API, polls /api/health every 10 ms until 200, then stops it (SIGTERM: PostgreSQL stopped cleanly). */
async function startOnce(dataDir, command = [process.execPath, MAIN], cwd = ROOT) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}: ${stderr.slice(0, 500)}`);
      if (performance.now() - started > TIMEOUT_MS) throw new Error('no healthy answer in time');
      const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    // The whole group: `npm start` runs the API as a grandchild.
    process.kill(-child.pid, 'SIGTERM');
    await exited(child);
  }
}

/** A fresh clone of HEAD with node_modules copied in (what `npm ci` leaves), nothing built. */
function freshClone(folder) {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, folder]);
  execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(folder, 'node_modules')]);
  execFileSync('cp', ['-a', join(ROOT, 'apps/web/node_modules'), join(folder, 'apps/web/node_modules')]);
  return folder;
}

async function bareNode() {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await exited(child);
  return performance.now() - started;
}

const root = await mkdtemp(join(tmpdir(), 'mnpddh-bench-cold-'));
await chmod(root, 0o755);
try {
  const node = [];
  for (let i = 0; i < 5; i++) node.push(await bareNode());
  const empty = [];
  for (let i = 0; i < EMPTY_RUNS; i++) empty.push(await startOnce(join(root, `empty-${i}`)));
  const initialised = [];
  for (let i = 0; i < WARM_RUNS; i++) initialised.push(await startOnce(join(root, 'empty-0')));
  const clone = [];
  for (let i = 0; i < CLONE_RUNS; i++) {
    const folder = freshClone(join(root, `clone-${i}`));
    clone.push(await startOnce(join(folder, '.data'), ['npm', 'start'], folder));
  }
  const list = (values) => values.map((value) => (value / 1000).toFixed(2)).join(', ');
  writeSection(
    '7-cold-start',
    `## 7. Cold start

\`npm run bench:cold-start\` (bench/cold-start.bench.mjs): \`node apps/api/dist/main.js\`
spawned with \`DATA_DIR\` in a temporary folder (embedded PostgreSQL, demo mode,
\`NODE_ENV=production\`, \`LOG_LEVEL=silent\`), \`GET /api/health\` polled every 10 ms from
spawn to the first 200, then SIGTERM (PostgreSQL stopped cleanly) before the
next run. Empty = a new DATA_DIR each run (initdb, all migrations, server
secrets and the demo team created, their passwords hashed); initialised = the
first run's DATA_DIR started again; fresh clone = \`git clone\` of HEAD with
\`node_modules\` copied in (what \`npm ci\` leaves), then \`npm start\` until
the first 200 — what a newcomer waits for after \`npm ci\`.
${machineLine()}

| start | median | runs (s) | ratio to initialised |
|---|---|---|---|
| **initialised DATA_DIR** | **${ms(median(initialised))}** | ${list(initialised)} | 1 |
| **empty DATA_DIR** (first start with migrations) | **${ms(median(empty))}** | ${list(empty)} | ${(median(empty) / median(initialised)).toFixed(1)} |
| **\`npm start\` in a fresh clone** (build included: Prisma client, swc, vite; then an empty DATA_DIR) | **${ms(median(clone))}** | ${list(clone)} | ${(median(clone) / median(initialised)).toFixed(1)} |
| bare \`node -e 0\` (alongside, for scale) | ${ms(median(node))} | ${list(node)} | ${(median(node) / median(initialised)).toFixed(2)} |
`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
