/**
 * The one place libsodium is loaded. The production build is sodium-native
 * (libsodium compiled natively, prebuilt in the npm package): see
 * bench/RESULTS.md for the measurements behind that choice. Nothing outside
 * `src/crypto` may import `sodium-native` or any other libsodium build.
 */
import sodium from 'sodium-native';

import { CryptoError } from './errors.js';

export { sodium };

/** Fresh random bytes from libsodium's CSPRNG (getrandom). */
export function randomBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  sodium.randombytes_buf(out);
  return out;
}

/** Overwrites a buffer with zeros (not optimised away). */
export function memzero(...buffers: (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) if (buffer !== undefined) sodium.sodium_memzero(buffer);
}

// draft-irtf-cfrg-xchacha-03, appendix A.3.1 (first 16 bytes of ciphertext and the tag).
const SELF_TEST = {
  key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
  nonce: '404142434445464748494a4b4c4d4e4f5051525354555657',
  ad: '50515253c0c1c2c3c4c5c6c7',
  plaintext: "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  ciphertextStart: 'bd6d179d3e83d43b9576579493c0e939',
  tag: 'c0875924c1c7987947deafd8780acf49',
};

/**
 * Call once at start-up, before serving: checks the native binary against a
 * published XChaCha20-Poly1305 vector (a broken or substituted build refuses
 * to start) and runs one small Argon2id so the first login does not pay the
 * thread-pool and allocator start-up.
 */
export async function warmUpCrypto(): Promise<void> {
  const plaintext = Buffer.from(SELF_TEST.plaintext, 'utf8');
  const out = Buffer.alloc(plaintext.length + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    out,
    plaintext,
    Buffer.from(SELF_TEST.ad, 'hex'),
    null,
    Buffer.from(SELF_TEST.nonce, 'hex'),
    Buffer.from(SELF_TEST.key, 'hex'),
  );
  const hex = out.toString('hex');
  if (!hex.startsWith(SELF_TEST.ciphertextStart) || !hex.endsWith(SELF_TEST.tag)) {
    throw new CryptoError('SELF_TEST_FAILED', 'libsodium self-test failed: refusing to start');
  }
  const hash = Buffer.alloc(32);
  await sodium.crypto_pwhash_async(
    hash,
    Buffer.from('warm-up'),
    Buffer.alloc(sodium.crypto_pwhash_SALTBYTES),
    sodium.crypto_pwhash_OPSLIMIT_MIN,
    sodium.crypto_pwhash_MEMLIMIT_MIN,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}
