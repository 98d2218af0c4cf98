import { jest } from '@jest/globals';
import { StatisticsTable } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import { StatisticsRepository } from '../../apps/api/src/reports/statistics.repository.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * Built statistics tables are kept between requests and rebuilt only when a
 * batch changed the counters: an auditor never reads a table older than the
 * last batch, and a repeated question reads no counter again.
 */

const K = 3;
const DAY_MS = 24 * 3_600_000;

let portal: RunningPortal;
let auditor: StaffClient;

async function createCases(count: number): Promise<void> {
  const vault = portal.app.get(CaseVaultService);
  const base = plainContent();
  for (let i = 0; i < count; i++) {
    await vault.createCase({ urgent: false, content: { ...base, categories: { ...base.categories, region: 'kidal' } } });
  }
}

async function kidal(): Promise<number | null> {
  const month = new Date().toISOString().slice(0, 7);
  const response = await auditor.get(`/api/reports/statistics?from=${month}&to=${month}&granularity=month&dimension=region`);
  expect(response.status).toBe(200);
  const table = StatisticsTable.parse(await response.json());
  return table.cells.find((cell) => cell.value === 'kidal')?.count ?? null;
}

beforeAll(async () => {
  portal = await startTestPortal({ ...FAST_PASSWORDS, STATS_K: String(K) });
  const admin = await signIn(portal, await createAdmin(portal));
  auditor = (await createStaff(portal, admin, { roles: ['auditor'] })).client;
}, 300_000);

afterAll(async () => {
  await portal?.close();
});

it('a repeated question is answered from the tables built, and a batch applied makes them be built again', async () => {
  const batches = portal.app.get(StatisticsBatches);
  await createCases(K);
  expect((await batches.applyDue()).applied).toBe(true);
  expect(await kidal()).toBe(K);

  const reads = jest.spyOn(portal.app.get(StatisticsRepository), 'counters');
  expect(await kidal()).toBe(K);
  expect(reads).not.toHaveBeenCalled();

  // The next batch (a day later): the same question must show the new counts at once.
  await createCases(K);
  expect((await batches.applyDue(new Date(Date.now() + DAY_MS + 60_000))).applied).toBe(true);
  expect(await kidal()).toBe(2 * K);
  expect(reads).toHaveBeenCalled();
  reads.mockRestore();
}, 300_000);
