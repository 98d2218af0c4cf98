// Case-list benchmark: a supervisor holding BENCH_CASES open cases
// (default 2 000), the list with a filter on an encrypted category (cold and
// warm per-session cache), and the time to open one case — over HTTP with a
// real signed-in session (cookie, TOTP).
// Run: npm run bench:cases   (builds first; starts its own PostgreSQL in a
// temporary folder with the demo team; bounded; loopback only)
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { CategoryCache } from '../apps/api/dist/cases/category-cache.js';
import { CaseVaultService } from '../apps/api/dist/vault/case-vault.service.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const CASES = Math.min(Number(process.env.BENCH_CASES ?? 2000), 5000);
const CONCURRENCY = 4;
const COLD_ROUNDS = 10;
const WARM_ROUNDS = 30;
const OPEN_ROUNDS = 30;
const SEARCH_ROUNDS = 5;
const REKEY_ROUNDS = 20;
const NOTES_PER_CASE = 5;
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

async function createCases(vault, count) {
  const ids = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const { caseId } = await vault.createCase({ urgent: i % 10 === 0, content: content(i) });
        ids.push(caseId);
      }
    }),
  );
  return { ids, seconds: (performance.now() - start) / 1000 };
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

/** Gives a case what the case view decrypts besides its content: journal notes and the reader's draft. */
async function enrich(url, staff, caseId) {
  const send = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  };
  for (let note = 0; note < NOTES_PER_CASE; note++) {
    await send('POST', `/api/cases/${caseId}/notes`, { body: `Note ${note} : appel au défenseur, situation stable, rappel prévu.` });
  }
  await send('PUT', `/api/cases/${caseId}/draft`, { body: 'Brouillon : joindre le défenseur demain matin.' });
}

async function timed(url, cookie, path) {
  const start = performance.now();
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  const body = await response.json();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { elapsed, body };
}

