import { RateLimitedError } from '../common/rate-limited.js';

/**
 * Each person's searches: a few a minute, one at a time. A search decrypts
 * the whole caseload the person holds (about 1 ms a case, bench/RESULTS.md):
 * a stolen session or a stuck key must not turn it into a loop that keeps
 * every case in memory and the server busy. In memory, like the other
 * budgets (one API process).
 */
export class SearchBudget {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #running = new Set<string>();

  constructor(
    private readonly perMinute = 10,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(staffId: string, search: () => Promise<T>): Promise<T> {
    if (this.#running.has(staffId)) throw new RateLimitedError(2);
    this.take(staffId);
    this.#running.add(staffId);
    try {
      return await search();
    } finally {
      this.#running.delete(staffId);
    }
  }

  private take(staffId: string): void {
    const now = this.now();
    const window = this.#windows.get(staffId);
    if (!window || now - window.start >= 60_000) {
      this.#windows.set(staffId, { start: now, count: 1 });
      return;
    }
    if (window.count >= this.perMinute) throw new RateLimitedError((window.start + 60_000 - now) / 1000);
    window.count += 1;
  }
}
