/**
 * The versioned, self-describing ciphertext value stored in the database.
 *
 *   byte 0      format version (1)
 *   byte 1      algorithm (1 = XChaCha20-Poly1305 IETF)
 *   bytes 2-17  key id (16 bytes): which key opens it, for rotation
 *   bytes 18-41 nonce (24 random bytes)
 *   bytes 42-   ciphertext and 16-byte Poly1305 tag
 *
 * Text form: unpadded base64url of those bytes. The header (version,
 * algorithm, key id) is also bound into the associated data, so changing any
 * of it makes decryption fail rather than silently reinterpreting the value.
 */
import { fromBase64Url, isBytes, toBase64Url } from './bytes.js';
import { CryptoError } from './errors.js';
import { KEY_ID_BYTES } from './secret-key.js';

export const CIPHERTEXT_VERSION = 1;
export const CipherAlgorithm = { XCHACHA20POLY1305_IETF: 1 } as const;
export type CipherAlgorithm = (typeof CipherAlgorithm)[keyof typeof CipherAlgorithm];

export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
const HEADER_BYTES = 2 + KEY_ID_BYTES;
const MIN_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

export interface Ciphertext {
  readonly version: typeof CIPHERTEXT_VERSION;
  readonly algorithm: CipherAlgorithm;
  readonly keyId: Buffer;
  readonly nonce: Buffer;
  /** encrypted bytes followed by the tag */
  readonly sealed: Buffer;
}

/** The bytes bound into the AEAD associated data. */
export function ciphertextHeader(value: Pick<Ciphertext, 'version' | 'algorithm' | 'keyId'>): Buffer {
  return Buffer.concat([Buffer.of(value.version, value.algorithm), value.keyId]);
}

export function serializeCiphertext(value: Ciphertext): Buffer {
  return Buffer.concat([ciphertextHeader(value), value.nonce, value.sealed]);
}

export function encodeCiphertext(value: Ciphertext): string {
  return toBase64Url(serializeCiphertext(value));
}

/** Strict parser for the text or binary form; anything unexpected is BAD_FORMAT. */
export function parseCiphertext(input: string | Uint8Array): Ciphertext {
  const bytes = typeof input === 'string' ? fromBase64Url(input, 'ciphertext') : isBytes(input) ? Buffer.from(input) : null;
  if (bytes === null) throw new CryptoError('BAD_FORMAT', 'ciphertext: not a string or bytes');
  if (bytes.length < MIN_BYTES) throw new CryptoError('BAD_FORMAT', 'ciphertext: too short');
  if (bytes[0] !== CIPHERTEXT_VERSION) throw new CryptoError('BAD_FORMAT', `ciphertext: unknown version ${bytes[0]}`);
  if (bytes[1] !== CipherAlgorithm.XCHACHA20POLY1305_IETF) {
    throw new CryptoError('BAD_FORMAT', `ciphertext: unknown algorithm ${bytes[1]}`);
  }
  return {
    version: CIPHERTEXT_VERSION,
    algorithm: CipherAlgorithm.XCHACHA20POLY1305_IETF,
    keyId: bytes.subarray(2, HEADER_BYTES),
    nonce: bytes.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES),
    sealed: bytes.subarray(HEADER_BYTES + NONCE_BYTES),
  };
}

/** The key id (base64url) a stored value needs, to pick the key during rotation. */
export function ciphertextKeyId(input: string | Uint8Array): string {
  return toBase64Url(parseCiphertext(input).keyId);
}