async function timedPost(url, staff, path, body, expected) {
  const start = performance.now();
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  const elapsed = performance.now() - start;
  if (response.status !== expected) throw new Error(`${path} answered ${response.status}`);
  return { elapsed, body: answer };
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  const account = portal.demoAccounts.find((member) => member.roles.includes('supervisor'));
  if (!account) throw new Error('no demo supervisor');
  const vault = portal.app.get(CaseVaultService);
  const cache = portal.app.get(CategoryCache);
  const created = await createCases(vault, CASES);
  const staff = await signIn(portal.url, account);
  const { cookie, id } = staff;
  const filter = '/api/cases?region=kidal&pageSize=50';

  const cold = [];
  let matched = 0;
  for (let round = 0; round < COLD_ROUNDS; round++) {
    cache.drop({ userId: id });
    const { elapsed, body } = await timed(portal.url, cookie, filter);
    cold.push(elapsed);
    matched = body.total;
  }
  const warm = [];
  for (let round = 0; round < WARM_ROUNDS; round++) warm.push((await timed(portal.url, cookie, filter)).elapsed);
  const unfiltered = [];
  for (let round = 0; round < WARM_ROUNDS; round++) unfiltered.push((await timed(portal.url, cookie, '/api/cases?pageSize=50')).elapsed);
  const plainOpen = [];
  for (let round = 0; round < OPEN_ROUNDS; round++) plainOpen.push((await timed(portal.url, cookie, `/api/cases/${created.ids[round * 7 + 1]}`)).elapsed);
  for (let round = 0; round < OPEN_ROUNDS; round++) await enrich(portal.url, staff, created.ids[round * 7]);
  const open = [];
  let journal = 0;
  for (let round = 0; round < OPEN_ROUNDS; round++) {
    const { elapsed, body } = await timed(portal.url, cookie, `/api/cases/${created.ids[round * 7]}`);
    open.push(elapsed);
    journal = body.entries.length;
    if (body.draft === null) throw new Error('draft not returned');
  }

  // The audited search: every held case decrypted in memory per query; two words found in one case.
  const search = [];
  let searchMatched = 0;
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const { elapsed, body } = await timedPost(portal.url, staff, '/api/cases/search', { q: `Récit ${round * 97 + 3}` }, 200);
    search.push(elapsed);
    searchMatched = body.matched;
  }
  // Re-keying for cause, one case with its notes and draft: the unit a revocation repeats per held case.
  const rekey = [];
  for (let round = 0; round < REKEY_ROUNDS; round++) {
    rekey.push((await timedPost(portal.url, staff, `/api/rekey/cases/${created.ids[round * 7]}`, { reason: 'key_exposed' }, 201)).elapsed);
  }

  const cacheSize = cache.size();
  writeSection(
    '4-cases',
    `## 4. Case list for a supervisor holding ${CASES.toLocaleString('en')} cases, case open, search and re-keying

\`npm run bench:cases\` (bench/cases.bench.mjs): own embedded PostgreSQL with the
demo team; ${CASES.toLocaleString('en')} open cases created through \`CaseVaultService.createCase\`
(${CONCURRENCY} at a time, ${created.seconds.toFixed(0)} s, the receipt Argon2id being most of it; 10 %
urgent, ten regions, six threat types), all held by the demo supervisor (triage
team). Then over HTTP with the supervisor's real session (cookie, TOTP), one
request at a time. Cold = the session's category cache emptied before each call
(every held case's grant checked, case key opened, \`categories\` decrypted);
warm = the cache kept (index MACs still checked on every row, nothing
decrypted). Case open = \`GET /api/cases/:id\` (grants, MACs, the five content
fields, thread, journal entries, the reader's draft and attachment metadata
decrypted; audited): on fresh cases, and on cases given ${NOTES_PER_CASE} journal notes and a
draft through the API first (${journal} journal entries shown per case). No attachments
(uploads go through the follow-up route; not created here). Search =
\`POST /api/cases/search\` with two words found in one case's request (every held
case's grants and manifests checked and its request, journal and thread
decrypted in memory, then dropped). Re-key = \`POST /api/rekey/cases/:id\` on the
cases given notes and a draft (new keys, every ciphertext re-encrypted, grants
re-sealed to the holders and escrow, the receipt re-sealed, one transaction).
${machineLine()}

| measure | p50 | p95 |
|---|---|---|
| \`GET ${filter}\` (${matched} of ${CASES} match), **cold** cache (n=${COLD_ROUNDS}) | **${ms(median(cold))}** | ${ms(p95(cold))} |
| the same, **warm** cache (n=${WARM_ROUNDS}) | **${ms(median(warm))}** | ${ms(p95(warm))} |
| \`GET /api/cases?pageSize=50\`, no encrypted filter, warm (n=${WARM_ROUNDS}) | ${ms(median(unfiltered))} | ${ms(p95(unfiltered))} |
| \`GET /api/cases/:id\`, fresh case (n=${OPEN_ROUNDS}) | ${ms(median(plainOpen))} | ${ms(p95(plainOpen))} |
| \`GET /api/cases/:id\`, case with ${NOTES_PER_CASE} notes and a draft (n=${OPEN_ROUNDS}) | **${ms(median(open))}** | ${ms(p95(open))} |
| ratio cold / warm list (p50) | ${(median(cold) / median(warm)).toFixed(1)} | |
| cold list per held case (p50 / ${CASES}) | ${(median(cold) / CASES).toFixed(2)} ms | |
| \`POST /api/cases/search\` over ${CASES} held cases (${searchMatched} match; n=${SEARCH_ROUNDS}) | **${ms(median(search))}** | ${ms(p95(search))} |
| search per held case (p50 / ${CASES}) | ${(median(search) / CASES).toFixed(2)} ms | |
| \`POST /api/rekey/cases/:id\`, case with ${NOTES_PER_CASE} notes and a draft (n=${REKEY_ROUNDS}) | **${ms(median(rekey))}** | ${ms(p95(rekey))} |
| ratio re-key / open of the same kind of case (p50) | ${(median(rekey) / median(open)).toFixed(1)} | |

Category cache after the run: ${cacheSize.sessions} session, ${cacheSize.cases} cases.
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
