/** A form's one-time key is remembered as long as an unfinished request lives. */
const REMEMBER_MS = 2 * 3600_000;
/** A bound on memory whatever the traffic: the oldest keys go first. */
const MAX_REMEMBERED = 20_000;
/** What a page puts in `_once` (crypto/plain-form.ts: 24 random bytes, base64url). */
const ONCE_FORMAT = /^[\w-]{32}$/;

/** The posted one-time key when it is one of ours in shape, else undefined. */
export function wellFormedOnce(value: string): string | undefined {
  return ONCE_FORMAT.test(value) ? value : undefined;
}

interface Remembered {
  readonly until: number;
  readonly outcome: Promise<unknown>;
}

/**
 * Without JavaScript a form cannot disable its button or retry with an
 * Idempotency-Key: the back button, a second tap on a slow line or "resend
 * the form?" post the very same fields again. Each form carries a one-time
 * key; the first post under it does the work, a repeat gets the first one's
 * outcome (waiting for it while it runs). Kept in this process's memory only,
 * like the form key, and only the key and its outcome: never what was sent.
 */
export class SubmittedOnce {
  readonly #seen = new Map<string, Remembered>();

  /** `work` once per `scope` and key; a post without a well-formed key simply runs. A failed attempt is forgotten, so a retry runs again. */
  run<T>(scope: string, once: string, work: () => Promise<T>): Promise<T> {
    if (!wellFormedOnce(once)) return work();
    const now = Date.now();
    this.forgetExpired(now);
    const key = `${scope}\u0000${once}`;
    const earlier = this.#seen.get(key);
    if (earlier) return earlier.outcome as Promise<T>;
    const outcome = work();
    this.#seen.set(key, { until: now + REMEMBER_MS, outcome });
    outcome.catch(() => this.#seen.delete(key));
    return outcome;
  }

  private forgetExpired(now: number): void {
    // Insertion order is time order: stop at the first key still remembered.
    for (const [key, remembered] of this.#seen) {
      if (remembered.until > now && this.#seen.size < MAX_REMEMBERED) break;
      this.#seen.delete(key);
    }
  }
}
