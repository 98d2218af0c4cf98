// Puts the sections the benchmarks wrote (bench/out/<name>.md) into
// bench/RESULTS.md between their markers, and refreshes the machine block.
// Text outside the markers (commentary, other people's sections) is kept.
// Run: node bench/results.mjs   (each `npm run bench:*` ends with it)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const RESULTS = new URL('RESULTS.md', import.meta.url);
const OUT = new URL('out/', import.meta.url);

const block = (name, body) => `<!-- bench:${name} -->\n${body.trim()}\n<!-- /bench:${name} -->`;

function machineBlock() {
  const list = cpus();
  const models = [...new Set(list.map((cpu) => (cpu.speed > 0 ? `${cpu.model} @ ${cpu.speed} MHz` : `${cpu.model} (speed not reported: virtual machine)`)))];
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? 'unknown';
  const meminfo = readFileSync('/proc/meminfo', 'utf8')
    .split('\n')
    .filter((line) => /^(MemTotal|MemAvailable):/.test(line));
  return `Machine (refreshed ${new Date().toISOString()} by \`node bench/results.mjs\`):

\`\`\`
node -p os.cpus()   ${list.length} × ${models.join(', ')}
memory              ${(totalmem() / 1024 ** 3).toFixed(1)} GiB (${meminfo.map((line) => line.replace(/\s+/g, ' ')).join(', ')})
uname -a            ${execFileSync('uname', ['-a'], { encoding: 'utf8' }).trim()}
system              ${os}
node                ${process.version}
load average        ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} (now; each section gives its own at start)
\`\`\``;
}

let text = readFileSync(RESULTS, 'utf8');
const replace = (name, body) => {
  const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  if (!pattern.test(text)) throw new Error(`bench/RESULTS.md has no markers for ${name}: add <!-- bench:${name} --> … <!-- /bench:${name} -->`);
  text = text.replace(pattern, () => block(name, body));
};
replace('machine', machineBlock());
const written = existsSync(OUT) ? readdirSync(OUT).filter((name) => name.endsWith('.md')) : [];
for (const file of written.sort()) replace(file.replace(/\.md$/, ''), readFileSync(new URL(file, OUT), 'utf8'));
writeFileSync(RESULTS, text);
console.log(`bench/RESULTS.md: machine block${written.length ? ` and ${written.map((f) => f.replace(/\.md$/, '')).join(', ')}` : ''} refreshed`);
