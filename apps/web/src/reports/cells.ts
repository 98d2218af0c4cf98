import type { ReportDimension, StatCell, StatisticsTable } from '@mnpddh/shared';
import type { Bar, BarGroup } from './bar-chart';

/** The table's periods, in the API's order (totals first, then any period that only has cells). */
export function periodsOf(table: StatisticsTable): string[] {
  return [...new Set([...table.totals.map((total) => total.period), ...table.cells.map((cell) => cell.period)])];
}

export function cellsOf(table: StatisticsTable, period: string): StatCell[] {
  return table.cells.filter((cell) => cell.period === period);
}

export function totalOf(table: StatisticsTable, period: string): number | null | undefined {
  const total = table.totals.find((candidate) => candidate.period === period);
  return total ? total.count : undefined;
}

type Label = (dimension: ReportDimension | undefined, code: string) => string;

/** One dimension: one group, a bar per category. */
export function singleGroups(cells: StatCell[], dimension: ReportDimension, label: Label): BarGroup[] {
  return [{ key: 'all', bars: cells.map((cell) => barOf(cell.value, label(dimension, cell.value), cell)) }];
}

/** Crossed: a group per category of the first dimension, a bar per category of the second. */
export function crossedGroups(cells: StatCell[], dimension: ReportDimension, cross: ReportDimension, label: Label): BarGroup[] {
  const values = [...new Set(cells.map((cell) => cell.value))];
  return values.map((value) => ({
    key: value,
    label: label(dimension, value),
    bars: cells.filter((cell) => cell.value === value).map((cell) => barOf(cell.cross, label(cross, cell.cross), cell)),
  }));
}

/** The totals by period, as one chart. */
export function totalsGroups(table: StatisticsTable, periodLabel: (period: string) => string): BarGroup[] {
  return [
    {
      key: 'totals',
      bars: table.totals.map((total) => ({
        key: total.period,
        label: periodLabel(total.period),
        count: total.count,
        suppressed: total.count === null ? 'complementary' : null,
      })),
    },
  ];
}

function barOf(key: string, label: string, cell: StatCell): Bar {
  return { key, label, count: cell.count, suppressed: cell.count === null ? (cell.suppressed ?? 'complementary') : null };
}

/** True when at least one cell or total is hidden (the legend is shown then, and always on the report). */
export function hasHidden(table: StatisticsTable): boolean {
  return table.cells.some((cell) => cell.count === null) || table.totals.some((total) => total.count === null);
}
