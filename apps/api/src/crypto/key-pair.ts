/**
 * Identity key pairs, for staff and for escrow. One 32-byte random seed is
 * the only secret stored (wrapped); crypto_kdf derives from it
 *   - an X25519 box key pair, which case keys are sealed to, and
 *   - an Ed25519 signing key pair, with which its holder signs grants.
 * The public key is the 64 bytes boxPublicKey ‖ signPublicKey, base64url,
 * and it is what the directory certifies.
 */
import { inspect } from 'node:util';

import { decrypt, encrypt } from './aead.js';
import { constantTimeEqual, fromBase64Url, requireLength, toBase64Url } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import type { PasswordWrappingKey } from './password.js';
import { requireKind } from './secret-key.js';
import { memzero, randomBytes, sodium } from './sodium.js';

export const SEED_BYTES = 32;
export const PUBLIC_KEY_BYTES = 64;

export interface PublicKeyParts {
  readonly box: Buffer;
  readonly sign: Buffer;
}

let readSecrets: (pair: IdentityKeyPair) => { seed: Buffer; boxSecret: Buffer; signSecret: Buffer };

export class IdentityKeyPair {
  readonly #seed: Buffer;
  readonly #boxSecret = Buffer.alloc(32);
  readonly #signSecret = Buffer.alloc(64);
  readonly #boxPublic = Buffer.alloc(32);
  readonly #signPublic = Buffer.alloc(32);
  #destroyed = false;

  static {
    readSecrets = (pair) => {
      if (pair.#destroyed) throw new CryptoError('INVALID_INPUT', 'key pair used after destroy()');
      return { seed: pair.#seed, boxSecret: pair.#boxSecret, signSecret: pair.#signSecret };
    };
  }

  /** Takes ownership of the seed. Module-internal: use generateIdentityKeyPair or an unwrap function. */
  constructor(seed: Buffer) {
    requireLength(seed, SEED_BYTES, 'key pair seed');
    this.#seed = seed;
    const boxSeed = deriveSubkey(seed, KDF_CONTEXT.staffSeed, 1);
    const signSeed = deriveSubkey(seed, KDF_CONTEXT.staffSeed, 2);
    sodium.crypto_box_seed_keypair(this.#boxPublic, this.#boxSecret, boxSeed);
    sodium.crypto_sign_seed_keypair(this.#signPublic, this.#signSecret, signSeed);
    memzero(boxSeed, signSeed);
  }

  /** boxPublicKey ‖ signPublicKey, base64url (86 characters). */
  get publicKey(): string {
    return toBase64Url(Buffer.concat([this.#boxPublic, this.#signPublic]));
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    memzero(this.#seed, this.#boxSecret, this.#signSecret);
    this.#destroyed = true;
  }

  toJSON(): string {
    return `[key pair ${this.publicKey.slice(0, 11)}…]`;
  }

  toString(): string {
    return this.toJSON();
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

/** Module-internal access to the secret halves (not exported from index.ts). */
export function keyPairSecrets(pair: IdentityKeyPair): { seed: Buffer; boxSecret: Buffer; signSecret: Buffer } {
  return readSecrets(pair);
}

export function generateIdentityKeyPair(): IdentityKeyPair {
  return new IdentityKeyPair(randomBytes(SEED_BYTES));
}

export function parsePublicKey(publicKey: string): PublicKeyParts {
  const bytes = fromBase64Url(publicKey, 'public key', PUBLIC_KEY_BYTES);
  return { box: bytes.subarray(0, 32), sign: bytes.subarray(32) };
}

/** Rebuilds a key pair from an unwrapped seed and checks it is the expected one. */
export function keyPairFromSeed(seed: Buffer, expectedPublicKey: string): IdentityKeyPair {
  const pair = new IdentityKeyPair(seed);
  const expected = fromBase64Url(expectedPublicKey, 'public key', PUBLIC_KEY_BYTES);
  if (!constantTimeEqual(fromBase64Url(pair.publicKey, 'public key'), expected)) {
    pair.destroy();
    throw new CryptoError('KEY_MISMATCH', 'unwrapped private key does not match the certified public key');
  }
  return pair;
}

export interface PrivateKeyBinding {
  readonly userId: string;
  /** version of the Argon2id parameters the wrapping key came from */
  readonly paramsVersion: number;
}

/**
 * The private key as stored: the seed under XChaCha20-Poly1305 with the
 * password wrapping key, associated data binding (user id, public key,
 * parameter version), so a wrapped key copied to another user's row, or
 * paired with another public key, does not open.
 */
export function wrapPrivateKey(pair: IdentityKeyPair, wrappingKey: PasswordWrappingKey, binding: PrivateKeyBinding): string {
  requireKind(wrappingKey, ['password-wrap']);
  const { seed } = keyPairSecrets(pair);
  const context = ['mnpddh/private-key/v1', binding.userId, parsePublicKeyBytes(pair.publicKey), binding.paramsVersion] as const;
  return encodeCiphertext(encrypt(wrappingKey, seed, context));
}

/**
 * Unwraps at login and checks the key pair matches `publicKey`, which must be
 * the public key from the user's verified certificate (KEY_MISMATCH if not).
 */
export function unwrapPrivateKey(
  wrapped: string,
  wrappingKey: PasswordWrappingKey,
  binding: PrivateKeyBinding & { readonly publicKey: string },
): IdentityKeyPair {
  requireKind(wrappingKey, ['password-wrap']);
  const context = ['mnpddh/private-key/v1', binding.userId, parsePublicKeyBytes(binding.publicKey), binding.paramsVersion] as const;
  const seed = decrypt(wrappingKey, parseCiphertext(wrapped), context);
  if (seed.length !== SEED_BYTES) throw new CryptoError('BAD_FORMAT', 'wrapped private key: wrong length');
  return keyPairFromSeed(seed, binding.publicKey);
}

function parsePublicKeyBytes(publicKey: string): Buffer {
  return fromBase64Url(publicKey, 'public key', PUBLIC_KEY_BYTES);
}
