/**
 * The integrity anchor kept outside PostgreSQL (a small file in the data
 * directory): authenticated with a key derived from the audit checkpoint key,
 * so a file copied from another deployment or edited by hand is refused.
 */
import { constantTimeEqual, fromBase64Url, toBase64Url } from './bytes.js';
import { CryptoError } from './errors.js';
import { hashCanonical, HASH_BYTES } from './hash.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { keyBytes, requireKind, SecretKey } from './secret-key.js';
import { signingKeySeed, type SigningKeyPair } from './signing.js';

export type AnchorKey = SecretKey<'anchor'>;

/** Subkey 2 of the checkpoint key. */
export function deriveAnchorKey(checkpointKey: SigningKeyPair): AnchorKey {
  return new SecretKey('anchor', deriveSubkey(signingKeySeed(checkpointKey), KDF_CONTEXT.audit, 2));
}

const LABEL = 'mnpddh/integrity-anchor/v1';

/** MAC over the anchor's text (its JSON body), base64url. */
export function computeAnchorMac(key: AnchorKey, tenant: string, body: string): string {
  requireKind(key, ['anchor']);
  return toBase64Url(hashCanonical(LABEL, [tenant, body], keyBytes(key)));
}

/** Throws INTEGRITY_FAILED when the body is not the one the MAC was made over. */
export function verifyAnchorMac(key: AnchorKey, tenant: string, body: string, mac: string): void {
  const expected = fromBase64Url(computeAnchorMac(key, tenant, body), 'anchor MAC', HASH_BYTES);
  let given: Buffer;
  try {
    given = fromBase64Url(mac, 'anchor MAC', HASH_BYTES);
  } catch {
    throw new CryptoError('INTEGRITY_FAILED', 'integrity anchor: malformed MAC');
  }
  if (!constantTimeEqual(expected, given)) throw new CryptoError('INTEGRITY_FAILED', 'integrity anchor: MAC does not match');
}
