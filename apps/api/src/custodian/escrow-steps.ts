import { AppError } from '../common/app-error.js';
import { CryptoError, openEscrowInnerLayer, openEscrowOuterLayer, type EscrowContext, type IdentityKeyPair } from '../crypto/index.js';
import type { Intermediate } from './custodian.repository.js';

/**
 * The two steps of opening the escrow key, as custodian operations use them.
 * Step 1 removes the outer layer of each share the requester holds as the
 * outer custodian; what is left is still sealed to the inner custodian and is
 * harmless alone. Step 2, by that inner custodian, rebuilds the key pair.
 */

/** Step 1. The shares whose outer layer this key does not open (a changed key pair) are left out. */
export function removeOuterLayers(shares: { innerUserId: string; sealed: string }[], outer: IdentityKeyPair, context: EscrowContext): Intermediate[] {
  return shares.flatMap((share) => {
    const value = opened(() => openEscrowOuterLayer(share.sealed, outer, context));
    return value === null ? [] : [{ innerUserId: share.innerUserId, value }];
  });
}

/** Which of these shares this key opens (the drill): the values are dropped at once. */
export function outerLayersOpened(shares: { sealed: string }[], outer: IdentityKeyPair, context: EscrowContext): boolean[] {
  return shares.map((share) => opened(() => openEscrowOuterLayer(share.sealed, outer, context)) !== null);
}

/** Step 2: the escrow key pair, for one operation; the caller destroys it. REFUSED when this key does not open it. */
export function rebuildEscrowKey(intermediate: Intermediate, inner: IdentityKeyPair, context: EscrowContext): IdentityKeyPair {
  const escrow = opened(() => openEscrowInnerLayer(intermediate.value, inner, context));
  if (escrow === null) throw new AppError('REFUSED', [{ field: 'id', message: 'custodian_share_does_not_open' }]);
  return escrow;
}

function opened<T>(open: () => T): T | null {
  try {
    return open();
  } catch (error) {
    if (error instanceof CryptoError) return null;
    throw error;
  }
}
