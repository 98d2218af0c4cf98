// Public bundle size: what the public entry (index.html) loads on every
// page, raw and gzip, and each lazy chunk with what it pulls in. Which chunks
// each public route really loads is measured in a browser by
// bench/page-load.bench.mjs (same build).
// Run: npm run bench:bundle   (builds what is stale first; reads apps/web/dist)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DASHBOARD_CHUNK_PATTERN as DASHBOARD_CHUNK } from './lib/chunks.mjs';
import { kib, machineLine, writeSection } from './lib/report.mjs';

const DIST = new URL('../apps/web/dist/', import.meta.url);
const ASSETS = new URL('assets/', DIST);

function sizeOf(name) {
  const content = readFileSync(new URL(name, ASSETS));
  const served = existsSync(new URL(`${name}.gz`, ASSETS)) ? readFileSync(new URL(`${name}.gz`, ASSETS)).length : null;
  return { name, raw: content.length, gzip: gzipSync(content, { level: 9 }).length, served };
}

/** Static imports (`from"./x.js"`) and preloaded dependencies of a chunk. */
function staticImports(name) {
  const code = readFileSync(new URL(name, ASSETS), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((match) => match[1]);
}

/** A lazy chunk and every chunk it statically pulls in (the entry excluded: always loaded). */
function closure(name, entry) {
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk) || chunk === entry) return;
    seen.add(chunk);
    staticImports(chunk).forEach(visit);
  };
  visit(name);
  return [...seen];
}

const html = readFileSync(new URL('index.html', DIST), 'utf8');
const entryJs = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+)"/g)].map((m) => m[1]);
const entryCss = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/assets\/([^"]+)"/g)].map((m) => m[1]);
if (entryJs.length !== 1) throw new Error(`expected one entry script in index.html, found ${entryJs.length}`);
const entry = entryJs[0];
const entryClosure = [entry, ...staticImports(entry)];
const lazy = readdirSync(ASSETS).filter((name) => name.endsWith('.js') && !entryClosure.includes(name));
const css = readdirSync(ASSETS).filter((name) => name.endsWith('.css'));
if (entryClosure.some((name) => DASHBOARD_CHUNK.test(name))) throw new Error('the public entry statically imports a dashboard chunk');

const rows = [];
const add = (label, names) => {
  const sizes = names.map(sizeOf);
  const sum = (key) => sizes.reduce((total, size) => total + (size[key] ?? 0), 0);
  rows.push(`| ${label} | ${names.map((n) => `\`${n}\``).join(', ')} | ${kib(sum('raw'))} | ${kib(sum('gzip'))} |`);
  return { raw: sum('raw'), gzip: sum('gzip') };
};
const publicJs = add('**public entry JS** (every page)', entryClosure);
const publicCss = add('**public entry CSS** (every page)', entryCss);
for (const name of lazy.sort())
  add(`lazy: ${name.replace(/-[A-Za-z0-9_-]{8}\.js$/, '')}${DASHBOARD_CHUNK.test(name) ? ' (dashboard)' : ''}`, closure(name, entry));
for (const name of css.filter((n) => !entryCss.includes(n)).sort()) add(`lazy CSS: ${name.replace(/-[A-Za-z0-9_-]{8}\.css$/, '')}`, [name]);

writeSection(
  '1-bundle',
  `## 1. Public bundle size

\`npm run bench:bundle\` (bench/bundle.bench.mjs: reads apps/web/dist as built by
\`node scripts/build.mjs\`, the same vite build as \`npm run build\`; gzip level 9
computed here; the server sends the pre-compressed \`.gz\` files).
${machineLine()}

Public entry (what \`/\` and every public page load before any lazy chunk):
**JS ${kib(publicJs.raw)} raw / ${kib(publicJs.gzip)} gzip, CSS ${kib(publicCss.raw)} raw / ${kib(publicCss.gzip)} gzip,
together ${kib(publicJs.gzip + publicCss.gzip)} gzip.** The entry imports no dashboard chunk statically; the
chunks each public route actually loads are listed in section 2 (measured in Chromium).

| what | chunks (with what each statically imports) | raw | gzip |
|---|---|---|---|
${rows.join('\n')}
`,
);
