/** Entries kept at most (the oldest go first): a few times the cases a large team holds. */
const MAX_ENTRIES = 100_000;

/**
 * Remembers which exact inputs of a check (a signature, a MAC) verified, by
 * the id of what was checked, so an unchanged row is not verified again on
 * every list. Only a pass is kept, and only for the very inputs that passed:
 * a row changed in any byte (a replayed index row, a grant re-signed) is
 * another string, verified again. Holds no secret and nothing decrypted:
 * what it holds is what the database already shows.
 */
export class VerifiedMemo {
  private readonly passed = new Map<string, string>();

  has(id: string, inputs: string): boolean {
    return this.passed.get(id) === inputs;
  }

  remember(id: string, inputs: string): void {
    this.passed.delete(id);
    if (this.passed.size >= MAX_ENTRIES) {
      const oldest = this.passed.keys().next();
      if (!oldest.done) this.passed.delete(oldest.value);
    }
    this.passed.set(id, inputs);
  }
}

/**
 * Every column of a row as one string, cheaply (no date formatting): each
 * value tagged with its type and followed by a separator. The columns come in
 * the order the query selected them, so two rows give the same string only
 * when every value is the same (a value holding the separator adds one, and
 * the count no longer matches). A superset of what a MAC covers: a column it
 * does not cover can only cause a needless check, never skip one.
 */
export function rowIdentity(row: object): string {
  let identity = '';
  for (const [column, value] of Object.entries(row)) {
    identity += `${column}=${tagged(value)}\u0000`;
  }
  return identity;
}

function tagged(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  if (value instanceof Date) return `t${value.getTime()}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value}${String(value)}`;
  // Nested values (a relation read with the row) are written out in full.
  return `j${JSON.stringify(value)}`;
}
