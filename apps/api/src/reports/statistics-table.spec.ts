import { buildTable, cellKey, coarserPeriod, periodOf, regionGroupOf, wholeYears, type CountRow, type Link, type TableShape } from './statistics-table.js';

const shape = (over: Partial<TableShape> = {}): TableShape => ({
  granularity: 'month',
  months: wholeYears('2026-01', '2026-12'),
  crossed: false,
  k: 5,
  ...over,
});
const row = (month: string, value: string, count: number, cross = ''): CountRow => ({ month, value, cross, count });

describe('periods', () => {
  it('names months, quarters and years, and spans whole years', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map((m) => periodOf(m, 'quarter'))).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(periodOf('2026-07', 'year')).toBe('2026');
    expect(wholeYears('2025-11', '2026-02')).toHaveLength(24);
  });

  it('groups regions, anything unknown as "unknown"', () => {
    expect(regionGroupOf('kidal')).toBe('north');
    expect(regionGroupOf('bamako')).toBe('bamako');
    expect(regionGroupOf('atlantis')).toBe('unknown');
  });
});

describe('buildTable', () => {
  const only = (table: ReturnType<typeof buildTable>, periods: string[]) => table.cells.filter((c) => periods.includes(c.period));

  it('sums months into quarters and shows zeros', () => {
    const rows = [row('2026-01', 'a', 3), row('2026-02', 'a', 4), row('2026-05', 'b', 9)];
    const sut = buildTable(rows, shape({ granularity: 'quarter' }));
    expect(only(sut, ['2026-Q1', '2026-Q2'])).toEqual([
      { period: '2026-Q1', value: 'a', cross: '', count: 7, suppressed: null },
      { period: '2026-Q1', value: 'b', cross: '', count: 0, suppressed: null },
      { period: '2026-Q2', value: 'a', cross: '', count: 0, suppressed: null },
      { period: '2026-Q2', value: 'b', cross: '', count: 9, suppressed: null },
    ]);
    expect(sut.totals.slice(0, 2)).toEqual([
      { period: '2026-Q1', count: 7 },
      { period: '2026-Q2', count: 9 },
    ]);
  });

  it('protects a month against its quarter as the quarter table decided it', () => {
    const rows = [
      row('2026-01', 'a', 2),
      row('2026-02', 'a', 8),
      row('2026-03', 'a', 9),
      row('2026-01', 'b', 20),
      row('2026-02', 'b', 20),
      row('2026-03', 'b', 20),
    ];
    const quarters = buildTable(rows, shape({ granularity: 'quarter' }));
    const link: Link = { decisions: quarters.decisions, keyOf: (p, v, c) => cellKey(coarserPeriod(p, 'quarter'), v, c) };
    const sut = buildTable(rows, shape(), { margins: [link] });
    expect(
      only(sut, ['2026-01', '2026-02', '2026-03'])
        .filter((c) => c.value === 'a')
        .map((c) => c.suppressed),
    ).toEqual(['below_k', 'complementary', null]);
  });

  it('keeps the cells of a linked one-dimension table as they were decided there', () => {
    const rows = [row('2026-01', 'x', 6, 'p'), row('2026-01', 'x', 3, 'q'), row('2026-01', 'y', 7, 'p'), row('2026-01', 'y', 9, 'q')];
    const decisions = new Map([
      [cellKey('2026-01', 'p', ''), { count: 13, reason: null }],
      [cellKey('2026-01', 'q', ''), { count: 12, reason: null }],
    ]);
    const sut = buildTable(rows, shape({ crossed: true }), { margins: [{ decisions, keyOf: (p, _v, c) => cellKey(p, c, '') }] });
    expect(only(sut, ['2026-01']).map((c) => c.suppressed)).toEqual(['complementary', 'below_k', 'complementary', 'complementary']);
  });

  it('takes k from the cases behind a count of people', () => {
    const people = [row('2026-01', 'all', 6)];
    const cases = [row('2026-01', 'all', 2)];
    expect(only(buildTable(people, shape(), undefined, cases), ['2026-01'])[0]?.suppressed).toBe('below_k');
  });
});
