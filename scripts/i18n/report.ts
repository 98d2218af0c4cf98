import type { LanguageCounts } from './compile.js';

/** One line per language: translated, awaiting review, missing, out of the French total. */
export function reportTable(counts: readonly LanguageCounts[]): string {
  const percent = (part: number, total: number) => `${total ? Math.floor((100 * part) / total) : 0} %`;
  const header = 'language  translated  awaiting review (fuzzy)  missing  total  complete';
  const rows = counts.map((row) =>
    [
      row.code.padEnd(8),
      String(row.translated).padStart(10),
      String(row.review).padStart(24),
      String(row.missing).padStart(7),
      String(row.total).padStart(5),
      percent(row.translated + row.review, row.total).padStart(9),
    ].join('  '),
  );
  return [header, ...rows].join('\n');
}
