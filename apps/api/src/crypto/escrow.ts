/**
 * The escrow private key is never sealed to one person: for each pair of
 * custodians (A, B) it is stored as seal_B(seal_A(escrow seed)), both
 * recipients certified as custodians. Opening needs B's key, then A's; the
 * key pair exists in memory only for the one operation (destroy() it).
 */
import { fromBase64Url, isBytes, toBase64Url } from './bytes.js';
import { decodeCanonical, encodeCanonical, type CanonicalValue } from './canonical.js';
import { CryptoError } from './errors.js';
import { keyPairFromSeed, keyPairSecrets, SEED_BYTES, type IdentityKeyPair } from './key-pair.js';
import { openSealed, sealToCertifiedRecipient, type SealRecipient } from './seal.js';
import { memzero } from './sodium.js';

const INNER = 'mnpddh/escrow-inner/v1';
const OUTER = 'mnpddh/escrow-outer/v1';

export interface EscrowContext {
  readonly tenant: string;
  /** the escrow key pair's certified public key */
  readonly escrowPublicKey: string;
}

/** seal_second(seal_first(seed)); the two custodians must be different users. */
export function sealEscrowForCustodians(escrow: IdentityKeyPair, context: EscrowContext, first: SealRecipient, second: SealRecipient): string {
  if (escrow.publicKey !== context.escrowPublicKey) throw new CryptoError('KEY_MISMATCH', 'not the escrow key named');
  if (first.certificate.userId === second.certificate.userId) {
    throw new CryptoError('INVALID_INPUT', 'escrow needs two different custodians');
  }
  const innerPayload = encodeCanonical([INNER, context.tenant, context.escrowPublicKey, keyPairSecrets(escrow).seed]);
  try {
    const inner = sealToCertifiedRecipient(innerPayload, first);
    const outerPayload = encodeCanonical([OUTER, context.tenant, context.escrowPublicKey, inner]);
    return toBase64Url(sealToCertifiedRecipient(outerPayload, second));
  } finally {
    memzero(innerPayload);
  }
}

function layer(payload: Buffer, label: string, context: EscrowContext): Buffer {
  let fields: CanonicalValue;
  try {
    fields = decodeCanonical(payload);
  } finally {
    memzero(payload);
  }
  if (!Array.isArray(fields) || fields.length !== 4 || fields[0] !== label || !isBytes(fields[3])) {
    throw new CryptoError('BAD_FORMAT', 'escrow layer: unexpected structure');
  }
  if (fields[1] !== context.tenant || fields[2] !== context.escrowPublicKey) {
    memzero(fields[3] as Buffer);
    throw new CryptoError('KEY_MISMATCH', 'escrow layer is for another tenant or escrow key');
  }
  return fields[3] as Buffer;
}

/** Step 1, by the second custodian: removes the outer layer. Returns the inner sealed value (base64url). */
export function openEscrowOuterLayer(sealed: string, second: IdentityKeyPair, context: EscrowContext): string {
  const payload = openSealed(fromBase64Url(sealed, 'escrow sealed value'), second);
  return toBase64Url(layer(payload, OUTER, context));
}

/** Step 2, by the first custodian: recovers the escrow key pair (checked against its public key). */
export function openEscrowInnerLayer(inner: string, first: IdentityKeyPair, context: EscrowContext): IdentityKeyPair {
  const payload = openSealed(fromBase64Url(inner, 'escrow inner value'), first);
  const seed = layer(payload, INNER, context);
  if (seed.length !== SEED_BYTES) {
    memzero(seed);
    throw new CryptoError('BAD_FORMAT', 'escrow seed: wrong length');
  }
  return keyPairFromSeed(seed, context.escrowPublicKey);
}
