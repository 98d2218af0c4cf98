import { REGION_GROUPS, type Granularity, type StatCell } from '@mnpddh/shared';
import { suppress, type Equation, type SuppressionReason } from './statistics-suppression.js';

/** A counter as the reports read it: a month, the dimension's value, the crossed value ('' when alone). */
export interface CountRow {
  readonly month: string;
  readonly value: string;
  readonly cross: string;
  readonly count: number;
}

export interface TableShape {
  readonly granularity: Granularity;
  /** Every month the suppression looks at: whole calendar years, so a cell is hidden the same way whatever range is asked. */
  readonly months: readonly string[];
  readonly crossed: boolean;
  readonly k: number;
}

/** A table's decisions by "period|value|cross" (cells) or period (totals): true counts, internal only, never sent. */
export type Decisions = ReadonlyMap<string, { readonly count: number; readonly reason: SuppressionReason | null }>;

/**
 * Another table this one adds up to, decided first: each group of this
 * table's cells sums to one of its cells (a row to a one-dimension cell,
 * months to their quarter, regions to their group). That cell keeps the
 * decision made there, so no two tables disagree about a sum.
 */
export interface Link {
  readonly decisions: Decisions;
  /** The key of the cell in `decisions` a cell of this table adds up to (undefined: none). */
  readonly keyOf: (period: string, value: string, cross: string) => string | undefined;
}

export interface Links {
  readonly margins: readonly Link[];
  /** The decided totals each period's total equals (the cases of the period), by period. */
  readonly totals?: Decisions;
  /** The decided totals of a coarser table, and the coarser period of each period. */
  readonly coarserTotals?: { readonly decisions: Decisions; readonly periodOf: (period: string) => string };
}

export interface BuiltTable {
  readonly cells: StatCell[];
  readonly totals: { period: string; count: number | null }[];
  readonly decisions: Decisions;
  readonly totalDecisions: Decisions;
}

export const cellKey = (period: string, value: string, cross: string) => `${period}|${value}|${cross}`;

/** "2026-05" → "2026-05", "2026-Q2" or "2026". */
export function periodOf(month: string, granularity: Granularity): string {
  const year = month.slice(0, 4);
  if (granularity === 'year') return year;
  if (granularity === 'quarter') return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
  return month;
}

/** A period ("2026-05" or "2026-Q2") in a coarser granularity. */
export function coarserPeriod(period: string, granularity: Granularity): string {
  if (granularity === 'year') return period.slice(0, 4);
  return /Q/.test(period) ? period : periodOf(period, 'quarter');
}

/** Every month of the whole years from `from` to `to`. */
export function wholeYears(from: string, to: string): string[] {
  const months: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let month = 1; month <= 12; month++) months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** The region group of a region code (anything unknown goes to "unknown"). */
export function regionGroupOf(region: string): string {
  for (const [group, regions] of Object.entries(REGION_GROUPS)) if (regions.includes(region)) return group;
  return 'unknown';
}

/**
 * Sums the monthly counters into the table's periods, lays out every
 * period × value (× crossed value) cell and each period's total, writes down
 * every sum a reader can know (the linked tables' cells as margins), and
 * suppresses.
 */
export function buildTable(rows: readonly CountRow[], shape: TableShape, links: Links = { margins: [] }, contributorRows?: readonly CountRow[]): BuiltTable {
  const periods = [...new Set(shape.months.map((month) => periodOf(month, shape.granularity)))];
  const values = sortedUnique(rows.map((row) => row.value));
  const crosses = shape.crossed ? sortedUnique(rows.map((row) => row.cross)) : [''];
  const layout = new Layout(periods, values, crosses);
  const counts = layout.sum(rows, shape.granularity);
  const contributors = contributorRows ? layout.sum(contributorRows, shape.granularity) : [...counts];
  const problem = { counts, contributors, equations: ownEquations(layout), fixed: new Map<number, SuppressionReason | null>() };
  for (const link of links.margins) addMargins(layout, link, problem);
  linkTotals(layout, links, problem);
  const reasons = suppress({ ...problem, k: shape.k });
  return present(layout, counts, reasons);
}

/** Cell i: period × value × cross, then one total per period after them. */
class Layout {
  readonly cellCount: number;
  constructor(
    readonly periods: readonly string[],
    readonly values: readonly string[],
    readonly crosses: readonly string[],
  ) {
    this.cellCount = periods.length * values.length * crosses.length;
  }

