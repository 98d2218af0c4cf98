// Statistics over 100 000 cases: stat_counter filled as BENCH_STAT_CASES
// intakes would fill it (the keys of newCaseCounters, the production code,
// summed here and inserted in SQL as the database owner — no encrypted case
// is created), then GET /api/reports/statistics over HTTP with the demo
// supervisor's real session, for a few dimensions and a crossed one.
// Run: npm run bench:statistics   (builds what is stale; starts its own PostgreSQL; loopback only)
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import 'reflect-metadata';
import { AGE_GROUPS, DEFENDER_PROFILES, GENDERS, INTAKE_CHANNELS, PERPETRATOR_TYPES, PROTECTION_MEASURES, REGIONS, THREAT_TYPES } from '@mnpddh/shared';
import { startPortal } from '../apps/api/dist/boot.js';
import { newCaseCounters } from '../apps/api/dist/vault/stat-counters.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const CASES = Math.min(Number(process.env.BENCH_STAT_CASES ?? 100_000), 200_000);
const MONTHS = 24;
const ROUNDS = 20;
const REBUILD_ROUNDS = 5;
const QUERIES = [
  { label: 'cases per month', params: { dimension: 'cases' } },
  { label: 'region', params: { dimension: 'region' } },
  { label: 'threat type (several per case)', params: { dimension: 'threat_type' } },
  { label: 'urgency, by quarter', params: { dimension: 'urgency', granularity: 'quarter' } },
  { label: 'region group (regions summed)', params: { dimension: 'region_group' } },
  { label: 'region × threat type (crossed)', params: { dimension: 'region', cross: 'threat_type' } },
  { label: 'gender × age group (crossed), by year', params: { dimension: 'gender', cross: 'age_group', granularity: 'year' } },
];

/** A small seeded generator: the same 100 000 cases every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function someOf(next, list, max) {
  const count = 1 + Math.floor(next() * max);
  return [...new Set(Array.from({ length: count }, () => list[Math.floor(next() * list.length)]))];
}

/** One intake's categories, skewed a little like real data (Bamako and the north more often). */
function intake(next, month) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const skewed = next() < 0.3 ? 'bamako' : next() < 0.3 ? pick(['gao', 'tombouctou', 'kidal', 'menaka', 'mopti']) : pick(REGIONS);
  const categories = {
    region: skewed,
    threatTypes: someOf(next, THREAT_TYPES, 3),
    perpetratorTypes: someOf(next, PERPETRATOR_TYPES, 2),
    profiles: someOf(next, DEFENDER_PROFILES, 2),
    gender: pick(GENDERS),
    languages: ['fr'],
    channel: next() < 0.8 ? 'web' : pick(INTAKE_CHANNELS),
    ageGroup: pick(AGE_GROUPS),
    disability: pick(['yes', 'no', 'prefer_not_to_say']),
    measuresRequested: next() < 0.3 ? [] : someOf(next, PROTECTION_MEASURES, 2),
    peopleAtRisk: 1 + Math.floor(next() * next() * 4),
  };
  const receivedAt = new Date(Date.UTC(2024, 11 + month, 1 + Math.floor(next() * 28), Math.floor(next() * 24)));
  return newCaseCounters(categories, next() < 0.1, receivedAt);
}

/** Every counter 100 000 intakes add, summed (what the ON CONFLICT increments would leave). */
function fill() {
  const next = random(20261129);
  const counters = new Map();
  let increments = 0;
  for (let i = 0; i < CASES; i++) {
    for (const key of intake(next, Math.floor((i * MONTHS) / CASES))) {
      const id = `${key.period}\u0000${key.dimension1}\u0000${key.value1}\u0000${key.dimension2}\u0000${key.value2}`;
      counters.set(id, (counters.get(id) ?? 0) + (key.amount ?? 1));
      increments++;
    }
  }
  return { counters, increments };
}

