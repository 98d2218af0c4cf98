/**
 * Counter increments wait for their batch sealed under the statistics key,
 * derived from the index key (so it lives outside the database with it and
 * adds nothing to back up). Each sealed value is bound to its queue row and
 * tenant, and every plaintext is padded to one fixed size, so neither the
 * bytes nor the length of a waiting row say which categories it counts.
 */
import { decrypt, encrypt } from './aead.js';
import { fromUtf8, utf8 } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { keyBytes, SecretKey } from './secret-key.js';
import type { IndexKey } from './secrets.js';

/** Every waiting increment is this long before encryption (an intake's codes fit several times over). */
export const PENDING_PLAINTEXT_BYTES = 4096;

function statisticsKey(indexKey: IndexKey): SecretKey<'statistics'> {
  return new SecretKey('statistics', deriveSubkey(keyBytes(indexKey.value), KDF_CONTEXT.statistics, 1));
}

export function sealPendingIncrement(indexKey: IndexKey, text: string, tenant: string, rowId: string): string {
  const bytes = utf8(text, 'pending increment');
  if (bytes.byteLength > PENDING_PLAINTEXT_BYTES) throw new CryptoError('INVALID_INPUT', `pending increment over ${PENDING_PLAINTEXT_BYTES} bytes`);
  const padded = Buffer.alloc(PENDING_PLAINTEXT_BYTES, 0x20);
  padded.set(bytes, 0);
  const key = statisticsKey(indexKey);
  try {
    return encodeCiphertext(encrypt(key, padded, ['mnpddh/stat-pending/v1', tenant, rowId]));
  } finally {
    key.destroy();
  }
}

/** DECRYPT_FAILED when the value was moved to another row, altered, or sealed under another index key. */
export function openPendingIncrement(indexKey: IndexKey, sealed: string, tenant: string, rowId: string): string {
  const key = statisticsKey(indexKey);
  try {
    return fromUtf8(decrypt(key, parseCiphertext(sealed), ['mnpddh/stat-pending/v1', tenant, rowId]), 'pending increment').trimEnd();
  } finally {
    key.destroy();
  }
}