  cell(p: number, v: number, c: number): number {
    return (p * this.values.length + v) * this.crosses.length + c;
  }

  total(p: number): number {
    return this.cellCount + p;
  }

  *cells(): Generator<{ i: number; period: string; value: string; cross: string }> {
    for (const [p, period] of this.periods.entries()) {
      for (const [v, value] of this.values.entries()) {
        for (const [c, cross] of this.crosses.entries()) yield { i: this.cell(p, v, c), period, value, cross };
      }
    }
  }

  sum(rows: readonly CountRow[], granularity: Granularity): number[] {
    const counts = new Array<number>(this.cellCount + this.periods.length).fill(0);
    const index = (list: readonly string[]) => new Map(list.map((item, i) => [item, i]));
    const [p, v, c] = [index(this.periods), index(this.values), index(this.crosses)];
    for (const row of rows) {
      const [pi, vi, ci] = [p.get(periodOf(row.month, granularity)), v.get(row.value), c.get(row.cross)];
      if (pi === undefined || vi === undefined || ci === undefined) continue;
      counts[this.cell(pi, vi, ci)] = (counts[this.cell(pi, vi, ci)] ?? 0) + row.count;
      counts[this.total(pi)] = (counts[this.total(pi)] ?? 0) + row.count;
    }
    return counts;
  }
}

type Problem = { counts: number[]; contributors: number[]; equations: Equation[]; fixed: Map<number, SuppressionReason | null> };

/** Each period's cells add up to its total, shown in this table. */
function ownEquations(layout: Layout): Equation[] {
  return layout.periods.map((_, p) => {
    const members = [...layout.cells()].filter((cell) => cell.period === layout.periods[p]).map((cell) => cell.i);
    return { members: [...members, layout.total(p)], externalTotal: false };
  });
}

/** The linked table's cells join as margins, with the decisions made there. */
function addMargins(layout: Layout, link: Link, problem: Problem): void {
  const groups = new Map<string, number[]>();
  for (const cell of layout.cells()) {
    const key = link.keyOf(cell.period, cell.value, cell.cross);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), cell.i]);
  }
  for (const [key, members] of groups) marginOf(problem, link.decisions.get(key), members);
}

/** Totals are the cases of the period (decided in the cases table), and add up to the coarser period's total. */
function linkTotals(layout: Layout, links: Links, problem: Problem): void {
  layout.periods.forEach((period, p) => {
    const total = links.totals?.get(period);
    if (total) problem.fixed.set(layout.total(p), total.reason);
  });
  const coarser = links.coarserTotals;
  if (!coarser) return;
  const groups = new Map<string, number[]>();
  layout.periods.forEach((period, p) => groups.set(coarser.periodOf(period), [...(groups.get(coarser.periodOf(period)) ?? []), layout.total(p)]));
  for (const [key, members] of groups) marginOf(problem, coarser.decisions.get(key), members);
}

/** A margin decided elsewhere (or, when that table has no such cell, a sum taken as known: the safe side). */
function marginOf(problem: Problem, decision: { count: number; reason: SuppressionReason | null } | undefined, members: number[]): void {
  if (!decision) {
    problem.equations.push({ members, externalTotal: true });
    return;
  }
  const index = problem.counts.length;
  problem.counts.push(decision.count);
  problem.contributors.push(decision.count);
  problem.fixed.set(index, decision.reason);
  problem.equations.push({ members: [...members, index], externalTotal: false });
}

function present(layout: Layout, counts: readonly number[], reasons: readonly (SuppressionReason | null)[]): BuiltTable {
  const cells: StatCell[] = [];
  const decisions = new Map<string, { count: number; reason: SuppressionReason | null }>();
  for (const { i, period, value, cross } of layout.cells()) {
    const reason = reasons[i] ?? null;
    decisions.set(cellKey(period, value, cross), { count: counts[i] ?? 0, reason });
    cells.push({ period, value, cross, count: reason ? null : (counts[i] ?? 0), suppressed: reason });
  }
  const totalDecisions = new Map(
    layout.periods.map((period, p) => [period, { count: counts[layout.total(p)] ?? 0, reason: reasons[layout.total(p)] ?? null }]),
  );
  const totals = layout.periods.map((period, p) => ({ period, count: reasons[layout.total(p)] ? null : (counts[layout.total(p)] ?? 0) }));
  return { cells, totals, decisions, totalDecisions };
}

function sortedUnique(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
