// Case-list benchmark (issue 5): a supervisor holding BENCH_CASES open cases
// (default 2 000), the list with a filter on an encrypted category (cold and
// warm per-session cache), and the time to open one case — over HTTP with a
// real signed-in session (cookie, TOTP).
// Run: npm run bench:cases   (builds first; starts its own PostgreSQL in a
// temporary folder with the demo team; bounded; loopback only)
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { CategoryCache } from '../apps/api/dist/cases/category-cache.js';
import { CaseVaultService } from '../apps/api/dist/vault/case-vault.service.js';

const CASES = Math.min(Number(process.env.BENCH_CASES ?? 2000), 5000);
const CONCURRENCY = 4;
const COLD_ROUNDS = 10;
const WARM_ROUNDS = 30;
const OPEN_ROUNDS = 30;
const REGIONS = ['bamako', 'kayes', 'koulikoro', 'sikasso', 'segou', 'mopti', 'tombouctou', 'gao', 'kidal', 'menaka'];
const THREATS = ['arrest', 'abduction_disappearance', 'threats_intimidation', 'harassment', 'surveillance', 'judicial_harassment'];

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const p95 = (values) => sorted(values)[Math.max(0, Math.ceil(values.length * 0.95) - 1)];
const ms = (value) => `${value.toFixed(1)} ms`;

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
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('mnpddh_session='))?.split(';')[0];
  const session = await response.json();
  return { cookie, id: session.user.id };
}

async function timed(url, cookie, path) {
  const start = performance.now();
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  const body = await response.json();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { elapsed, body };
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
  const { cookie, id } = await signIn(portal.url, account);
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
  const open = [];
  for (let round = 0; round < OPEN_ROUNDS; round++) open.push((await timed(portal.url, cookie, `/api/cases/${created.ids[round * 7]}`)).elapsed);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}; node ${process.version}; ${new Date().toISOString()}`);
  console.log(`cases held by the supervisor: ${CASES} open (created in ${created.seconds.toFixed(0)} s through CaseVaultService.createCase, ${CONCURRENCY} at a time)`);
  console.log(`GET ${filter} (${matched} match), cold cache: median ${ms(median(cold))}, p95 ${ms(p95(cold))} (n=${COLD_ROUNDS})`);
  console.log(`GET ${filter}, warm cache: median ${ms(median(warm))}, p95 ${ms(p95(warm))} (n=${WARM_ROUNDS})`);
  console.log(`GET /api/cases?pageSize=50 (no encrypted filter), warm: median ${ms(median(unfiltered))}, p95 ${ms(p95(unfiltered))} (n=${WARM_ROUNDS})`);
  console.log(`GET /api/cases/:id (open one case, audited): median ${ms(median(open))}, p95 ${ms(p95(open))} (n=${OPEN_ROUNDS})`);
  console.log(`cache after the run: ${JSON.stringify(cache.size())}`);
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
