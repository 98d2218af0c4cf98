/**
 * Throttling of password guesses per account, without IP addresses (there
 * are none worth having: Tor makes every client look alike). The first five
 * failures cost nothing; each further one locks the account for 1, 2, 4 …
 * seconds, never more than a minute, so a stranger can slow an account down
 * but not shut its owner out for long. A success resets the count.
 */
export const FREE_FAILURES = 5;
export const MAX_LOCK_SECONDS = 60;

/** Seconds an account stays locked after its `failures`-th failure in a row. */
export function lockSeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, 2 ** (failures - FREE_FAILURES - 1));
}

/** When the lock that the `failures`-th failure sets ends, or null for none. */
export function lockedUntilAfter(failures: number, now: Date): Date | null {
  const seconds = lockSeconds(failures);
  return seconds === 0 ? null : new Date(now.getTime() + seconds * 1000);
}

/** Whole seconds left on a lock (at least 1 while locked), 0 when not locked. */
export function secondsLocked(lockedUntil: Date | null, now: Date): number {
  if (lockedUntil === null) return 0;
  const left = lockedUntil.getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

interface PhantomAccount {
  failures: number;
  lockedUntil: Date | null;
}

/**
 * The same arithmetic for e-mail addresses that have no account, kept in
 * memory only: without it, "locked after six tries" would tell a stranger
 * which addresses belong to staff. Bounded: the oldest entries go first.
 */
export class UnknownAccountThrottle {
  readonly #accounts = new Map<string, PhantomAccount>();

  constructor(private readonly capacity = 10_000) {}

  secondsLocked(email: string, now: Date): number {
    return secondsLocked(this.#accounts.get(email)?.lockedUntil ?? null, now);
  }

  recordFailure(email: string, now: Date): void {
    const failures = (this.#accounts.get(email)?.failures ?? 0) + 1;
    this.#accounts.delete(email);
    if (this.#accounts.size >= this.capacity) {
      const oldest = this.#accounts.keys().next().value;
      if (oldest !== undefined) this.#accounts.delete(oldest);
    }
    this.#accounts.set(email, { failures, lockedUntil: lockedUntilAfter(failures, now) });
  }
}
