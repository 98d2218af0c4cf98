// Case-list benchmark at a given size (BENCH_CASES: 500, 2 000, 10 000): the
// supervisor's list with and without a filter on an encrypted category, cold
// (the session's category cache emptied) and warm, a later page, and the cost
// of one audited write (a journal note: its audit append and the anchor
// update) — over HTTP with a real signed-in session (cookie, TOTP).
// Run: npm run bench:case-list   (builds first; own embedded PostgreSQL with
// the demo team in a temporary folder; bounded; loopback only).
// BENCH_DATA_DIR=/some/dir keeps the data folder there and reuses it on the
// next run (creating 10 000 cases costs 10 000 receipt Argon2id derivations).
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { CategoryCache } from '../apps/api/dist/cases/category-cache.js';
import { IntegrityAnchor } from '../apps/api/dist/integrity/integrity-anchor.service.js';
import { CaseVaultService } from '../apps/api/dist/vault/case-vault.service.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const CASES = Math.min(Number(process.env.BENCH_CASES ?? 2000), 10_000);
const CONCURRENCY = 4;
const COLD_ROUNDS = 10;
const WARM_ROUNDS = 30;
const NOTE_ROUNDS = 20;
const REGIONS = ['bamako', 'kayes', 'koulikoro', 'sikasso', 'segou', 'mopti', 'tombouctou', 'gao', 'kidal', 'menaka'];
const THREATS = ['arrest', 'abduction_disappearance', 'threats_intimidation', 'harassment', 'surveillance', 'judicial_harassment'];

function content(i) {
  return {
    identity: { defender: { name: `Défenseur ${i}`, profiles: ['journalist'] } },
    contact: { methods: ['phone'], phone: `+223 70 ${String(i).padStart(6, '0')}` },
    narrative: `Récit ${i} : menaces répétées après un reportage.`,
    situation: { incidents: [{ types: [THREATS[i % THREATS.length]] }] },
    categories: {
      region: REGIONS[i % REGIONS.length],
      threatTypes: [THREATS[i % THREATS.length]],
      perpetratorTypes: ['unknown'],
      profiles: ['journalist'],
      languages: ['fr'],
    },
  };
}

async function createCases(vault, from, count) {
  const ids = [];
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        ids.push((await vault.createCase({ urgent: i % 10 === 0, content: content(i) })).caseId);
      }
    }),
  );
  return ids;
}

async function signIn(url, account) {
  const totp = TOTP.generate({ secret: Secret.fromBase32(account.totpSecret) });
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password, totp }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('mnpddh_session='))
    ?.split(';')[0];
  const session = await response.json();
  return { cookie, id: session.user.id, csrf: session.csrfToken };
}

