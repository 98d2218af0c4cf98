/**
 * Which pairs of custodians can open the escrow, from the shares' recorded
 * keys and the custodians' current certified keys. Pure: the service reads
 * the rows, this decides.
 */

export interface ShareKeys {
  readonly innerUserId: string;
  readonly outerUserId: string;
  /** the keys it was sealed to; null for a share sealed before they were recorded (not known to work) */
  readonly innerPublicKey: string | null;
  readonly outerPublicKey: string | null;
}

export interface CustodianKey {
  readonly id: string;
  /** the current certified key; null when none (reset, not signed in since) or the certificate fails */
  readonly publicKey: string | null;
}

/**
 * Unordered pairs {a, b} (ids sorted) of custodians with a share that still
 * opens: sealed to both of their current keys. One direction is enough —
 * whoever is the outer custodian starts, the other completes.
 */
export function workingPairs(shares: readonly ShareKeys[], custodians: readonly CustodianKey[], without: ReadonlySet<string> = new Set()): [string, string][] {
  const current = new Map(custodians.filter((c) => c.publicKey !== null && !without.has(c.id)).map((c) => [c.id, c.publicKey]));
  const pairs = new Map<string, [string, string]>();
  for (const share of shares) {
    const opens =
      share.innerPublicKey !== null &&
      share.outerPublicKey !== null &&
      current.get(share.innerUserId) === share.innerPublicKey &&
      current.get(share.outerUserId) === share.outerPublicKey;
    if (!opens || share.innerUserId === share.outerUserId) continue;
    const pair = [share.innerUserId, share.outerUserId].sort() as [string, string];
    pairs.set(pair.join(' '), pair);
  }
  return [...pairs.values()];
}
