import { RateLimitedError } from '../common/rate-limited.js';
import { ReceiptAttempts } from './receipt-attempts.js';

describe('ReceiptAttempts', () => {
  it('allows the budget per minute, then refuses with the wait until the next minute', () => {
    let now = 1_000_000;
    const sut = new ReceiptAttempts(3, () => now);
    sut.take();
    sut.take();
    sut.take();
    now += 20_000;
    let refused: unknown;
    try {
      sut.take();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(40);
    now += 40_000;
    expect(() => sut.take()).not.toThrow();
  });
});
