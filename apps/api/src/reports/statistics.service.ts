import { Inject, Injectable } from '@nestjs/common';
import {
  ASSESSMENT_BUCKETS,
  FIRST_CONTACT_BUCKETS,
  type Granularity,
  type ReportDimension,
  type ResponseTimes,
  type StatisticsQuery,
  type StatisticsTable,
} from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { INTAKE_DIMENSIONS } from '../vault/stat-counters.js';
import { StatisticsBatches } from './statistics-batches.js';
import { StatisticsRepository, type CounterRecord } from './statistics.repository.js';
import {
  buildTable,
  cellKey,
  coarserPeriod,
  periodOf,
  regionGroupOf,
  wholeYears,
  type BuiltTable,
  type CountRow,
  type Link,
  type Links,
} from './statistics-table.js';
import type { SuppressionReason } from './statistics-suppression.js';
import { BuiltTables, builtOnce } from './built-tables.js';

/** What can be crossed: the dimensions counted in pairs at intake, their region groups, and the totals. */
const CROSSABLE: ReadonlySet<string> = new Set([...INTAKE_DIMENSIONS, 'region_group', 'people', 'cases']);

/**
 * Dimensions with exactly one value per case: a crossed table's rows (or
 * columns) add up to their one-dimension table, and their totals to the cases.
 * ('cases' is the total itself; 'people' counts people, not cases: not here.)
 * A region is counted once for each region a case involves (the defender's and
 * its incidents'), so its sums may exceed the cases; it stays here all the
 * same: disclosure control then guards margins that hold whenever the cases
 * involve one region each, which is most of them (more suppression, never less).
 */
const ONE_PER_CASE: ReadonlySet<string> = new Set(['cases', 'age_group', 'channel', 'disability', 'gender', 'region', 'region_group', 'urgency']);

const NEXT_GRANULARITY: Record<Granularity, Granularity | undefined> = { month: 'quarter', quarter: 'year', year: undefined };

/**
 * Anonymised statistics from the aggregate counters only — never a
 * case, never a key — with disclosure control (statistics-suppression.ts).
 */
@Injectable()
export class StatisticsService {
  private readonly cache = new BuiltTables();

