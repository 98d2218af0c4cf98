import { ResponseTimesQuery, StatisticsExportQuery, StatisticsQuery } from './reports.js';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('StatisticsQuery', () => {
  it('says which month is missing with the month message, not a type error', () => {
    const sut = StatisticsQuery.safeParse({ to: '2026-11', dimension: 'region' });
    expect(sut.success).toBe(false);
    expect(issuesOf(sut)).toEqual([['from', 'month_format']]);
  });
});

describe('StatisticsExportQuery', () => {
  it("keeps the table query's checks: the period in order, two different dimensions", () => {
    expect(issuesOf(StatisticsExportQuery.safeParse({ from: '2026-05', to: '2026-01', dimension: 'region', format: 'csv' }))).toEqual([
      ['to', 'period_reversed'],
    ]);
    expect(issuesOf(StatisticsExportQuery.safeParse({ from: '2026-01', to: '2026-05', dimension: 'region', cross: 'region', format: 'json' }))).toEqual([
      ['cross', 'same_dimension'],
    ]);
  });

  it('gives the table query and the format apart', () => {
    const { format, ...query } = StatisticsExportQuery.parse({ from: '2026-01', to: '2026-05', dimension: 'region', format: 'csv' });
    expect(format).toBe('csv');
    expect(StatisticsQuery.parse(query)).toEqual({ from: '2026-01', to: '2026-05', granularity: 'month', dimension: 'region' });
  });
});

describe('ResponseTimesQuery', () => {
  it('takes a period of months in order, and nothing else', () => {
    expect(ResponseTimesQuery.parse({ from: '2026-01', to: '2026-05' })).toEqual({ from: '2026-01', to: '2026-05' });
    expect(issuesOf(ResponseTimesQuery.safeParse({ from: '2026-05', to: '2026-01' }))).toEqual([['to', 'period_reversed']]);
    expect(ResponseTimesQuery.safeParse({ from: '2026-01', to: '2026-05', dimension: 'region' }).success).toBe(false);
  });
});