async function timed(url, staff, path, init = {}) {
  const start = performance.now();
  const response = await fetch(`${url}${path}`, { ...init, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' } });
  const body = await response.json();
  const elapsed = performance.now() - start;
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}`);
  return { elapsed, body };
}

const keep = process.env.BENCH_DATA_DIR;
const dataDir = keep ?? (await mkdtemp(join(tmpdir(), 'mnpddh-bench-')));
if (keep) await mkdir(keep, { recursive: true });
await chmod(dataDir, 0o755);
const statePath = join(dataDir, 'bench-state.json');
const saved = existsSync(statePath) ? JSON.parse(await readFile(statePath, 'utf8')) : null;
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  const account = saved?.account ?? portal.demoAccounts.find((member) => member.roles.includes('supervisor'));
  if (!account) throw new Error('no demo supervisor');
  const vault = portal.app.get(CaseVaultService);
  const cache = portal.app.get(CategoryCache);
  const anchor = portal.app.get(IntegrityAnchor);
  const ids = saved?.ids ?? [];
  const creating = performance.now();
  if (ids.length < CASES) ids.push(...(await createCases(vault, ids.length, CASES)));
  const createdSeconds = (performance.now() - creating) / 1000;
  await writeFile(statePath, JSON.stringify({ account, ids }), { mode: 0o600 });
  const held = ids.slice(0, CASES);
  const staff = await signIn(portal.url, account);
  const filter = '/api/cases?region=kidal&pageSize=50';

  // The first list after the start also verifies every grant's signatures (then remembered by the process): timed apart.
  cache.drop({ userId: staff.id });
  const first = (await timed(portal.url, staff, filter)).elapsed;
  const cold = [];
  let matched = 0;
  let total = 0;
  for (let round = 0; round < COLD_ROUNDS; round++) {
    cache.drop({ userId: staff.id });
    const { elapsed, body } = await timed(portal.url, staff, filter);
    cold.push(elapsed);
    matched = body.total;
  }
  const warm = [];
  for (let round = 0; round < WARM_ROUNDS; round++) warm.push((await timed(portal.url, staff, filter)).elapsed);
  const unfilteredCold = [];
  for (let round = 0; round < COLD_ROUNDS; round++) {
    cache.drop({ userId: staff.id });
    const { elapsed, body } = await timed(portal.url, staff, '/api/cases?pageSize=50');
    unfilteredCold.push(elapsed);
    total = body.total;
  }
  const unfiltered = [];
  for (let round = 0; round < WARM_ROUNDS; round++) unfiltered.push((await timed(portal.url, staff, '/api/cases?pageSize=50')).elapsed);
  const later = [];
  for (let round = 0; round < WARM_ROUNDS; round++) later.push((await timed(portal.url, staff, '/api/cases?pageSize=50&page=7&status=received')).elapsed);
  const notes = [];
  for (let round = 0; round < NOTE_ROUNDS; round++) {
    const body = JSON.stringify({ body: `Note ${round} : appel au défenseur, situation stable.` });
    notes.push((await timed(portal.url, staff, `/api/cases/${held[round * 13]}/notes`, { method: 'POST', body })).elapsed);
  }
  const anchorBytes = (await stat(anchor.path)).size;

  writeSection(
    `4b-case-list-${CASES}`,
    `## 4b. Case list at ${CASES.toLocaleString('en')} held cases, and the cost of one audited write

\`BENCH_CASES=${CASES} npm run bench:case-list\` (bench/case-list.bench.mjs): own embedded PostgreSQL
with the demo team; ${CASES.toLocaleString('en')} open cases created through \`CaseVaultService.createCase\`
(${createdSeconds.toFixed(0)} s this run${saved ? ', the rest reused from BENCH_DATA_DIR' : ''}), all held by the demo supervisor
(${total} listed). Over HTTP with the supervisor's real session, one request at a time.
Cold = the session's category cache emptied before each call (after one
first call, timed apart: it also verifies every grant's signatures, which
the process then remembers); warm = kept.
Note = \`POST /api/cases/:id/notes\` (case key opened, entry encrypted, manifest
re-MACed, audit row appended, the anchor brought up to date before the answer).
${machineLine()}

| measure | p50 | p95 |
|---|---|---|
| \`GET ${filter}\`, the first after the start (grant signatures verified once, n=1) | ${ms(first)} | |
| \`GET ${filter}\` (${matched} match), **cold** (n=${COLD_ROUNDS}) | **${ms(median(cold))}** | ${ms(p95(cold))} |
| the same, **warm** (n=${WARM_ROUNDS}) | **${ms(median(warm))}** | ${ms(p95(warm))} |
| \`GET /api/cases?pageSize=50\`, cold (n=${COLD_ROUNDS}) | ${ms(median(unfilteredCold))} | ${ms(p95(unfilteredCold))} |
| the same, warm (n=${WARM_ROUNDS}) | ${ms(median(unfiltered))} | ${ms(p95(unfiltered))} |
| \`GET /api/cases?pageSize=50&page=7&status=received\`, warm (n=${WARM_ROUNDS}) | ${ms(median(later))} | ${ms(p95(later))} |
| \`POST /api/cases/:id/notes\` (n=${NOTE_ROUNDS}) | **${ms(median(notes))}** | ${ms(p95(notes))} |
| ratio cold / warm filtered list (p50) | ${(median(cold) / median(warm)).toFixed(1)} | |

Anchor file after the run: ${(anchorBytes / 1024).toFixed(1)} KiB.
`,
  );
} finally {
  await portal.close();
  if (!keep) await rm(dataDir, { recursive: true, force: true });
}
