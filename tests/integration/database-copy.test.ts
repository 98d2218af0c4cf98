import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import { plainContent } from '../factories/case-content.js';
import { casesBehindWrites, finerThanHour, namesAny, readEveryTupleVersion, timeColumns, timeOf } from '../support/database-copy.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, ownerUrlOf, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * The adversary of a seized or leaked database (T1), holding a copy of its
 * pages: cases of distinct, rare categories are submitted, followed up and
 * worked on; then, from the raw heap pages (xmin and xmax of every tuple
 * version, dead ones included, and every timestamp column), the adversary
 * tries to tie a counter change or a precise time to one case.
 */

const K = 3;
const RARE = [
  { region: 'kidal', threat: 'abduction_disappearance', profile: 'journalist' },
  { region: 'menaka', threat: 'arbitrary_detention', profile: 'lawyer' },
  { region: 'taoudenit', threat: 'judicial_harassment', profile: 'trade_unionist' },
  { region: 'gao', threat: 'surveillance', profile: 'online_activist' },
];

let portal: RunningPortal;
let vault: CaseVaultService;
let supervisor: StaffClient;
/** Every identifier that names a case (its id, its receipts' ids) → the case. */
const names = new Map<string, string>();

function rareContent(spec: (typeof RARE)[number]): CaseContent {
  const base = plainContent();
  return {
    ...base,
    categories: { ...base.categories, region: spec.region, threatTypes: [spec.threat], profiles: [spec.profile], gender: 'woman', ageGroup: 'over_60' },
  };
}

async function followUp(receipt: string): Promise<void> {
  const opened = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  expect(opened.status).toBe(200);
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const sent = await fetch(`${portal.url}/api/follow-up/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ body: 'Ils sont revenus ce matin.' }),
  });
  expect(sent.status).toBe(201);
}

beforeAll(async () => {
  portal = await startTestPortal({ ...FAST_PASSWORDS, STATS_K: String(K) });
  vault = portal.app.get(CaseVaultService);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], onCall: true })).client;
  // Autovacuum would tidy the pages before the adversary looks; the copy may be taken at any moment.
  await asOwner(portal, 'ALTER TABLE stat_counter SET (autovacuum_enabled = false)');
  for (const spec of RARE) {
    const created = await vault.createCase({ urgent: false, content: rareContent(spec) });
    names.set(created.caseId, created.caseId);
    await followUp(created.receipt);
    const status = await supervisor.post(`/api/cases/${created.caseId}/status`, { to: 'inadmissible', reason: 'Hors mandat.' });
    expect(status.status).toBe(201);
  }
  const receipts = await asOwner<{ id: string; case_id: string }>(portal, 'SELECT id, case_id FROM receipt');
  for (const receipt of receipts) names.set(receipt.id, receipt.case_id);
  expect(await portal.app.get(StatisticsBatches).applyDue()).toMatchObject({ applied: true, cases: RARE.length });
}, 300_000);

afterAll(async () => {
  await portal?.close();
});

describe('a copy of the database', () => {
  it('ties no counter change to fewer than k cases, through xmin, xmax or dead row versions', async () => {
    const versions = await readEveryTupleVersion(ownerUrlOf(portal));
    expect(versions.filter((v) => v.table === 'stat_counter').length).toBeGreaterThan(0);
    const behind = casesBehindWrites(versions, 'stat_counter', names);
    const attributed = [...behind].filter(([, cases]) => cases.size > 0 && cases.size < K).map(([xid, cases]) => ({ xid, cases: [...cases] }));
    expect(attributed).toEqual([]);
  });

  it('ties no time finer than the hour to a case, a receipt or a visit', async () => {
    const versions = await readEveryTupleVersion(ownerUrlOf(portal));
    const columns = await timeColumns(ownerUrlOf(portal));
    const precise: string[] = [];
    for (const version of versions) {
      const cases = namesAny(version, names);
      if (cases.size === 0) continue;
      for (const column of columns.filter((c) => c.table === version.table)) {
        const raw = version.attrs[column.index];
        if (raw && finerThanHour(raw)) precise.push(`${column.table}.${column.column} = ${timeOf(raw).toISOString()}`);
      }
    }
    expect(precise).toEqual([]);
  });

  it('shows the precise times from inside the ciphertext: a writer who backdates the clear hour changes nothing shown', async () => {
    const caseId = [...names.values()][0] as string;
    const shown = async () => {
      const response = await supervisor.get(`/api/cases/${caseId}`);
      expect(response.status).toBe(200);
      const detail = (await response.json()) as { entries: { at: string }[]; thread: { at: string }[] };
      return { entries: detail.entries.map((e) => e.at), thread: detail.thread.map((m) => m.at) };
    };
    const before = await shown();
    expect(before.entries.length).toBeGreaterThan(0);
    expect(before.thread.length).toBeGreaterThan(0);
    // Precise to the millisecond on screen, though the rows hold only the hour.
    expect([...before.entries, ...before.thread].some((at) => !at.endsWith(':00:00.000Z'))).toBe(true);
    await asOwner(portal, "UPDATE case_entry SET created_at = created_at - interval '3 days' WHERE case_id = $1", [caseId]);
    await asOwner(portal, "UPDATE case_message SET created_at = created_at - interval '3 days' WHERE case_id = $1", [caseId]);
    expect(await shown()).toEqual(before);
  });

  it('holds no counter increment in the clear while it waits', async () => {
    const waiting = await vault.createCase({
      urgent: false,
      content: rareContent({ region: 'taoudenit', threat: 'surveillance', profile: 'online_activist' }),
    });
    expect(waiting.caseId).toBeTruthy();
    const versions = await readEveryTupleVersion(ownerUrlOf(portal));
    const clear = versions
      .filter((v) => v.table !== 'reference_item' && v.table !== 'stat_counter')
      .filter((v) => v.attrs.some((raw) => raw?.includes('taoudenit')));
    expect(clear.map((v) => v.table)).toEqual([]);
  });
});
