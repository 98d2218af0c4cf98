import { RateLimitedError } from './rate-limited.js';

export interface Argon2GateLimits {
  /** derivations running at once (each holds the Argon2id memory, 128 MiB in production) */
  readonly concurrency: number;
  /** derivations allowed to wait; beyond that the caller gets 429 at once */
  readonly queueLimit: number;
}

/** Two at once bounds memory to ~256 MiB and leaves thread-pool room for receipts and files. */
export const ARGON2_GATE_LIMITS: Argon2GateLimits = { concurrency: 2, queueLimit: 50 };

/**
 * A small semaphore in front of every password derivation, so a flood of
 * guesses can neither exhaust memory nor queue work without bound: past the
 * queue limit the request is refused (429) without deriving anything.
 */
export class Argon2Gate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly limits: Argon2GateLimits = ARGON2_GATE_LIMITS) {}

  async run<T>(derivation: () => Promise<T>): Promise<T> {
    if (this.#running < this.limits.concurrency) {
      this.#running++;
    } else if (this.#waiting.length < this.limits.queueLimit) {
      // The finishing derivation hands its slot over: #running stays the same.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      throw new RateLimitedError(1);
    }
    try {
      return await derivation();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }
}
