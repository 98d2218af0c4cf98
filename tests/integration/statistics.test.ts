import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { REGION_GROUPS, ResponseTimes, StatisticsTable, type Granularity, type ReportDimension, type StatCell } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseClock } from '../../apps/api/src/cases/case-clock.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { canaryContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * Statistics on generated data with known true counts: every breakdown right
 * where it is shown, suppression right at k, no suppressed cell recomputable
 * from anything shown in any view, and no free text, name or identifier in
 * an export or in the counters.
 */

const K = 5;
const CANARY = `canari${randomBytes(5).toString('hex')}`;

interface CaseSpec {
  readonly receivedAt: Date;
  readonly region: string;
  readonly threats: string[];
  readonly gender: string;
  readonly ageGroup: string;
  readonly disability: string;
  readonly measures: string[];
  readonly people: number;
  readonly urgent: boolean;
  readonly channel: 'web' | 'phone';
}

let portal: RunningPortal;
let vault: CaseVaultService;
let auditor: StaffClient;
let supervisor: StaffClient;
let caseworker: StaffClient;
let admin: StaffClient;
const specs: CaseSpec[] = [];
const caseIds: string[] = [];
const references: string[] = [];
/** Case-work events with their true month: closures, first contacts, first assessments. */
const closures: { month: string; value: 'closed' | 'inadmissible' | 'reopened' }[] = [];
const contactMonths: string[] = [];

/** Deterministic pseudo-random numbers (mulberry32): the same data every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): CaseSpec[] {
  const next = random(20250101);
  const pick = <T>(list: readonly T[], weights?: number[]): T => {
    const w = weights ?? list.map(() => 1);
    let r = next() * w.reduce((a, b) => a + b, 0);
    for (let i = 0; i < list.length; i++) if ((r -= w[i] ?? 0) < 0) return list[i] as T;
    return list[list.length - 1] as T;
  };
  const some = <T>(list: readonly T[]): T[] => list.filter(() => next() < 0.4);
  return Array.from({ length: 72 }, () => {
    const month = pick([1, 2, 3, 4, 5, 6], [3, 3, 4, 2, 2, 1]);
    return {
      receivedAt: new Date(Date.UTC(2025, month - 1, 1 + Math.floor(next() * 27), 8)),
      region: pick(['bamako', 'mopti', 'segou', 'kidal', 'gao', 'sikasso'], [10, 7, 4, 2, 2, 3]),
      threats: some(['arrest', 'threats_intimidation', 'judicial_harassment']),
      gender: pick(['woman', 'man']),
      ageGroup: pick(['18_35', '36_60', 'over_60'], [5, 4, 1]),
      disability: pick(['no', 'yes', 'prefer_not_to_say'], [8, 1, 1]),
      measures: some(['legal_assistance', 'digital_security']),
      people: pick([1, 2, 3], [6, 3, 1]),
      urgent: next() < 0.3,
      channel: pick(['web', 'phone'] as const, [3, 1]),
    };
  });
}

/** The case as intake stores it: the categories counted, and canaries in every free-text field. */
function contentOf(spec: CaseSpec, i: number): CaseContent {
  const others = Array.from({ length: spec.people - 1 }, (_, j) => ({ name: `Proche ${j} ${CANARY}`, relationship: 'family' }));
  return {
    identity: { defender: { name: `Aminata ${CANARY} ${i}`, organisation: `Association ${CANARY}` }, othersAtRisk: others },
    contact: { phone: `+223 70 ${i} ${CANARY}` },
    narrative: `Convoquée par la gendarmerie de ${CANARY}.`,
    situation: { location: { region: spec.region, locality: `Quartier ${CANARY}` }, help: { measures: spec.measures, other: `Aide ${CANARY}` } },
    categories: {
      region: spec.region,
      threatTypes: spec.threats,
      perpetratorTypes: ['state_security'],
      profiles: ['journalist'],
      gender: spec.gender,
      languages: ['fr'],
      channel: spec.channel,
      ageGroup: spec.ageGroup,
      disability: spec.disability,
      measuresRequested: spec.measures,
      peopleAtRisk: spec.people,
    },
  };
}

/** 2023: a boundary year — kidal k-1 (suppressed), bamako exactly k (shown), gao 3, and one canary case with free text in its categories. */
const BOUNDARY: Record<string, number> = { kidal: K - 1, bamako: K, gao: 3 };

