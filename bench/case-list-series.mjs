// The case list at growing sizes in one series (BENCH_SERIES, default
// 500,2000,10000): bench/case-list.bench.mjs once per size on one data
// folder, so each size only adds the cases it lacks (the supervisor holds
// every case of the folder: the sizes must grow). Each run writes its own
// section (4b-case-list-<size>).
// Run: npm run bench:case-list-series   (BENCH_DATA_DIR=/dir keeps the folder for the next series)
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sizes = (process.env.BENCH_SERIES ?? '500,2000,10000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const kept = process.env.BENCH_DATA_DIR;
const dataDir = kept ?? (await mkdtemp(join(tmpdir(), 'mnpddh-bench-series-')));
await chmod(dataDir, 0o755);
try {
  for (const size of sizes) {
    const run = spawnSync(process.execPath, ['--import', './bench/lib/cheap-receipts.mjs', 'bench/case-list.bench.mjs'], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_CASES: String(size), BENCH_DATA_DIR: dataDir },
    });
    if (run.status !== 0) throw new Error(`the case list at ${size} cases failed (${run.status ?? run.signal})`);
  }
} finally {
  if (!kept) await rm(dataDir, { recursive: true, force: true });
}
