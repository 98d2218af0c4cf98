import { StatisticsQuery } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { BuiltTables, builtOnce, MAX_CACHED_TABLES } from './built-tables.js';
import { buildTable, type BuiltTable } from './statistics-table.js';
import type { CounterRecord } from './statistics.repository.js';
import { carriedOverAt, coarserSuggestion, firstMonthOf, indicator, lastMonthOf, refuseUncrossable, thresholdOf } from './statistics.service.js';

/*
 * What StatisticsService decides itself, around the table building and the
 * suppression (specced beside them): which tables may be crossed, the
 * threshold, when to offer a coarser view, the response-time indicators
 * under the threshold, the stock carried over, and that a table is built once
 * per counter version and rebuilt when a batch changes the counters.
 */
const query = (params: Record<string, string>) => StatisticsQuery.parse({ from: '2026-01', to: '2026-12', ...params });
const counter = (period: string, value1: string, count: number): CounterRecord => ({ period, value1, value2: '', count });

describe('statistics: which tables exist', () => {
  it('crosses two dimensions counted in pairs at intake, and a dimension with the totals or the people', () => {
    for (const [dimension, cross] of [
      ['region', 'threat_type'],
      ['region_group', 'profile'],
      ['people', 'region'],
      ['cases', 'gender'],
    ]) {
      expect(() => refuseUncrossable(query({ dimension: dimension as string, cross: cross as string }))).not.toThrow();
    }
    expect(() => refuseUncrossable(query({ dimension: 'risk_level' }))).not.toThrow();
  });

  it('refuses, by field, a pair never counted together: a later decision with an intake category, a stock, a region with its own group', () => {
    for (const [dimension, cross] of [
      ['risk_level', 'region'],
      ['outcome', 'threat_type'],
      ['carried_over', 'region'],
      ['region', 'region_group'],
    ]) {
      const refused = (() => {
        try {
          refuseUncrossable(query({ dimension: dimension as string, cross: cross as string }));
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'cross', message: 'not_crossable' }] });
    }
  });

  it('never lets the threshold fall below 3, and takes 5 when none is configured', () => {
    expect(thresholdOf(undefined)).toBe(5);
    expect(thresholdOf(2)).toBe(3);
    expect(thresholdOf(0)).toBe(3);
    expect(thresholdOf(8)).toBe(8);
  });

  it('widens the asked range to whole periods', () => {
    expect([firstMonthOf('2026-05', 'quarter'), lastMonthOf('2026-05', 'quarter')]).toEqual(['2026-04', '2026-06']);
    expect([firstMonthOf('2026-05', 'year'), lastMonthOf('2026-05', 'year')]).toEqual(['2026-01', '2026-12']);
    expect([firstMonthOf('2026-05', 'month'), lastMonthOf('2026-05', 'month')]).toEqual(['2026-05', '2026-05']);
  });
});

describe('statistics: a coarser view when most of a table is hidden', () => {
  const shown = { count: 9, reason: null };
  const hidden = { count: 2, reason: 'below_k' as const };
  const zero = { count: 0, reason: null };

  it('offers the next period, and regions grouped, once more than half of the non-zero cells are hidden', () => {
    expect(coarserSuggestion([hidden, hidden, shown], query({ dimension: 'region' }))).toEqual({ granularity: 'quarter', dimension: 'region_group' });
    expect(coarserSuggestion([hidden, hidden, shown], query({ dimension: 'threat_type', granularity: 'quarter' }))).toEqual({ granularity: 'year' });
    expect(coarserSuggestion([hidden, hidden, shown], query({ dimension: 'region', granularity: 'year' }))).toEqual({ dimension: 'region_group' });
  });

  it('offers nothing at half or less, for zeros, or when nothing is coarser', () => {
    expect(coarserSuggestion([hidden, shown], query({ dimension: 'region' }))).toBeNull();
    expect(coarserSuggestion([hidden, shown, zero, zero, zero], query({ dimension: 'region' }))).toBeNull();
    expect(coarserSuggestion([zero, zero], query({ dimension: 'region' }))).toBeNull();
    expect(coarserSuggestion([hidden, hidden, shown], query({ dimension: 'threat_type', granularity: 'year' }))).toBeNull();
  });
});

describe('statistics: response times', () => {
  const buckets = ['0_2', '2_6', '6_24', '24_72', '72_plus'] as const;

  it('says nothing of fewer than k measured cases, not even how many (zero stays zero)', () => {
    expect(indicator(buckets, [counter('2026-03', '0_2', 2), counter('2026-04', '6_24', 2)], 6, 5)).toEqual({
      measured: null,
      medianBucket: null,
      p90Bucket: null,
      withinTargetShare: null,
    });
    expect(indicator(buckets, [], 6, 5)).toMatchObject({ measured: 0, medianBucket: null });
  });

  it('gives the buckets holding the median and the 90th percentile, and the share within a target that ends on a bucket', () => {
    const records = [
      counter('2026-03', '0_2', 3),
      counter('2026-04', '0_2', 2),
      counter('2026-03', '2_6', 2),
      counter('2026-03', '24_72', 2),
      counter('2026-03', '72_plus', 1),
    ];
    expect(indicator(buckets, records, 6, 5)).toEqual({ measured: 10, medianBucket: '0_2', p90Bucket: '24_72', withinTargetShare: 0.7 });
    expect(indicator(buckets, records, 2, 5).withinTargetShare).toBe(0.5);
  });
});

describe('statistics: the cases carried over into a period', () => {
  const received = [counter('2026-01', 'all', 10), counter('2026-02', 'all', 4), counter('2026-04', 'all', 7)];
  const closed = [counter('2026-01', 'closed', 3), counter('2026-02', 'inadmissible', 1), counter('2026-03', 'reopened', 2), counter('2026-04', 'closed', 5)];

  it('counts the cases received before the period, less those ended before it, reopened ones back', () => {
    expect(carriedOverAt('2026-01', received, closed)).toBe(0);
    expect(carriedOverAt('2026-03', received, closed)).toBe(10 + 4 - 3 - 1);
    expect(carriedOverAt('2026-04', received, closed)).toBe(10 + 4 - 3 - 1 + 2);
  });

  it('never counts fewer than none (counters restored out of step)', () => {
    expect(carriedOverAt('2026-05', [], closed)).toBe(0);
  });
});

describe('statistics: tables built once per counter version', () => {
  const empty = () => Promise.resolve(buildTable([], { granularity: 'month', months: ['2026-01'], crossed: false, k: 5 }));

  it('builds a table once for a version, however often it is asked, and again once a batch changed the counters', async () => {
    const sut = new BuiltTables();
    let builds = 0;
    const build = () => ((builds += 1), empty());
    const first = await builtOnce(sut.at(7n), 'region', build);
    expect(await builtOnce(sut.at(7n), 'region', build)).toBe(first);
    expect(builds).toBe(1);
    await builtOnce(sut.at(8n), 'region', build);
    expect(builds).toBe(2);
  });

  it('is bounded: past its size the tables of the version are built again', async () => {
    const sut = new BuiltTables();
    for (let i = 0; i <= MAX_CACHED_TABLES; i += 1) await builtOnce(sut.at(1n), `table-${i}`, empty);
    expect(sut.at(1n).size).toBe(0);
  });

  it('keeps no failed build: the next request tries again', async () => {
    const tables = new BuiltTables().at(1n);
    await expect(builtOnce(tables, 'region', () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    const built: BuiltTable = await builtOnce(tables, 'region', empty);
    expect(built.cells).toEqual([]);
  });
});
