/**
 * Every failure of the crypto module is a `CryptoError` with a code; nothing
 * returns `null` or `false` for "did not verify". Messages are for logs and
 * developers: they never contain key material, plaintext or receipts, and the
 * API maps codes to user-facing text itself.
 */
export const CryptoErrorCode = {
  /** AEAD / sealed box / stream chunk did not authenticate: tampered, moved, replayed or wrong key. */
  DECRYPT_FAILED: 'DECRYPT_FAILED',
  /** A serialised value (ciphertext, certificate, stream, secret) cannot be parsed. */
  BAD_FORMAT: 'BAD_FORMAT',
  /** An Ed25519 signature (grant, audit checkpoint) does not verify. */
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  /** A certificate is forged, or is not for the expected tenant, user, role or epoch. */
  BAD_CERTIFICATE: 'BAD_CERTIFICATE',
  /** A key is not the one a value names (key id, or an unwrapped private key vs its public key). */
  KEY_MISMATCH: 'KEY_MISMATCH',
  /** An encrypted file stream ended before its final chunk. */
  TRUNCATED_STREAM: 'TRUNCATED_STREAM',
  /** A MAC (case manifest, index row) or a fingerprint does not match: the data was changed. */
  INTEGRITY_FAILED: 'INTEGRITY_FAILED',
  /** The password does not match the stored verifier. */
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  /** The receipt typed by a defender is not 24 digits (after removing spaces and dashes). */
  BAD_RECEIPT: 'BAD_RECEIPT',
  /** A secret from configuration is missing, malformed or of the wrong kind. */
  BAD_SECRET: 'BAD_SECRET',
  /** The caller passed something the module refuses (wrong key kind, malformed string, bad parameters). */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The libsodium binary failed its start-up known-answer test. */
  SELF_TEST_FAILED: 'SELF_TEST_FAILED',
} as const;

export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode];

export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}
