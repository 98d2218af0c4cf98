/**
 * XChaCha20-Poly1305 (IETF) under a SecretKey, with associated data built by
 * the canonical encoding from the ciphertext header and a caller context
 * whose first item is a domain label. Module-internal: the public surface is
 * field.ts and the key-wrapping functions, which fix the contexts.
 */
import { constantTimeEqual } from './bytes.js';
import { encodeCanonical, type CanonicalValue } from './canonical.js';
import { ciphertextHeader, CIPHERTEXT_VERSION, CipherAlgorithm, NONCE_BYTES, TAG_BYTES, type Ciphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { keyBytes, type SecretKey, type SymmetricKeyKind } from './secret-key.js';
import { randomBytes, sodium } from './sodium.js';

export type AeadContext = readonly [label: string, ...rest: CanonicalValue[]];

function associatedData(header: Buffer, context: AeadContext): Buffer {
  return encodeCanonical(['mnpddh/aead/v1', header, context]);
}

/** Exposed for known-answer tests; production callers let the nonce be random. */
export function encryptWithNonce(key: SecretKey<SymmetricKeyKind>, plaintext: Uint8Array, context: AeadContext, nonce: Buffer): Ciphertext {
  if (nonce.length !== NONCE_BYTES) throw new CryptoError('INVALID_INPUT', 'nonce must be 24 bytes');
  const header = {
    version: CIPHERTEXT_VERSION,
    algorithm: CipherAlgorithm.XCHACHA20POLY1305_IETF,
    keyId: key.idBytes,
  } as const;
  const sealed = Buffer.alloc(plaintext.byteLength + TAG_BYTES);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, plaintext, associatedData(ciphertextHeader(header), context), null, nonce, keyBytes(key));
  return { ...header, nonce, sealed };
}

export function encrypt(key: SecretKey<SymmetricKeyKind>, plaintext: Uint8Array, context: AeadContext): Ciphertext {
  return encryptWithNonce(key, plaintext, context, randomBytes(NONCE_BYTES));
}

/**
 * Opens a ciphertext; KEY_MISMATCH when it names another key, DECRYPT_FAILED
 * when the bytes or the context differ from those at encryption.
 */
export function decrypt(key: SecretKey<SymmetricKeyKind>, value: Ciphertext, context: AeadContext): Buffer {
  if (!constantTimeEqual(value.keyId, key.idBytes)) {
    throw new CryptoError('KEY_MISMATCH', `ciphertext was made under another key than this ${key.kind} key`);
  }
  if (value.sealed.length < TAG_BYTES) throw new CryptoError('BAD_FORMAT', 'ciphertext: too short');
  const plaintext = Buffer.alloc(value.sealed.length - TAG_BYTES);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      plaintext,
      null,
      value.sealed,
      associatedData(ciphertextHeader(value), context),
      value.nonce,
      keyBytes(key),
    );
  } catch {
    throw new CryptoError('DECRYPT_FAILED', 'ciphertext did not authenticate (tampered, moved or wrong key)');
  }
  return plaintext;
}
