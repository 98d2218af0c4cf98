/**
 * Puzzles already redeemed, until they expire: a solution buys one attempt,
 * not a flood. Bounded: when full even after dropping the expired ones, a
 * new solution is simply not counted (its attempt waits with the unpriced).
 */
export class SpentPuzzles {
  readonly #expiries = new Map<string, number>();

  constructor(private readonly capacity = 100_000) {}

  /** True the first time `id` is presented before `expiresAt`; false after. */
  spend(id: string, expiresAt: Date, now: Date): boolean {
    if (this.#expiries.has(id)) return false;
    if (this.#expiries.size >= this.capacity) this.dropExpired(now);
    if (this.#expiries.size >= this.capacity) return false;
    this.#expiries.set(id, expiresAt.getTime());
    return true;
  }

  get size(): number {
    return this.#expiries.size;
  }

  private dropExpired(now: Date): void {
    for (const [id, expiry] of this.#expiries) if (expiry <= now.getTime()) this.#expiries.delete(id);
  }
}
