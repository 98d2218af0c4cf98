/** Byte helpers: strict base64url, strict UTF-8, constant-time comparison. */
import { CryptoError } from './errors.js';
import { sodium } from './sodium.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// A lone surrogate would be silently replaced by U+FFFD in UTF-8, so two
// different strings would encode to the same bytes: refuse them instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Decodes unpadded base64url, refusing anything Node's lenient decoder would
 * otherwise accept (other characters, padding, non-zero trailing bits), so
 * every value has exactly one textual form.
 */
export function fromBase64Url(text: string, what: string, expectedLength?: number): Buffer {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) {
    throw new CryptoError('BAD_FORMAT', `${what}: not base64url`);
  }
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) {
    throw new CryptoError('BAD_FORMAT', `${what}: non-canonical base64url`);
  }
  if (expectedLength !== undefined && bytes.length !== expectedLength) {
    throw new CryptoError('BAD_FORMAT', `${what}: expected ${expectedLength} bytes, got ${bytes.length}`);
  }
  return bytes;
}

export function isWellFormedUnicode(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** UTF-8 bytes of a string that must be well-formed Unicode. */
export function utf8(text: string, what: string): Buffer {
  if (typeof text !== 'string' || !isWellFormedUnicode(text)) {
    throw new CryptoError('INVALID_INPUT', `${what}: not a well-formed Unicode string`);
  }
  return Buffer.from(text, 'utf8');
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8, refusing invalid sequences rather than substituting U+FFFD. */
export function fromUtf8(bytes: Uint8Array, what: string): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    throw new CryptoError('BAD_FORMAT', `${what}: invalid UTF-8`);
  }
}

/** Constant-time equality; buffers of different lengths are simply unequal. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  return sodium.sodium_memcmp(a, b);
}

/** True for any byte array, whichever realm created it (Jest's VM, workers). */
export function isBytes(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && (value as Uint8Array).BYTES_PER_ELEMENT === 1 && !(value instanceof DataView);
}

export function requireLength(bytes: Uint8Array, length: number, what: string): void {
  if (!isBytes(bytes) || bytes.byteLength !== length) {
    throw new CryptoError('INVALID_INPUT', `${what}: expected ${length} bytes`);
  }
}
