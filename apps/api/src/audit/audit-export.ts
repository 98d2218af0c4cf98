import type { ExportedEvent } from './audit-log.service.js';

/** What an export says about itself: when, by whom, and which filters. */
export interface ExportMeta {
  readonly kind: 'audit_log';
  readonly tenant: string;
  readonly generatedAt: string;
  readonly generatedBy: { readonly name: string; readonly roles: readonly string[] };
  readonly filters: Readonly<Record<string, string>>;
}

const COLUMNS = ['seq', 'at', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'details', 'prevHash', 'hash'] as const;
/** Hashes and numbers go out as they are (a hash may start with "-"); anything else is guarded against spreadsheet formulas. */
const VERBATIM = new Set<string>(['seq', 'at', 'prevHash', 'hash']);

/** CSV: `meta` rows (key, value) first, then the header and one line per event, CRLF as RFC 4180 says. */
export async function* csvExport(meta: ExportMeta, batches: AsyncIterable<ExportedEvent[]>): AsyncGenerator<string> {
  yield metaRows(meta)
    .map((cells) => csvLine(cells.map((cell) => textCell(cell))))
    .join('');
  yield csvLine([...COLUMNS]);
  for await (const batch of batches) yield batch.map((event) => csvLine(COLUMNS.map((column) => eventCell(event, column)))).join('');
}

/** JSON: `{ "meta": …, "events": [ … ] }`, written a batch at a time. */
export async function* jsonExport(meta: ExportMeta, batches: AsyncIterable<ExportedEvent[]>): AsyncGenerator<string> {
  yield `{"meta":${JSON.stringify(meta)},"events":[`;
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${first ? '' : ','}${batch.map((event) => JSON.stringify(event)).join(',')}`;
    first = false;
  }
  yield ']}';
}

function metaRows(meta: ExportMeta): string[][] {
  return [
    ['meta', 'kind', meta.kind],
    ['meta', 'tenant', meta.tenant],
    ['meta', 'generatedAt', meta.generatedAt],
    ['meta', 'generatedBy', meta.generatedBy.name],
    ['meta', 'generatedByRoles', meta.generatedBy.roles.join(' ')],
    ...Object.entries(meta.filters).map(([key, value]) => ['meta', `filter.${key}`, value]),
  ];
}

function eventCell(event: ExportedEvent, column: (typeof COLUMNS)[number]): string {
  const value = column === 'details' ? JSON.stringify(event.details) : event[column];
  if (value === null) return '';
  return VERBATIM.has(column) ? csvQuoted(value) : textCell(value);
}

/** A cell a spreadsheet must not run as a formula (=, +, -, @, tab, CR first). */
export function textCell(value: string): string {
  return csvQuoted(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

function csvQuoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}
