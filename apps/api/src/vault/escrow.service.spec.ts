import { describe, expect, test } from '@jest/globals';
import { orderedPairs } from './escrow.service.js';

describe('escrow shares: every ordered pair of custodians', () => {
  test('two custodians give both orientations, so either one can start', () => {
    expect(orderedPairs(['a', 'b'])).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
  });

  test('n custodians give n(n-1) shares, never a custodian paired with themselves', () => {
    const pairs = orderedPairs(['a', 'b', 'c']);
    expect(pairs).toHaveLength(6);
    expect(pairs.some(([x, y]) => x === y)).toBe(false);
    expect(new Set(pairs.map((p) => p.join())).size).toBe(6);
  });
});
