// Shared by the benchmarks: percentiles, the machine's description, and
// each benchmark's section of bench/RESULTS.md (bench/out/<name>.md, put
// together by bench/results.mjs between its markers).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

const OUT = new URL('../out/', import.meta.url);

export const sorted = (values) => [...values].sort((a, b) => a - b);
export const median = (values) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
/** Nearest-rank p95. */
export const p95 = (values) => sorted(values)[Math.max(0, Math.ceil(values.length * 0.95) - 1)];
export const ms = (value) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** One line: CPUs, memory, kernel, Node, load — what a figure was measured on. */
export function machine() {
  const list = cpus();
  const gib = (bytes) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return {
    cpus: `${list.length} × ${list[0]?.model ?? 'unknown'}`,
    memory: `${gib(totalmem())} total, ${gib(freemem())} free at start`,
    uname: execFileSync('uname', ['-a'], { encoding: 'utf8' }).trim(),
    node: process.version,
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    date: new Date().toISOString(),
  };
}

/** Taken when the benchmark starts (this module is imported first thing). */
const AT_START = machine();

/** The machine line a section starts with: when the run started, and the load then and at the end. */
export function machineLine(info = AT_START) {
  const end = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return `Run started ${info.date}; load average ${info.load} at start, ${end} at the end, on ${cpus().length} CPUs (machine shared with other engineers' test runs).`;
}

/** Writes this benchmark's section for bench/RESULTS.md and echoes it. */
export function writeSection(name, markdown) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(new URL(`${name}.md`, OUT), `${markdown.trim()}\n`);
  console.log(`\n${markdown.trim()}\n`);
}