async function insert(ownerUrl, counters) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const entries = [...counters];
    for (let start = 0; start < entries.length; start += 20_000) {
      const batch = entries.slice(start, start + 20_000).map(([id, count]) => [...id.split('\u0000'), count]);
      const column = (i) => batch.map((row) => row[i]);
      await client.query(
        `INSERT INTO stat_counter (period, dimension_1, value_1, dimension_2, value_2, count)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        [column(0), column(1), column(2), column(3), column(4), column(5)],
      );
    }
    await client.query('ANALYZE stat_counter');
    return (await client.query('SELECT count(*)::int AS rows, sum(count) FILTER (WHERE dimension_1 = $1)::int AS cases FROM stat_counter', ['cases'])).rows[0];
  } finally {
    await client.end();
  }
}

async function signIn(url, account) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password, totp: TOTP.generate({ secret: Secret.fromBase32(account.totpSecret) }) }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .find((line) => line.startsWith('mnpddh_session='))
    ?.split(';')[0];
}

async function timed(url, cookie, params) {
  const query = new URLSearchParams({ from: '2024-12', to: '2026-11', ...params });
  const start = performance.now();
  const response = await fetch(`${url}/api/reports/statistics?${query}`, { headers: { cookie } });
  const body = await response.json();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`statistics ${query} answered ${response.status}: ${JSON.stringify(body)}`);
  return { elapsed, cells: body.cells.length, suppressed: body.cells.filter((cell) => cell.suppressed !== null).length };
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  const owner = new URL(portal.databaseUrl);
  owner.username = 'postgres';
  owner.password = (await readFile(join(dataDir, 'data', 'pg-superuser.secret'), 'utf8')).trim();
  const generating = performance.now();
  const { counters, increments } = fill();
  const generated = (performance.now() - generating) / 1000;
  const inserting = performance.now();
  const stored = await insert(owner.href, counters);
  const inserted = (performance.now() - inserting) / 1000;
  if (stored.cases !== CASES) throw new Error(`counted ${stored.cases} cases, expected ${CASES}`);

  const account = portal.demoAccounts.find((member) => member.roles.includes('supervisor'));
  const cookie = await signIn(portal.url, account);
  const rows = [];
  const ownerClient = new pg.Client({ connectionString: owner.href });
  await ownerClient.connect();
  for (const { label, params } of QUERIES) {
    const first = await timed(portal.url, cookie, params);
    const times = [];
    for (let i = 0; i < ROUNDS; i++) times.push((await timed(portal.url, cookie, params)).elapsed);
    // A batch recorded (what applying one leaves): every built table is stale, the next call builds them all again.
    const rebuilt = [];
    for (let i = 0; i < REBUILD_ROUNDS; i++) {
      await ownerClient.query("INSERT INTO stat_batch (applied_at) VALUES (date_trunc('hour', now()))");
      rebuilt.push((await timed(portal.url, cookie, params)).elapsed);
    }
    const query = new URLSearchParams(params).toString();
    rows.push(
      `| ${label} (\`${query}\`) | ${first.cells} (${first.suppressed} suppressed) | ${ms(first.elapsed)} | ${ms(median(rebuilt))} / ${ms(p95(rebuilt))} | **${ms(median(times))}** | ${ms(p95(times))} |`,
    );
  }
  await ownerClient.end();
  writeSection(
    '5-statistics',
    `## 5. Statistics over ${CASES.toLocaleString('en')} cases

\`npm run bench:statistics\` (bench/statistics.bench.mjs): own embedded PostgreSQL;
stat_counter filled as ${CASES.toLocaleString('en')} intakes over ${MONTHS} months would leave it — each synthetic
case's categories (seeded, Bamako and the north over-represented, 1–3 threat
types, 10 % urgent) passed to the production \`newCaseCounters\`
(apps/api/dist/vault/stat-counters.js), the ${(increments / 1e6).toFixed(1)} M increments summed, then
**${stored.rows.toLocaleString('en')} counter rows** inserted as the database owner with one \`unnest\`
statement per 20 000 rows (generation ${generated.toFixed(0)} s, insert ${inserted.toFixed(0)} s). No case
was created: the statistics read stat_counter only. Then \`GET /api/reports/statistics?from=2024-12&to=2026-11&…\`
over HTTP with the demo supervisor's session (cookie, TOTP), one request at a
time: one first call, then ${ROUNDS} counted (answered from the tables built, kept until a
batch is applied), then ${REBUILD_ROUNDS} calls each right after a batch is recorded (a \`stat_batch\`
row inserted as the owner: every table built again, as every request did before
the cache). Every table is built with the tables it
must agree with (its rows', columns', the coarser period's) and suppression
below k = 5.
${machineLine()}

| table | cells | first call | after a batch p50 / p95 | p50 | p95 |
|---|---|---|---|---|---|
${rows.join('\n')}
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