async function createAll(): Promise<void> {
  specs.push(...generate());
  for (const [region, n] of Object.entries(BOUNDARY)) {
    for (let i = 0; i < n; i++) {
      specs.push({
        receivedAt: new Date(Date.UTC(2023, 2, 10, 8)),
        region,
        threats: ['arrest'],
        gender: 'woman',
        ageGroup: '18_35',
        disability: 'no',
        measures: [],
        people: 1,
        urgent: false,
        channel: 'web',
      });
    }
  }
  for (let start = 0; start < specs.length; start += 4) {
    const batch = specs.slice(start, start + 4);
    const created = await Promise.all(batch.map((spec, j) => vault.createCase({ urgent: spec.urgent, content: contentOf(spec, start + j) }, spec.receivedAt)));
    for (const c of created) {
      caseIds.push(c.caseId);
      references.push(c.reference);
    }
  }
  // In a year of its own, so its "other" values leave the boundary year alone.
  const canary = await vault.createCase({ urgent: false, content: canaryContent(CANARY) }, new Date(Date.UTC(2022, 2, 11, 8)));
  caseIds.push(canary.caseId);
  references.push(canary.reference);
}

beforeAll(async () => {
  portal = await startTestPortal({ ...FAST_PASSWORDS, STATS_K: String(K) });
  vault = portal.app.get(CaseVaultService);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Stat' })).client;
  auditor = (await createStaff(portal, admin, { roles: ['auditor'], name: 'Auditrice, "Stat"' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'] })).client;
  await createAll();
  await caseWork();
  // Every increment waits sealed until a batch mixes it with others; one batch counts them all.
  expect((await portal.app.get(StatisticsBatches).applyDue()).applied).toBe(true);
}, 300_000);

afterAll(async () => {
  await portal?.close();
});

// ---- case work at known times ------------------------------------------------

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Hours to first contact of six urgent cases, and days to first assessment of six ordinary ones. */
const CONTACT_HOURS = [1, 1, 2, 3, 5, 30];
const ASSESSMENT_DAYS = [1, 2, 5, 5, 12, 40];

async function at<T>(when: Date, act: () => Promise<T>): Promise<T> {
  const clock = jest.spyOn(portal.app.get(CaseClock), 'now').mockReturnValue(when);
  try {
    return await act();
  } finally {
    clock.mockRestore();
  }
}

async function expectStatus(response: Promise<Response>, status: number): Promise<void> {
  const r = await response;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${await r.text()}`);
}

async function caseWork(): Promise<void> {
  const in2025 = specs.map((spec, i) => ({ spec, id: caseIds[i] as string })).filter(({ spec }) => spec.receivedAt.getUTCFullYear() === 2025);
  const urgent = in2025.filter(({ spec }) => spec.urgent && spec.receivedAt.getUTCMonth() < 4).slice(0, CONTACT_HOURS.length);
  const ordinary = in2025.filter(({ spec }) => !spec.urgent && spec.receivedAt.getUTCMonth() < 3).slice(0, ASSESSMENT_DAYS.length + 8);
  expect(urgent).toHaveLength(CONTACT_HOURS.length);
  for (const [i, { spec, id }] of urgent.entries()) {
    const reached = new Date(spec.receivedAt.getTime() + (CONTACT_HOURS[i] ?? 0) * HOUR);
    contactMonths.push(reached.toISOString().slice(0, 7));
    // A failed attempt first: only the first time someone is reached counts.
    await at(reached, () =>
      expectStatus(supervisor.post(`/api/cases/${id}/contact-attempts`, { channel: 'phone', result: 'no_answer', at: reached.toISOString() }), 201),
    );
    await at(reached, () =>
      expectStatus(supervisor.post(`/api/cases/${id}/contact-attempts`, { channel: 'phone', result: 'reached', at: reached.toISOString() }), 201),
    );
    await at(reached, () =>
      expectStatus(supervisor.post(`/api/cases/${id}/contact-attempts`, { channel: 'phone', result: 'reached', at: reached.toISOString() }), 201),
    );
  }
  const assess = {
    threats: { score: 3 },
    vulnerabilities: { score: 3 },
    capacities: { score: 3 },
    level: 'ordinary',
    urgentProcedure: false,
    reassessmentDue: '2030-01-01',
  };
  for (const [i, { spec, id }] of ordinary.slice(0, ASSESSMENT_DAYS.length).entries()) {
    const when = new Date(spec.receivedAt.getTime() + (ASSESSMENT_DAYS[i] ?? 0) * DAY);
    await at(when, () => expectStatus(supervisor.post(`/api/cases/${id}/assessments`, assess), 201));
    // A reassessment is not a first assessment: not counted again.
    await at(when, () => expectStatus(supervisor.post(`/api/cases/${id}/assessments`, assess), 201));
  }
  // Seven closed in May 2025 (six closed, one inadmissible), one of them reopened in June.
  const may = new Date(Date.UTC(2025, 4, 15, 10));
  for (const { id } of ordinary.slice(6, 12)) {
    await at(may, () => expectStatus(supervisor.post(`/api/cases/${id}/status`, { to: 'under_assessment', reason: 'Évaluation.' }), 201));
    await at(may, () =>
      expectStatus(supervisor.post(`/api/cases/${id}/status`, { to: 'closed', reason: 'Libéré.', outcome: 'released', defenderInformed: true }), 201),
    );
    closures.push({ month: '2025-05', value: 'closed' });
  }
  const inadmissible = ordinary[12]?.id as string;
  await at(may, () => expectStatus(supervisor.post(`/api/cases/${inadmissible}/status`, { to: 'inadmissible', reason: 'Hors mandat.' }), 201));
  closures.push({ month: '2025-05', value: 'inadmissible' });
  const june = new Date(Date.UTC(2025, 5, 3, 10));
  await at(june, () => expectStatus(supervisor.post(`/api/cases/${inadmissible}/status`, { to: 'under_assessment', reason: 'Réexamen.' }), 201));
  closures.push({ month: '2025-06', value: 'reopened' });
}

// ---- the truth, from the specs ----------------------------------------------------

const GROUP_OF = new Map(Object.entries(REGION_GROUPS).flatMap(([group, regions]) => regions.map((region) => [region, group] as const)));

function valuesOf(spec: CaseSpec, dimension: ReportDimension): string[] {
  switch (dimension) {
    case 'cases':
    case 'people':
      return ['all'];
    case 'region':
      return [spec.region];
    case 'region_group':
      return [GROUP_OF.get(spec.region) ?? 'unknown'];
    case 'threat_type':
      return spec.threats;
    case 'gender':
      return [spec.gender];
    case 'age_group':
      return [spec.ageGroup];
    case 'disability':
      return [spec.disability];
    case 'measure_requested':
      return spec.measures;
    case 'urgency':
      return [spec.urgent ? 'urgent' : 'ordinary'];
    case 'channel':
      return [spec.channel];
    default:
      throw new Error(`no truth for ${dimension}`);
  }
}

function periodOf(date: Date, granularity: Granularity): string {
  const month = date.toISOString().slice(0, 7);
  if (granularity === 'year') return month.slice(0, 4);
  if (granularity === 'quarter') return `${month.slice(0, 4)}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  return month;
}

/** True counts by "period|value|cross": cases, or people (weight) with the cases behind them. */
function truth(dimension: ReportDimension, cross: ReportDimension | undefined, granularity: Granularity, year: number) {
  const counts = new Map<string, { count: number; cases: number }>();
  const people = dimension === 'people' || cross === 'people';
  for (const spec of specs.filter((s) => s.receivedAt.getUTCFullYear() === year)) {
    for (const value of valuesOf(spec, dimension)) {
      for (const crossed of cross ? valuesOf(spec, cross) : ['']) {
        const key = `${periodOf(spec.receivedAt, granularity)}|${value}|${crossed}`;
        const known = counts.get(key) ?? { count: 0, cases: 0 };
        counts.set(key, { count: known.count + (people ? spec.people : 1), cases: known.cases + 1 });
      }
    }
  }
  return counts;
}

// ---- reading the API ----------------------------------------------------------

async function table(query: Record<string, string>, client: StaffClient = auditor): Promise<StatisticsTable> {
  const response = await client.get(`/api/reports/statistics?${new URLSearchParams(query)}`);
  if (response.status !== 200) throw new Error(`statistics ${response.status}: ${await response.text()}`);
  return StatisticsTable.parse(await response.json());
}

const key = (cell: Pick<StatCell, 'period' | 'value' | 'cross'>) => `${cell.period}|${cell.value}|${cell.cross}`;

/** Every shown cell equals the truth; every non-zero cell below k is suppressed as such; a zero is a zero or a complement. */
function expectTrue(sut: StatisticsTable, expected: Map<string, { count: number; cases: number }>): void {
  const seen = new Set<string>();
  for (const cell of sut.cells) {
    const real = expected.get(key(cell)) ?? { count: 0, cases: 0 };
    seen.add(key(cell));
    if (real.cases > 0 && real.cases < K) expect({ cell: key(cell), suppressed: cell.suppressed }).toEqual({ cell: key(cell), suppressed: 'below_k' });
    else if (cell.suppressed === null) expect({ cell: key(cell), count: cell.count }).toEqual({ cell: key(cell), count: real.count });
    else expect(cell.suppressed).toBe('complementary');
  }
  for (const [k, real] of expected) if (real.count > 0 && sut.cells.some((c) => c.period === k.split('|')[0])) expect(seen).toContain(k);
}

// ---- the disclosure checker ----------------------------------------------------

/** One sum a reader knows: its members, each shown (a number) or hidden (null). */
type Line = { name: string; members: (number | null)[] };

/** A line with exactly one hidden member gives that member away. */
function exposed(lines: Line[]): string[] {
  return lines.filter((line) => line.members.filter((m) => m === null).length === 1).map((line) => line.name);
}

function cellsBy(sut: StatisticsTable): Map<string, number | null> {
  return new Map(sut.cells.map((cell) => [key(cell), cell.count]));
}

/** Each period's cells against its total. */
function ownLines(sut: StatisticsTable): Line[] {
  return sut.totals.map((total) => ({
    name: `${sut.query.dimension}/${sut.query.cross ?? ''} ${total.period} total`,
    members: [...sut.cells.filter((c) => c.period === total.period).map((c) => c.count), total.count],
  }));
}

/** Fine cells grouped onto the coarse table's cells (months onto quarters, regions onto groups, a row onto its margin). */
function linkedLines(name: string, fine: StatisticsTable, coarse: StatisticsTable, coarseKey: (cell: StatCell) => string): Line[] {
  const coarseCells = cellsBy(coarse);
  const groups = new Map<string, (number | null)[]>();
  for (const cell of fine.cells) groups.set(coarseKey(cell), [...(groups.get(coarseKey(cell)) ?? []), cell.count]);
  return [...groups].filter(([k]) => coarseCells.has(k)).map(([k, members]) => ({ name: `${name} ${k}`, members: [...members, coarseCells.get(k) ?? null] }));
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** Month, quarter and year views of one table, each against itself and the next coarser one. */
async function views(dimension: ReportDimension, cross?: ReportDimension, from = '2025-01', to = '2025-12') {
  const query = (granularity: Granularity) => ({ from, to, granularity, dimension, ...(cross ? { cross } : {}) });
  const [month, quarter, year] = await Promise.all([table(query('month')), table(query('quarter')), table(query('year'))]);
  const totals = (sut: StatisticsTable): StatisticsTable => ({
    ...sut,
    cells: sut.totals.map((t) => ({ period: t.period, value: 'total', cross: '', count: t.count, suppressed: null })),
  });
  const lines = [
    ...ownLines(month),
    ...ownLines(quarter),
    ...ownLines(year),
    ...linkedLines('month→quarter', month, quarter, (c) => key({ ...c, period: quarterOf(c.period) })),
    ...linkedLines('quarter→year', quarter, year, (c) => key({ ...c, period: c.period.slice(0, 4) })),
    ...linkedLines('month totals→quarter', totals(month), totals(quarter), (c) => key({ ...c, period: quarterOf(c.period) })),
    ...linkedLines('quarter totals→year', totals(quarter), totals(year), (c) => key({ ...c, period: c.period.slice(0, 4) })),
  ];
  return { month, quarter, year, lines };
}

const ONE_DIMENSION: ReportDimension[] = [
  'cases',
  'people',
  'region',
  'region_group',
  'threat_type',
  'gender',
  'age_group',
  'disability',
  'measure_requested',
  'urgency',
  'channel',
];

describe('breakdowns', () => {
  it.each(ONE_DIMENSION)('%s alone: shown counts are the true counts by month, quarter and year; below k suppressed', async (dimension) => {
    const { month, quarter, year } = await views(dimension);
    expectTrue(month, truth(dimension, undefined, 'month', 2025));
    expectTrue(quarter, truth(dimension, undefined, 'quarter', 2025));
    expectTrue(year, truth(dimension, undefined, 'year', 2025));
    expect(month.cells.filter((c) => c.period === '2025-01').length).toBeGreaterThan(0);
    expect(month.k).toBe(K);
  });

  it.each([
    ['region', 'gender'],
    ['region', 'threat_type'],
    ['urgency', 'gender'],
    ['age_group', 'measure_requested'],
    ['people', 'region'],
    ['region_group', 'channel'],
  ] as [ReportDimension, ReportDimension][])('%s × %s: shown counts are the true pair counts', async (dimension, cross) => {
    const { month, quarter, year } = await views(dimension, cross);
    expectTrue(month, truth(dimension, cross, 'month', 2025));
    expectTrue(quarter, truth(dimension, cross, 'quarter', 2025));
    expectTrue(year, truth(dimension, cross, 'year', 2025));
    // The same pair asked the other way round reads the same counters.
    const reversed = await table({ from: '2025-01', to: '2025-12', granularity: 'year', dimension: cross, cross: dimension });
    expectTrue(reversed, truth(cross, dimension, 'year', 2025));
  });

  it('sums quarters and years, and the totals are the cases of the period where shown', async () => {
    const quarters = await table({ from: '2025-01', to: '2025-12', granularity: 'quarter', dimension: 'region' });
    const cases = truth('cases', undefined, 'quarter', 2025);
    for (const total of quarters.totals) if (total.count !== null) expect(total.count).toBe(cases.get(`${total.period}|all|`)?.count ?? 0);
    expect(quarters.totals.map((t) => t.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const year = await table({ from: '2025-03', to: '2025-03', granularity: 'year', dimension: 'cases' });
    expect(year.query).toMatchObject({ from: '2025-01', to: '2025-12' });
    expect(year.cells).toEqual([
      { period: '2025', value: 'all', cross: '', count: specs.filter((s) => s.receivedAt.getUTCFullYear() === 2025).length, suppressed: null },
    ]);
  });

  it('counts case work in the month it happened: outcomes, closures, first risk levels', async () => {
    const outcomes = await table({ from: '2025-05', to: '2025-05', dimension: 'outcome' });
    expect(outcomes.cells).toEqual([{ period: '2025-05', value: 'released', cross: '', count: 6, suppressed: null }]);
    const closed = await table({ from: '2025-05', to: '2025-06', dimension: 'closed' });
    const may = closed.cells.filter((c) => c.period === '2025-05');
    // One inadmissible alone would be the total less the closed: the closed are hidden with it.
    expect(may.find((c) => c.value === 'inadmissible')).toMatchObject({ count: null, suppressed: 'below_k' });
    expect(may.find((c) => c.value === 'closed')).toMatchObject({ count: null, suppressed: 'complementary' });
    // June's one reopening is hidden; the second quarter's total is shown, so May's total is hidden too.
    expect(closed.totals).toEqual([
      { period: '2025-05', count: null },
      { period: '2025-06', count: null },
    ]);
    const year = await table({ from: '2025-01', to: '2025-12', granularity: 'year', dimension: 'closed' });
    expect(year.cells.find((c) => c.value === 'closed')).toMatchObject({ count: 6, suppressed: null });
    const risk = await table({ from: '2025-01', to: '2025-12', granularity: 'year', dimension: 'risk_level' });
    expect(risk.cells).toEqual([{ period: '2025', value: 'ordinary', cross: '', count: ASSESSMENT_DAYS.length, suppressed: null }]);
  });

  it('carries over the cases received before each period less those closed or inadmissible before it (reopened come back)', async () => {
    const sut = await table({ from: '2025-01', to: '2025-12', dimension: 'carried_over' });
    const before = (month: string) => {
      // The specs, and the canary case of March 2022.
      const received = specs.filter((s) => s.receivedAt.toISOString().slice(0, 7) < month).length + (month > '2022-03' ? 1 : 0);
      const ended = closures.filter((c) => c.month < month).reduce((n, c) => n + (c.value === 'reopened' ? -1 : 1), 0);
      return received - ended;
    };
    expect(sut.cells).toHaveLength(12);
    for (const cell of sut.cells) {
      const real = before(cell.period);
      if (real > 0 && real < K) expect(cell.suppressed).toBe('below_k');
      else expect(cell.count).toBe(real);
    }
    // 2023's boundary cases and 2022's canary case are carried into 2025.
    expect(sut.cells[0]?.count).toBe(Object.values(BOUNDARY).reduce((a, b) => a + b, 0) + 1);
    const june = sut.cells.find((c) => c.period === '2025-06');
    expect(june?.count).toBe(before('2025-06'));
  });

  it('refuses a pair that was never counted, and a malformed query, naming the field', async () => {
    const uncounted = await auditor.get('/api/reports/statistics?from=2025-01&to=2025-12&dimension=outcome&cross=region');
    expect(uncounted.status).toBe(400);
    expect(JSON.stringify(await uncounted.json())).toContain('cross');
    expect((await auditor.get('/api/reports/statistics?from=2025-13&to=2025-12&dimension=region')).status).toBe(400);
    expect((await auditor.get('/api/reports/statistics?from=2025-05&to=2025-01&dimension=region')).status).toBe(400);
    expect((await auditor.get('/api/reports/statistics?from=2025-01&to=2025-12&dimension=region&caseId=x')).status).toBe(400);
  });
});

describe('disclosure control', () => {
  it('suppresses k-1 and shows exactly k', async () => {
    const sut = await table({ from: '2023-03', to: '2023-03', dimension: 'region' });
    const cell = (value: string) => sut.cells.find((c) => c.value === value);
    expect(cell('kidal')).toMatchObject({ count: null, suppressed: 'below_k' });
    expect(cell('gao')).toMatchObject({ count: null, suppressed: 'below_k' });
    expect(cell('bamako')).toMatchObject({ count: K, suppressed: null });
    expect(sut.totals).toEqual([{ period: '2023-03', count: 12 }]);
    // The canary case's free-text region counts as "other", never as its text: one case, suppressed.
    const canaryYear = await table({ from: '2022-01', to: '2022-12', granularity: 'year', dimension: 'region' });
    expect(canaryYear.cells).toEqual([{ period: '2022', value: 'other', cross: '', count: null, suppressed: 'below_k' }]);
  });

  it('leaves no suppressed cell recomputable from what any view shows (1-D, 2-D, months, quarters, years, region groups)', async () => {
    const lines: Line[] = [];
    for (const dimension of ONE_DIMENSION) lines.push(...(await views(dimension)).lines);
    lines.push(...(await views('region', undefined, '2023-01', '2023-12')).lines);
    const pairs: [ReportDimension, ReportDimension][] = [
      ['region', 'gender'],
      ['urgency', 'gender'],
      ['region_group', 'channel'],
      ['region', 'age_group'],
    ];
    for (const [dimension, cross] of pairs) {
      const crossed = await views(dimension, cross);
      lines.push(...crossed.lines);
      for (const granularity of ['month', 'quarter', 'year'] as const) {
        const sut = crossed[granularity];
        const [rows, columns] = await Promise.all([
          table({ from: '2025-01', to: '2025-12', granularity, dimension }),
          table({ from: '2025-01', to: '2025-12', granularity, dimension: cross }),
        ]);
        lines.push(...linkedLines(`${dimension}×${cross} rows`, sut, rows, (c) => key({ ...c, cross: '' })));
        lines.push(...linkedLines(`${dimension}×${cross} columns`, sut, columns, (c) => key({ period: c.period, value: c.cross, cross: '' })));
        if (dimension === 'region') {
          const groups = await table({ from: '2025-01', to: '2025-12', granularity, dimension: 'region_group', cross });
          lines.push(...linkedLines(`${dimension}×${cross} groups`, sut, groups, (c) => key({ ...c, value: GROUP_OF.get(c.value) ?? 'unknown' })));
        }
      }
    }
    for (const granularity of ['month', 'quarter', 'year'] as const) {
      const [regions, groups] = await Promise.all([
        table({ from: '2025-01', to: '2025-12', granularity, dimension: 'region' }),
        table({ from: '2025-01', to: '2025-12', granularity, dimension: 'region_group' }),
      ]);
      lines.push(...linkedLines('region→group', regions, groups, (c) => key({ ...c, value: GROUP_OF.get(c.value) ?? 'unknown' })));
    }
    expect(lines.length).toBeGreaterThan(500);
    expect(lines.some((line) => line.members.filter((m) => m === null).length >= 2)).toBe(true);
    expect(exposed(lines)).toEqual([]);
  });

  it('suppresses the same cell the same way whatever range is asked (no differencing two ranges)', async () => {
    const year = await table({ from: '2025-01', to: '2025-12', dimension: 'region' });
    const march = await table({ from: '2025-03', to: '2025-03', dimension: 'region' });
    expect(march.cells).toEqual(year.cells.filter((c) => c.period === '2025-03'));
  });

  it('offers a coarser view when most of the fine one is suppressed', async () => {
    const sut = await table({ from: '2023-01', to: '2023-12', dimension: 'region' });
    expect(sut.coarserSuggestion).toEqual({ granularity: 'quarter', dimension: 'region_group' });
    const coarse = await table({ from: '2025-01', to: '2025-12', granularity: 'year', dimension: 'cases' });
    expect(coarse.coarserSuggestion).toBeNull();
  });
});

describe('response times', () => {
  it('gives the buckets of the median and the 90th percentile, and the share within target, from the counters', async () => {
    const response = await supervisor.get('/api/reports/response-times?from=2025-01&to=2025-12');
    expect(response.status).toBe(200);
    const sut = ResponseTimes.parse(await response.json());
    // Hours 1, 1, 2, 3, 5, 30 (target 2 h, 2 inclusive); days 1, 2, 5, 5, 12, 40 (target 10 days).
    expect(sut.firstContact).toEqual({ measured: 6, medianBucket: '0_2', p90Bucket: '24_72', withinTargetShare: 0.5 });
    expect(sut.assessment).toEqual({ measured: 6, medianBucket: '3_10', p90Bucket: '30_plus', withinTargetShare: 0.667 });
  });

  it('says nothing below k measurements', async () => {
    const times = async (from: string, to: string) =>
      ResponseTimes.parse(await (await auditor.get(`/api/reports/response-times?from=${from}&to=${to}`)).json());
    const none = await times('2023-01', '2023-12');
    expect(none.firstContact).toEqual({ measured: 0, medianBucket: null, p90Bucket: null, withinTargetShare: null });
    const byMonth = new Map<string, number>();
    for (const month of contactMonths) byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    const [month] = [...byMonth].find(([, n]) => n > 0 && n < K) ?? [];
    expect(month).toBeDefined();
    const few = await times(month as string, month as string);
    expect(few.firstContact).toEqual({ measured: null, medianBucket: null, p90Bucket: null, withinTargetShare: null });
  });
});

describe('the queries, parsed at the edge', () => {
  interface FieldErrors {
    error: { code: string; fields?: { field: string; message: string }[] };
  }
  const refusal = async (response: Response) => ({ status: response.status, body: (await response.json()) as FieldErrors });

  it('refuses an export in an unknown format, naming the field in French', async () => {
    const sut = await refusal(await auditor.get('/api/reports/statistics/export?from=2025-01&to=2025-06&dimension=region&format=xlsx'));
    expect(sut.status).toBe(400);
    expect(sut.body.error.code).toBe('VALIDATION_FAILED');
    expect(sut.body.error.fields).toEqual([{ field: 'format', message: expect.stringMatching(/invalide/i) as unknown }]);
  });

  it('refuses an export asking for a field the statistics do not have (a case, a person)', async () => {
    const sut = await refusal(await auditor.get('/api/reports/statistics/export?from=2025-01&to=2025-06&dimension=region&format=csv&caseId=x'));
    expect(sut.status).toBe(400);
    expect(JSON.stringify(sut.body.error.fields)).toContain('caseId');
  });

  it('refuses response times over a reversed period or with an unknown field, naming it', async () => {
    const reversed = await refusal(await auditor.get('/api/reports/response-times?from=2025-06&to=2025-01'));
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields?.map((f) => f.field)).toEqual(['to']);
    const unknown = await refusal(await auditor.get('/api/reports/response-times?from=2025-01&to=2025-06&caseId=x'));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.fields)).toContain('caseId');
  });
});

describe('exports', () => {
  async function download(format: 'csv' | 'json', query: Record<string, string>): Promise<{ response: Response; bytes: Buffer }> {
    const response = await auditor.get(`/api/reports/statistics/export?${new URLSearchParams({ format, ...query })}`);
    expect(response.status).toBe(200);
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  /** RFC 4180, as a spreadsheet reads it (no field here holds a line break). */
  function csvRows(text: string): string[][] {
    return text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => {
        const fields: string[] = [];
        let field = '';
        let quoted = false;
        for (let i = 0; i < line.length; i++) {
          const ch = line[i];
          if (quoted && ch === '"' && line[i + 1] === '"') [field, i] = [`${field}"`, i + 1];
          else if (ch === '"') quoted = !quoted;
          else if (ch === ',' && !quoted) [fields[fields.length], field] = [field, ''];
          else field += ch;
        }
        return [...fields, field];
      });
  }

  it('CSV and JSON carry the same numbers as the table, with period, k, when and by whom; each export is audited without values', async () => {
    const query = { from: '2025-01', to: '2025-06', granularity: 'month', dimension: 'region', cross: 'gender' };
    const shown = await table(query);
    const csv = await download('csv', query);
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.response.headers.get('content-disposition')).toMatch(/^attachment; filename="statistiques-region-gender-2025-01-2025-06\.csv"$/);
    const rows = csvRows(csv.bytes.toString('utf8'));
    const meta = Object.fromEntries(rows.filter((r) => r[0] === 'meta').map((r) => [r[1], r[2]]));
    expect(meta).toMatchObject({
      from: '2025-01',
      to: '2025-06',
      k: String(K),
      generatedByName: 'Auditrice, "Stat"',
      generatedByRole: 'auditor',
      dimension: 'region',
      cross: 'gender',
    });
    expect(Date.now() - Date.parse(meta.generatedAt ?? '')).toBeLessThan(60_000);
    const cells = rows
      .filter((r) => r[0] === 'cell')
      .map(([, period, value, cross, count, suppressed]) => ({
        period,
        value,
        cross,
        count: count === '' ? null : Number(count),
        suppressed: suppressed || null,
      }));
    expect(cells).toEqual(shown.cells);
    const json = await download('json', query);
    const parsed = JSON.parse(json.bytes.toString('utf8')) as { meta: Record<string, unknown>; table: unknown };
    expect(parsed.meta).toMatchObject({ k: K, generatedByName: 'Auditrice, "Stat"', from: '2025-01', to: '2025-06' });
    expect(StatisticsTable.parse(parsed.table).cells).toEqual(shown.cells);
    const audited = await asOwner<{ actor_id: string; details: Record<string, unknown> }>(
      portal,
      "SELECT actor_id, details FROM audit_event WHERE action = 'export.created' ORDER BY seq",
    );
    const mine = audited.filter((a) => a.actor_id === auditor.id);
    expect(mine.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        { kind: 'statistics', format: 'csv', dimension: 'region', cross: 'gender' },
        { kind: 'statistics', format: 'json', dimension: 'region', cross: 'gender' },
      ]),
    );
  });

  it('no free text, name or identifier in any export, nor in the counters (canary scan)', async () => {
    const needles = [CANARY, 'Aminata', 'Quartier', ...caseIds, ...references];
    const blobs: Buffer[] = [];
    for (const dimension of [...ONE_DIMENSION, 'outcome', 'closed', 'risk_level', 'carried_over'] as ReportDimension[]) {
      for (const from of ['2022-01', '2023-01', '2025-01']) {
        for (const format of ['csv', 'json'] as const) blobs.push((await download(format, { from, to: from.replace('01', '12'), dimension })).bytes);
      }
    }
    blobs.push((await download('csv', { from: '2022-01', to: '2022-12', dimension: 'threat_type', cross: 'region' })).bytes);
    blobs.push((await download('json', { from: '2022-01', to: '2022-12', dimension: 'gender', cross: 'profile' })).bytes);
    const counters = await asOwner<{ line: string }>(portal, 'SELECT t::text AS line FROM stat_counter t');
    expect(counters.length).toBeGreaterThan(100);
    blobs.push(Buffer.from(counters.map((c) => c.line).join('\n')));
    for (const blob of blobs) for (const needle of needles) expect({ needle, found: blob.includes(needle) }).toEqual({ needle, found: false });
    // The counters hold months, codes and counts only.
    const odd = counters.filter((c) => !/^\(\d{4}-\d{2},[a-z_]+,[a-z0-9_]+,(""|[a-z_]+),(""|[a-z0-9_]+),\d+\)$/.test(c.line));
    expect(odd).toEqual([]); // The scan above holds the event loop for seconds on a busy machine: let the server's and the client's
    // keep-alive timers run now, so the next test does not reuse a socket the server is about to close.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});

describe('who sees statistics', () => {
  it('auditors and supervisors; caseworkers and admins get 403, anonymous 401', async () => {
    const paths = [
      '/api/reports/statistics?from=2025-01&to=2025-12&dimension=region',
      '/api/reports/statistics/export?format=csv&from=2025-01&to=2025-12&dimension=region',
      '/api/reports/response-times?from=2025-01&to=2025-12',
    ];
    for (const path of paths) {
      expect({ path, status: (await auditor.get(path)).status }).toEqual({ path, status: 200 });
      expect({ path, status: (await supervisor.get(path)).status }).toEqual({ path, status: 200 });
      expect({ path, status: (await caseworker.get(path)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await admin.get(path)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await fetch(`${portal.url}${path}`)).status }).toEqual({ path, status: 401 });
    }
  });
});
