import { jest } from '@jest/globals';
import { StatisticsTable } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { StatisticsBatchRepository } from '../../apps/api/src/reports/statistics-batch.repository.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { monthOf, newCaseCounters, type CounterKey } from '../../apps/api/src/vault/stat-counters.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient, type StaffCredentials } from '../support/staff.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';

/*
 * Counters applied in mixed batches: nothing counted in the case's own
 * transaction, nothing lost when the process dies between intake and the
 * batch or in the middle of one, and the counters after a batch exactly
 * those the cases' own categories give.
 */

const K = 3;
const DAY_MS = 24 * 3_600_000;
const REGIONS = ['bamako', 'bamako', 'bamako', 'kidal'];

let database: TestDatabase;
let secrets: NodeJS.ProcessEnv;
let portal: RunningPortal;
let supervisor: StaffClient;
let auditor: StaffClient;
let auditorCredentials: StaffCredentials;
let supervisorCredentials: StaffCredentials;
const expected: CounterKey[] = [];

function start(): Promise<RunningPortal> {
  return startPortal({
    ...secrets,
    ...FAST_PASSWORDS,
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    STATS_K: String(K),
  });
}

function contentIn(region: string, i: number): CaseContent {
  const base = plainContent();
  return { ...base, categories: { ...base.categories, region, threatTypes: i % 2 ? ['arrest'] : ['arrest', 'surveillance'], gender: i % 2 ? 'man' : 'woman' } };
}

/** Counters as a map "period|d1|v1|d2|v2" → count. */
function summed(keys: CounterKey[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const k of keys) {
    const key = [k.period, k.dimension1, k.value1, k.dimension2, k.value2].join('|');
    sums.set(key, (sums.get(key) ?? 0) + (k.amount ?? 1));
  }
  return sums;
}

async function stored(): Promise<Map<string, number>> {
  const rows = await asOwner<{ period: string; dimension_1: string; value_1: string; dimension_2: string; value_2: string; count: number }>(
    portal,
    'SELECT * FROM stat_counter',
  );
  return new Map(rows.map((r) => [[r.period, r.dimension_1, r.value_1, r.dimension_2, r.value_2].join('|'), r.count]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  secrets = testSecrets();
  portal = await start();
  const admin = await signIn(portal, await createAdmin(portal));
  const lead = await createStaff(portal, admin, { roles: ['supervisor'], onCall: true });
  supervisor = lead.client;
  supervisorCredentials = lead.credentials;
  const created = await createStaff(portal, admin, { roles: ['auditor'] });
  auditor = created.client;
  auditorCredentials = created.credentials;
}, 300_000);

afterAll(async () => {
  await portal?.close();
});

describe('statistics batches', () => {
  it("count nothing in the case's transaction, lose nothing when the portal dies before the batch, and equal the cases' own categories", async () => {
    const vault = portal.app.get(CaseVaultService);
    const now = new Date();
    for (const [i, region] of REGIONS.entries()) {
      const content = contentIn(region, i);
      const created = await vault.createCase({ urgent: i === 0, content }, now);
      expected.push(...newCaseCounters(content.categories, i === 0, now));
      if (i === 3) {
        expect((await supervisor.post(`/api/cases/${created.caseId}/status`, { to: 'inadmissible', reason: 'Hors mandat.' })).status).toBe(201);
        expected.push({ period: monthOf(new Date()), dimension1: 'closed', value1: 'inadmissible', dimension2: '', value2: '' });
      }
    }
    expect(await asOwner(portal, 'SELECT * FROM stat_counter')).toEqual([]);
    expect((await asOwner(portal, 'SELECT id FROM stat_pending')).length).toBe(REGIONS.length + 1);

    // The process dies between intake and the batch: the increments were committed with the cases.
    await portal.close();
    portal = await start();
    auditor = await signIn(portal, auditorCredentials);
    supervisor = await signIn(portal, supervisorCredentials);
    const batches = portal.app.get(StatisticsBatches);

    // The process dies in the middle of a batch: nothing of it is applied, nothing drained.
    const add = jest.spyOn(portal.app.get(StatisticsBatchRepository), 'addToCounters').mockRejectedValueOnce(new Error('killed'));
    await expect(batches.applyDue()).rejects.toThrow('killed');
    add.mockRestore();
    expect(await asOwner(portal, 'SELECT * FROM stat_counter')).toEqual([]);
    expect((await asOwner(portal, 'SELECT id FROM stat_pending')).length).toBe(REGIONS.length + 1);

    expect(await batches.applyDue()).toEqual({ applied: true, increments: REGIONS.length + 1, cases: REGIONS.length });
    expect(await stored()).toEqual(summed(expected));
    expect(await asOwner(portal, 'SELECT id FROM stat_pending')).toEqual([]);

    // The auditor's page says the same, and how fresh it is.
    const month = monthOf(now);
    const response = await auditor.get(`/api/reports/statistics?from=${month}&to=${month}&granularity=month&dimension=region`);
    expect(response.status).toBe(200);
    const table = StatisticsTable.parse(await response.json());
    // Kidal (1) is below k and bamako, the only other region, hidden with it; the total is the four cases.
    expect(table.totals).toEqual([{ period: month, count: REGIONS.length }]);
    expect(table.freshness).toEqual({ countedUntil: expect.stringMatching(/T\d{2}:00:00\.000Z$/), waiting: 0 });
  }, 300_000);

  it('wait for k distinct cases and for a day since the last batch, whichever comes last', async () => {
    const vault = portal.app.get(CaseVaultService);
    const batches = portal.app.get(StatisticsBatches);
    const first = await vault.createCase({ urgent: false, content: contentIn('gao', 0) });
    // Two increments of one case are one case, not two.
    expect((await supervisor.post(`/api/cases/${first.caseId}/status`, { to: 'inadmissible', reason: 'Hors mandat.' })).status).toBe(201);
    await vault.createCase({ urgent: false, content: contentIn('gao', 1) });
    const later = (days: number) => new Date(Date.now() + days * DAY_MS);
    expect(await batches.applyDue(later(2))).toEqual({ applied: false, reason: 'too_few_cases' });
    await vault.createCase({ urgent: false, content: contentIn('gao', 2) });
    expect(await batches.applyDue()).toEqual({ applied: false, reason: 'too_soon' });
    expect(await batches.applyDue(later(2))).toMatchObject({ applied: true, cases: K });
  }, 300_000);
});
