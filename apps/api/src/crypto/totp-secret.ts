/**
 * A staff member's TOTP secret at rest: XChaCha20-Poly1305 under a subkey of
 * the index key (configuration, never the database), bound to (tenant, user
 * id). A database leak yields no second factor, and a secret copied onto
 * another user's row does not open.
 */
import { decrypt, encrypt } from './aead.js';
import { fromUtf8, utf8 } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { hashCanonical } from './hash.js';
import { keyBytes, requireKind, SecretKey } from './secret-key.js';
import type { IndexKey } from './secrets.js';
import { memzero } from './sodium.js';

export interface TotpSecretBinding {
  readonly tenant: string;
  readonly userId: string;
}

/**
 * Keyed BLAKE2b of the index key under its own label: independent of the
 * index-row MAC key, without a new crypto_kdf context. The SecretKey kind
 * has no 'totp' member, so the subkey travels as an 'index' key; it never
 * leaves this file.
 */
function withTotpKey<T>(indexKey: IndexKey, use: (key: SecretKey<'index'>) => T): T {
  requireKind(indexKey.value, ['index']);
  const key = new SecretKey('index', hashCanonical('mnpddh/totp-secret-key/v1', [], keyBytes(indexKey.value)));
  try {
    return use(key);
  } finally {
    key.destroy();
  }
}

function context(binding: TotpSecretBinding) {
  return ['mnpddh/totp-secret/v1', binding.tenant, binding.userId] as const;
}

/** The base32 secret → a ciphertext value to store. */
export function encryptTotpSecret(indexKey: IndexKey, secret: string, binding: TotpSecretBinding): string {
  const plaintext = utf8(secret, 'TOTP secret');
  try {
    return withTotpKey(indexKey, (key) => encodeCiphertext(encrypt(key, plaintext, context(binding))));
  } finally {
    memzero(plaintext);
  }
}

/** DECRYPT_FAILED when the value was changed or moved to another user's row. */
export function decryptTotpSecret(indexKey: IndexKey, value: string, binding: TotpSecretBinding): string {
  const plaintext = withTotpKey(indexKey, (key) => decrypt(key, parseCiphertext(value), context(binding)));
  try {
    return fromUtf8(plaintext, 'TOTP secret');
  } finally {
    memzero(plaintext);
  }
}
