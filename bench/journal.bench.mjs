// Long journals: the time to open one case (`GET /api/cases/:id`) as its
// journal grows to BENCH_ENTRIES entries (default 1 000), measured at steps —
// over HTTP with the demo supervisor's real session (cookie, TOTP); the notes
// are written through the API (`POST /api/cases/:id/notes`), whose time is
// measured too.
// Run: npm run bench:journal   (builds first; own embedded PostgreSQL in a
// temporary folder; bounded; loopback only).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import 'reflect-metadata';
import { startPortal } from '../apps/api/dist/boot.js';
import { CaseVaultService } from '../apps/api/dist/vault/case-vault.service.js';
import { machineLine, median, ms, p95, writeSection } from './lib/report.mjs';

const ENTRIES = Math.min(Number(process.env.BENCH_ENTRIES ?? 1000), 2000);
const STEPS = [10, 100, 300, 600, 1000, 2000].filter((step) => step <= ENTRIES);
const OPEN_ROUNDS = 20;

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
  return { cookie, csrf: (await response.json()).csrfToken };
}

async function timed(url, staff, path, init = {}) {
  const start = performance.now();
  const response = await fetch(`${url}${path}`, { ...init, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' } });
  const body = await response.json();
  const elapsed = performance.now() - start;
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}`);
  return { elapsed, body };
}

const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-'));
await chmod(dataDir, 0o755);
const portal = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
try {
  const account = portal.demoAccounts.find((member) => member.roles.includes('supervisor'));
  const vault = portal.app.get(CaseVaultService);
  const { caseId } = await vault.createCase({
    urgent: false,
    content: {
      identity: { defender: { name: 'Défenseure longue', profiles: ['journalist'] } },
      contact: { methods: ['phone'], phone: '+223 70 000 001' },
      narrative: 'Un suivi de plusieurs années.',
      situation: { incidents: [{ types: ['harassment'] }] },
      categories: { region: 'mopti', threatTypes: ['harassment'], perpetratorTypes: ['unknown'], profiles: ['journalist'], languages: ['fr'] },
    },
  });
  const staff = await signIn(portal.url, account);
  const rows = [];
  const writes = [];
  let written = 0;
  for (const step of STEPS) {
    while (written < step) {
      const body = JSON.stringify({ body: `Note ${written} : appel au défenseur, situation stable, rappel prévu dans une semaine.` });
      writes.push((await timed(portal.url, staff, `/api/cases/${caseId}/notes`, { method: 'POST', body })).elapsed);
      written++;
    }
    const open = [];
    const older = [];
    let shown = 0;
    for (let round = 0; round < OPEN_ROUNDS; round++) {
      const { elapsed, body } = await timed(portal.url, staff, `/api/cases/${caseId}`);
      open.push(elapsed);
      shown = body.entries.length;
      // The page just older than the one shown, as the timeline's button asks for it.
      if (body.olderEntriesBefore !== null)
        older.push((await timed(portal.url, staff, `/api/cases/${caseId}/entries?before=${body.olderEntriesBefore}`)).elapsed);
    }
    rows.push({ step, shown, open, older, lastWrites: writes.slice(-Math.min(50, writes.length)) });
  }

  writeSection(
    '4c-journal',
    `## 4c. Opening a case with a long journal

\`npm run bench:journal\` (bench/journal.bench.mjs): own embedded PostgreSQL with the demo
team; one case, then journal notes written through \`POST /api/cases/:id/notes\` one at a
time and the case opened (\`GET /api/cases/:id\`: grants, MACs over the index and every
entry id, content, thread, the folds of the whole journal; the latest page of entries
returned; audited) ${OPEN_ROUNDS} times at each step, each open followed by one request
for the next older page (\`GET /api/cases/:id/entries?before=…\`, audited), with the
demo supervisor's real session.
${machineLine()}

| journal notes | entries returned | open p50 | open p95 | older page p50 | note write p50 (last 50) |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r.step} | ${r.shown} | **${ms(median(r.open))}** | ${ms(p95(r.open))} | ${r.older.length ? ms(median(r.older)) : '—'} | ${ms(median(r.lastWrites))} |`).join('\n')}
| ratio open at ${STEPS.at(-1)} / at ${STEPS[0]} (p50) | | ${(median(rows.at(-1).open) / median(rows[0].open)).toFixed(1)} | | | |
`,
  );
} finally {
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
}
