/** What the list's order looks at in a listed case. */
export interface RankedCase {
  readonly row: { readonly urgent: boolean; readonly status: string; readonly receivedAt: Date; readonly reference: string };
  readonly overdue: readonly unknown[];
  /** The clear index row carried its MAC and the anchored revision. */
  readonly intact: boolean;
  /** undefined: not decrypted; null: failed its integrity check. */
  readonly categories?: unknown;
}

const OPEN = (status: string) => status !== 'closed' && status !== 'inadmissible';

/** Tampered first (someone must look), then urgent and overdue, urgent, overdue, the rest. */
export function rankOf(item: RankedCase): number {
  if (item.categories === null || !item.intact) return 0;
  const urgent = item.row.urgent && OPEN(item.row.status);
  const overdue = item.overdue.length > 0;
  if (urgent && overdue) return 1;
  if (urgent) return 2;
  if (overdue) return 3;
  return 4;
}

/** By rank, newest first within each, then by reference so that pages never overlap. */
export function byPriority(a: RankedCase, b: RankedCase): number {
  return rankOf(a) - rankOf(b) || b.row.receivedAt.getTime() - a.row.receivedAt.getTime() || a.row.reference.localeCompare(b.row.reference);
}
