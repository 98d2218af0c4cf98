import type { StatisticsTable } from '@mnpddh/shared';

/** Who made an export, when, with which threshold: travels with the numbers. */
export interface ExportMeta {
  readonly kind: 'statistics';
  readonly from: string;
  readonly to: string;
  readonly granularity: string;
  readonly dimension: string;
  readonly cross: string;
  readonly k: number;
  readonly generatedAt: string;
  readonly generatedByName: string;
  readonly generatedByRole: string;
}

export function exportMeta(table: StatisticsTable, by: { name: string; roles: readonly string[] }): ExportMeta {
  return {
    kind: 'statistics',
    from: table.query.from,
    to: table.query.to,
    granularity: table.query.granularity,
    dimension: table.query.dimension,
    cross: table.query.cross ?? '',
    k: table.k,
    generatedAt: table.generatedAt,
    generatedByName: by.name,
    generatedByRole: by.roles.filter((role) => role === 'auditor' || role === 'supervisor').join('+'),
  };
}

/** JSON: the metadata, then the very table the screen shows. */
export function statisticsJson(table: StatisticsTable, meta: ExportMeta): string {
  return `${JSON.stringify({ meta, table }, null, 2)}\n`;
}

/**
 * CSV (RFC 4180, UTF-8 with a BOM for spreadsheets): "meta" rows first
 * (key, value), then a header and one row per cell, then one per period
 * total. A suppressed cell has an empty count and its reason.
 */
export function statisticsCsv(table: StatisticsTable, meta: ExportMeta): string {
  const lines: (string | number)[][] = Object.entries(meta).map(([key, value]) => ['meta', key, value]);
  lines.push(['record', 'period', 'value', 'cross', 'count', 'suppressed']);
  for (const cell of table.cells) lines.push(['cell', cell.period, cell.value, cell.cross, cell.count ?? '', cell.suppressed ?? '']);
  for (const total of table.totals) lines.push(['total', total.period, '', '', total.count ?? '', total.count === null ? 'suppressed' : '']);
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * One field, quoted when it must be. Hand-written rather than a library: the
 * values are reference codes, numbers, a date and a staff name, and this is
 * the whole of RFC 4180 quoting. A text starting like a formula (= + - @, tab,
 * CR) is prefixed with an apostrophe so no spreadsheet runs it.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
