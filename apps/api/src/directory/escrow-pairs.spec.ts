import { workingPairs, type ShareKeys } from './escrow-pairs.js';

/** Every ordered pair of these custodians, sealed to the keys given. */
function sharesOf(keys: Record<string, string>): ShareKeys[] {
  const ids = Object.keys(keys);
  return ids.flatMap((outer) =>
    ids
      .filter((inner) => inner !== outer)
      .map((inner) => ({ innerUserId: inner, outerUserId: outer, innerPublicKey: keys[inner] ?? null, outerPublicKey: keys[outer] ?? null })),
  );
}

describe('workingPairs', () => {
  const sealedTo = { a: 'ka', b: 'kb', c: 'kc' };
  const shares = sharesOf(sealedTo);

  it('counts each unordered pair once while every key is current', () => {
    const sut = workingPairs(shares, [
      { id: 'a', publicKey: 'ka' },
      { id: 'b', publicKey: 'kb' },
      { id: 'c', publicKey: 'kc' },
    ]);
    expect(sut).toEqual(
      expect.arrayContaining([
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ]),
    );
    expect(sut).toHaveLength(3);
  });

  it('drops the pairs of a custodian whose key changed (password reset) or who has none yet', () => {
    expect(
      workingPairs(shares, [
        { id: 'a', publicKey: 'ka2' },
        { id: 'b', publicKey: 'kb' },
        { id: 'c', publicKey: 'kc' },
      ]),
    ).toEqual([['b', 'c']]);
    expect(
      workingPairs(shares, [
        { id: 'a', publicKey: null },
        { id: 'b', publicKey: 'kb' },
        { id: 'c', publicKey: 'kc' },
      ]),
    ).toEqual([['b', 'c']]);
  });

  it('drops the pairs of a custodian no longer active (absent) or left out on purpose (what a reset would do)', () => {
    expect(
      workingPairs(shares, [
        { id: 'b', publicKey: 'kb' },
        { id: 'c', publicKey: 'kc' },
      ]),
    ).toEqual([['b', 'c']]);
    expect(
      workingPairs(
        shares,
        [
          { id: 'a', publicKey: 'ka' },
          { id: 'b', publicKey: 'kb' },
          { id: 'c', publicKey: 'kc' },
        ],
        new Set(['a', 'b']),
      ),
    ).toEqual([]);
  });

  it('does not count a share whose keys were never recorded', () => {
    const legacy = shares.map((share) => ({ ...share, innerPublicKey: null }));
    expect(
      workingPairs(legacy, [
        { id: 'a', publicKey: 'ka' },
        { id: 'b', publicKey: 'kb' },
      ]),
    ).toEqual([]);
  });
});
