// `npm run bench`: every benchmark, one after the other (never two at once:
// they would measure each other), then bench/RESULTS.md refreshed. A failing
// benchmark does not stop the others; the exit code says whether all passed.
// `node bench/run-all.mjs crypto cases` runs only those.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { writeSection } from './lib/report.mjs';

const BENCHES = [
  ['bundle', ['bench/bundle.bench.mjs']],
  ['page-load', ['bench/page-load.bench.mjs']],
  ['intake', ['bench/intake.bench.mjs']],
  ['cases', ['bench/cases.bench.mjs']],
  ['case-list', ['--import', './bench/lib/cheap-receipts.mjs', 'bench/case-list.bench.mjs']],
  ['journal', ['bench/journal.bench.mjs']],
  ['statistics', ['bench/statistics.bench.mjs']],
  ['file-stream', ['bench/file-stream.bench.mjs']],
  ['cold-start', ['bench/cold-start.bench.mjs']],
  ['flood', ['bench/flood.bench.mjs']],
  ['alert', ['bench/alert.bench.mjs']],
  ['no-javascript', ['bench/no-javascript.bench.mjs']],
  ['plain-upload', ['bench/plain-upload.bench.mjs']],
  ['upload', ['bench/upload.bench.mjs']],
  ['crypto', ['node_modules/tsx/dist/cli.mjs', 'bench/crypto.bench.ts']],
];

/** crypto.bench.ts prints its table (TypeScript, run by tsx): its output becomes the section's latest figures. */
function cryptoSection(stdout, load) {
  const from = stdout.search(/^\d{4}-\d\d-\d\dT/m);
  const table = (from >= 0 ? stdout.slice(from) : stdout).trim();
  return `### Latest figures (written by \`npm run bench:crypto\`)

\`npm run bench:crypto\` (bench/crypto.bench.ts, run by tsx); load average ${load} at start
(machine shared with other engineers' test runs):

${table}`;
}

const only = process.argv.slice(2);
const failed = [];
for (const [name, args] of BENCHES.filter(([name]) => only.length === 0 || only.includes(name))) {
  const started = Date.now();
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(`\n=== bench:${name}`);
  const capture = name === 'crypto';
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 24 });
  if (capture) {
    process.stdout.write(result.stdout ?? '');
    if (result.status === 0) writeSection('8-crypto', cryptoSection(result.stdout, load));
  }
  console.log(
    `=== bench:${name}: ${result.status === 0 ? 'done' : `FAILED (${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (result.status !== 0) failed.push(name);
}
spawnSync(process.execPath, ['bench/results.mjs'], { stdio: 'inherit' });
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
