import { RateLimitedError } from '../common/rate-limited.js';

/**
 * A global budget of receipt attempts per minute, whoever makes them: the
 * 24 digits protect the secret; this keeps a guessing flood from starving
 * real defenders of the receipt workers.
 */
export class ReceiptAttempts {
  #windowStart = 0;
  #count = 0;

  constructor(
    private readonly perMinute = 120,
    private readonly now: () => number = Date.now,
  ) {}

  take(): void {
    const now = this.now();
    if (now - this.#windowStart >= 60_000) {
      this.#windowStart = now;
      this.#count = 0;
    }
    if (this.#count >= this.perMinute) throw new RateLimitedError((this.#windowStart + 60_000 - now) / 1000);
    this.#count++;
  }
}
