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
