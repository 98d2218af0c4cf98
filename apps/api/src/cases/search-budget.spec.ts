import { RateLimitedError } from '../common/rate-limited.js';
import { SearchBudget } from './search-budget.js';

const search = () => Promise.resolve('found');

describe('SearchBudget', () => {
  it('lets a person search a few times a minute, then says how long to wait, and lets them again a minute later', async () => {
    let now = 1_000_000;
    const budget = new SearchBudget(3, () => now);
    for (let i = 0; i < 3; i += 1) await expect(budget.run('awa', search)).resolves.toBe('found');
    now += 20_000;
    const refused = await budget.run('awa', search).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(40);
    // Someone else is not held back by it.
    await expect(budget.run('moussa', search)).resolves.toBe('found');
    now += 40_000;
    await expect(budget.run('awa', search)).resolves.toBe('found');
  });

  it('runs one search at a time per person, and a failed search frees the turn', async () => {
    const budget = new SearchBudget();
    let finish: (value: string) => void = () => undefined;
    const first = budget.run('awa', () => new Promise<string>((resolve) => (finish = resolve)));
    await expect(budget.run('awa', search)).rejects.toBeInstanceOf(RateLimitedError);
    finish('done');
    await expect(first).resolves.toBe('done');
    await expect(budget.run('awa', () => Promise.reject(new Error('integrity')))).rejects.toThrow('integrity');
    await expect(budget.run('awa', search)).resolves.toBe('found');
  });
});