  constructor(
    private readonly repository: StatisticsRepository,
    private readonly batches: StatisticsBatches,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** The threshold: configured (STATS_K), never below 3. */
  get k(): number {
    return thresholdOf(this.runtime.config.STATS_K);
  }

  private async freshness(): Promise<StatisticsTable['freshness']> {
    const { countedUntil, waiting } = await this.batches.freshness();
    return { countedUntil: countedUntil?.toISOString() ?? null, waiting };
  }

  async table(query: StatisticsQuery, now = new Date()): Promise<StatisticsTable> {
    refuseUncrossable(query);
    const from = firstMonthOf(query.from, query.granularity);
    const to = lastMonthOf(query.to, query.granularity);
    const shown = new Set(
      wholeYears(from, to)
        .filter((month) => month >= from && month <= to)
        .map((month) => periodOf(month, query.granularity)),
    );
    const built = await this.built(query.dimension, query.cross, query.granularity, wholeYears(from, to), await this.tablesNow());
    const decided = [...built.decisions].filter(([key]) => shown.has(key.split('|')[0] ?? ''));
    return {
      query: { from, to, granularity: query.granularity, dimension: query.dimension, ...(query.cross ? { cross: query.cross } : {}) },
      k: this.k,
      generatedAt: now.toISOString(),
      freshness: await this.freshness(),
      cells: built.cells.filter((cell) => shown.has(cell.period)),
      totals: built.totals.filter((total) => shown.has(total.period)),
      coarserSuggestion: coarserSuggestion(
        decided.map(([, decision]) => decision),
        query,
      ),
    };
  }

  /**
   * One table, after every table it adds up to — its one-dimension rows and
   * columns, the cases (its totals), the coarser period, the region groups —
   * so that it keeps their decisions and no two views disagree about a sum.
   * Whole calendar years, so a cell is hidden the same way whatever range is asked.
   */
  private built(
    dimension: ReportDimension,
    cross: ReportDimension | undefined,
    granularity: Granularity,
    months: string[],
    memo: Map<string, Promise<BuiltTable>>,
  ): Promise<BuiltTable> {
    const key = `${dimension}|${cross ?? ''}|${granularity}|${months[0] ?? ''}|${months.at(-1) ?? ''}`;
    return builtOnce(memo, key, () => this.build(dimension, cross, granularity, months, memo));
  }

  /** The cache for the counters as they are now. */
  private async tablesNow(): Promise<Map<string, Promise<BuiltTable>>> {
    return this.cache.at(await this.batches.version());
  }

  private async build(
    dimension: ReportDimension,
    cross: ReportDimension | undefined,
    granularity: Granularity,
    months: string[],
    memo: Map<string, Promise<BuiltTable>>,
  ): Promise<BuiltTable> {
    const table = (d: ReportDimension, c: ReportDimension | undefined, g: Granularity = granularity) => this.built(d, c, g, months, memo);
    const rows = await this.rowsOf(dimension, cross, months, granularity);
    // People: k applies to the cases behind a count, not to the people (one case can name five).
    const involvesPeople = dimension === 'people' || cross === 'people';
    const contributors = involvesPeople ? await this.rowsOf(casesFor(dimension), cross && casesFor(cross), months, granularity) : undefined;
    const margins: Link[] = [];
    if (cross !== undefined && ONE_PER_CASE.has(cross) && dimension !== 'cases') {
      margins.push({ decisions: (await table(dimension, undefined)).decisions, keyOf: (p, v) => cellKey(p, v, '') });
    }
    if (cross !== undefined && ONE_PER_CASE.has(dimension) && cross !== 'cases') {
      margins.push({ decisions: (await table(cross, undefined)).decisions, keyOf: (p, _v, c) => cellKey(p, c, '') });
    }
    if (dimension === 'region')
      margins.push({ decisions: (await table('region_group', cross)).decisions, keyOf: (p, v, c) => cellKey(p, regionGroupOf(v), c) });
    if (cross === 'region')
      margins.push({ decisions: (await table(dimension, 'region_group')).decisions, keyOf: (p, v, c) => cellKey(p, v, regionGroupOf(c)) });
    const coarser = NEXT_GRANULARITY[granularity];
    // A stock (carried over) does not add up over time.
    const coarserTable = coarser && dimension !== 'carried_over' ? await table(dimension, cross, coarser) : undefined;
    if (coarser && coarserTable) margins.push({ decisions: coarserTable.decisions, keyOf: (p, v, c) => cellKey(coarserPeriod(p, coarser), v, c) });
    const casesTotal = cross === undefined ? ONE_PER_CASE.has(dimension) && dimension !== 'cases' : ONE_PER_CASE.has(dimension) && ONE_PER_CASE.has(cross);
    const links: Links = {
      margins,
      ...(casesTotal ? { totals: (await table('cases', undefined)).totalDecisions } : {}),
      ...(coarser && coarserTable ? { coarserTotals: { decisions: coarserTable.totalDecisions, periodOf: (p: string) => coarserPeriod(p, coarser) } } : {}),
    };
    return buildTable(rows, { granularity, months, crossed: cross !== undefined, k: this.k }, links, contributors);
  }

  async responseTimes(from: string, to: string): Promise<ResponseTimes> {
    const { TARGET_FIRST_CONTACT_HOURS, TARGET_ASSESSMENT_DAYS } = this.runtime.config;
    const [contacts, assessments] = await Promise.all([
      this.repository.counters('first_contact_hours', '', from, to),
      this.repository.counters('assessment_days', '', from, to),
    ]);
    return {
      query: { from, to },
      k: this.k,
      firstContact: indicator(FIRST_CONTACT_BUCKETS, contacts, TARGET_FIRST_CONTACT_HOURS, this.k),
      assessment: indicator(ASSESSMENT_BUCKETS, assessments, TARGET_ASSESSMENT_DAYS, this.k),
    };
  }

  /** The monthly counts behind a table: one dimension alone, or a pair (read in its stored order). */
  private async rowsOf(dimension: ReportDimension, cross: ReportDimension | undefined, months: string[], granularity: Granularity): Promise<CountRow[]> {
    const [from, to] = [months[0] ?? '', months.at(-1) ?? ''];
    if (dimension === 'carried_over') return this.carriedOver(months, granularity);
    if (cross === undefined || cross === 'cases') {
      const records = await this.repository.counters(counterOf(dimension), '', from, to);
      return records.map((r) => ({ month: r.period, value: labelOf(dimension, r.value1), cross: cross ? 'all' : '', count: r.count }));
    }
    if (dimension === 'cases') {
      const records = await this.repository.counters(counterOf(cross), '', from, to);
      return records.map((r) => ({ month: r.period, value: 'all', cross: labelOf(cross, r.value1), count: r.count }));
    }
    const [first, second] = [counterOf(dimension), counterOf(cross)];
    const inOrder = first < second;
    const records = await this.repository.counters(inOrder ? first : second, inOrder ? second : first, from, to);
    return records.map((r) => ({
      month: r.period,
      value: labelOf(dimension, inOrder ? r.value1 : r.value2),
      cross: labelOf(cross, inOrder ? r.value2 : r.value1),
      count: r.count,
    }));
  }

  /** Cases received before each period began, less those closed or found inadmissible before it (reopened ones come back). */
  private async carriedOver(months: string[], granularity: Granularity): Promise<CountRow[]> {
    const end = nextMonth(months.at(-1) ?? '');
    const [received, closed] = await Promise.all([this.repository.countersBefore('cases', end), this.repository.countersBefore('closed', end)]);
    const starts = [...new Set(months.map((month) => firstMonthOf(month, granularity)))];
    return starts.map((start) => ({ month: start, value: 'all', cross: '', count: carriedOverAt(start, received, closed) }));
  }
}

/** The threshold: configured (STATS_K), never below 3. */
export function thresholdOf(configured: number | undefined): number {
  return Math.max(3, configured ?? 5);
}

/** Cases received before a period began, less those closed or found inadmissible before it; reopened ones come back. */
export function carriedOverAt(start: string, received: CounterRecord[], closed: CounterRecord[]): number {
  const [ended, reopened] = [closed.filter((r) => r.value1 !== 'reopened'), closed.filter((r) => r.value1 === 'reopened')];
  return Math.max(0, sumBefore(received, start) - sumBefore(ended, start) + sumBefore(reopened, start));
}

export function refuseUncrossable(query: StatisticsQuery): void {
  if (query.cross === undefined) return;
  const both = [query.dimension, query.cross];
  const sameCounter = counterOf(query.dimension) === counterOf(query.cross);
  if (both.some((dimension) => !CROSSABLE.has(dimension)) || sameCounter) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'cross', message: 'not_crossable' }]);
  }
}

