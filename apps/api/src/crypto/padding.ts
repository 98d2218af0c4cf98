/**
 * Length hiding. Field plaintexts are padded (ISO/IEC 7816-4, as sodium_pad)
 * to buckets: multiples of 64 bytes up to 1 KiB, then powers of two. File
 * sizes are rounded up with Padmé (at most ~12 % overhead, leaks O(log log n)
 * bits) and then to whole 64 KiB chunks.
 */
import { CryptoError } from './errors.js';

const SMALL_BLOCK = 64;
const SMALL_LIMIT = 1024;
/** Largest field plaintext accepted; bigger content belongs in an attachment. */
export const FIELD_MAX_BYTES = 4 * 1024 * 1024;

/** Padded length for an unpadded length `n` (always at least n + 1: the 0x80 marker). */
export function fieldBucket(n: number): number {
  const needed = n + 1;
  if (needed <= SMALL_LIMIT) return Math.ceil(needed / SMALL_BLOCK) * SMALL_BLOCK;
  return 2 ** Math.ceil(Math.log2(needed));
}

export function padField(plaintext: Uint8Array): Buffer {
  const n = plaintext.byteLength;
  if (n > FIELD_MAX_BYTES) throw new CryptoError('INVALID_INPUT', `field plaintext over ${FIELD_MAX_BYTES} bytes`);
  // Same bytes as sodium_pad(buf, n, bucket) (the spec checks it): marker then zeros,
  // written directly because the native call scans the whole block (≈ 7 µs at 2 KiB).
  const out = Buffer.alloc(fieldBucket(n));
  out.set(plaintext, 0);
  out[n] = 0x80;
  return out;
}

/**
 * Removes the padding and checks it is exactly what `padField` writes (marker
 * byte, zeros, canonical bucket). sodium-native's sodium_unpad ignores
 * libsodium's error return, so the check is done here.
 */
export function unpadField(padded: Uint8Array): Buffer {
  const length = padded.byteLength;
  let end = length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80 || fieldBucket(end) !== length) {
    throw new CryptoError('BAD_FORMAT', 'field: bad padding');
  }
  return Buffer.from(padded.subarray(0, end));
}

/** Padmé: rounds `n` up keeping only the top ~log2(log2 n) + 1 significant bits. */
export function padme(n: number): number {
  if (n < 2) return n;
  const e = Math.floor(Math.log2(n));
  const s = Math.floor(Math.log2(e)) + 1;
  const step = 2 ** (e - s);
  return Math.ceil(n / step) * step;
}

/** Number of fixed-size chunks a file of `size` bytes is stored in (at least one). */
export function fileChunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(padme(size) / chunkSize));
}
