import { StatisticsQuery } from './reports.js';

describe('StatisticsQuery', () => {
  it('says which month is missing with the month message, not a type error', () => {
    const sut = StatisticsQuery.safeParse({ to: '2026-11', dimension: 'region' });
    expect(sut.success).toBe(false);
    expect(sut.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['from', 'month_format']]);
  });
});
