import { GRANULARITIES, REPORT_DIMENSIONS, type Granularity, type ReportDimension, type StatisticsQuery } from '@mnpddh/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** Months as the API takes them (YYYY-MM), in UTC like the counters. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The year so far, month by month, by region: what an auditor opens first. */
export function defaultQuery(now = new Date()): StatisticsQuery {
  const to = monthOf(now);
  return { from: `${to.slice(0, 4)}-01`, to, granularity: 'month', dimension: 'region' };
}

function isGranularity(value: string | null): value is Granularity {
  return (GRANULARITIES as readonly string[]).includes(value ?? '');
}

export function isDimension(value: string | null | undefined): value is ReportDimension {
  return (REPORT_DIMENSIONS as readonly string[]).includes(value ?? '');
}

/**
 * The query lives in the address (a link can be shared, Back works). Values
 * are passed to the API as typed: it checks them and says what is wrong.
 */
export function useStatisticsQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<StatisticsQuery>(() => {
    const fallback = defaultQuery();
    const granularity = params.get('granularity');
    const dimension = params.get('dimension');
    const cross = params.get('cross');
    return {
      from: params.get('from') ?? fallback.from,
      to: params.get('to') ?? fallback.to,
      granularity: isGranularity(granularity) ? granularity : fallback.granularity,
      dimension: isDimension(dimension) ? dimension : fallback.dimension,
      ...(isDimension(cross) ? { cross } : {}),
    };
  }, [params]);
  const apply = useCallback(
    (next: StatisticsQuery) => {
      const search = new URLSearchParams({ from: next.from, to: next.to, granularity: next.granularity, dimension: next.dimension });
      if (next.cross) search.set('cross', next.cross);
      setParams(search);
    },
    [setParams],
  );
  return { query, apply };
}

/**
 * The months one period of a table covers, within the query's own months:
 * the export beside a period's table exports that period only.
 */
export function periodQuery(query: StatisticsQuery, period: string): StatisticsQuery {
  const range = monthsOf(period);
  if (!range) return query;
  const from = range.from > query.from ? range.from : query.from;
  const to = range.to < query.to ? range.to : query.to;
  return from <= to ? { ...query, from, to } : query;
}

function monthsOf(period: string): { from: string; to: string } | null {
  if (/^\d{4}-\d{2}$/.test(period)) return { from: period, to: period };
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const pad = (n: number) => String(n).padStart(2, '0');
    return { from: `${quarter[1]}-${pad(first)}`, to: `${quarter[1]}-${pad(first + 2)}` };
  }
  if (/^\d{4}$/.test(period)) return { from: `${period}-01`, to: `${period}-12` };
  return null;
}