/** The counter a report dimension reads (region groups are regions, grouped when read). */
function counterOf(dimension: ReportDimension): string {
  return dimension === 'region_group' ? 'region' : dimension;
}

function labelOf(dimension: ReportDimension, value: string): string {
  return dimension === 'region_group' ? regionGroupOf(value) : value;
}

function casesFor(dimension: ReportDimension): ReportDimension {
  return dimension === 'people' ? 'cases' : dimension;
}

/** More than half of the non-zero cells hidden: offer the next coarser view (quarter, year; regions grouped). */
export function coarserSuggestion(
  decided: { count: number; reason: SuppressionReason | null }[],
  query: StatisticsQuery,
): StatisticsTable['coarserSuggestion'] {
  const nonZero = decided.filter((d) => d.count > 0);
  if (nonZero.length === 0 || nonZero.filter((d) => d.reason !== null).length * 2 <= nonZero.length) return null;
  const granularity = NEXT_GRANULARITY[query.granularity];
  const dimension = query.dimension === 'region' ? ('region_group' as const) : undefined;
  if (!granularity && !dimension) return null;
  return { ...(granularity ? { granularity } : {}), ...(dimension ? { dimension } : {}) };
}

/** Median and 90th percentile as the bucket holding them; within target: the buckets ending at or before it. */
export function indicator(buckets: readonly string[], records: CounterRecord[], target: number, k: number): ResponseTimes['firstContact'] {
  const counts = buckets.map((bucket) => records.filter((r) => r.value1 === bucket).reduce((sum, r) => sum + r.count, 0));
  const measured = counts.reduce((sum, n) => sum + n, 0);
  if (measured < k) return { measured: measured === 0 ? 0 : null, medianBucket: null, p90Bucket: null, withinTargetShare: null };
  const holding = (share: number) => {
    let cumulative = 0;
    return buckets.find((_, i) => (cumulative += counts[i] ?? 0) >= share * measured) ?? null;
  };
  const within = buckets.reduce((sum, bucket, i) => {
    const high = bucket.split('_')[1];
    return high !== 'plus' && Number(high) <= target ? sum + (counts[i] ?? 0) : sum;
  }, 0);
  return { measured, medianBucket: holding(0.5), p90Bucket: holding(0.9), withinTargetShare: Math.round((within / measured) * 1000) / 1000 };
}

/** The first month of the period a month falls in. */
export function firstMonthOf(month: string, granularity: Granularity): string {
  const year = month.slice(0, 4);
  if (granularity === 'year') return `${year}-01`;
  if (granularity === 'quarter') return `${year}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;
  return month;
}

/** The last month of the period a month falls in. */
export function lastMonthOf(month: string, granularity: Granularity): string {
  const year = month.slice(0, 4);
  if (granularity === 'year') return `${year}-12`;
  if (granularity === 'quarter') return `${year}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 3).padStart(2, '0')}`;
  return month;
}

function nextMonth(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function sumBefore(records: CounterRecord[], start: string): number {
  return records.filter((r) => r.period < start).reduce((sum, r) => sum + r.count, 0);
}
