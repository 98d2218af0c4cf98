/**
 * Ed25519 signatures over canonical encodings with a domain label, and the
 * server's own signing keys: the directory signing key (certifies public
 * keys), the audit checkpoint key, and the intake identity (signs the
 * grants made at submission). The intake identity is derived from the
 * directory signing key with crypto_kdf, so it needs no fifth configured
 * secret, and is certified by the directory like any staff key.
 */
import { inspect } from 'node:util';

import { fromBase64Url, requireLength, toBase64Url } from './bytes.js';
import { encodeCanonical, type CanonicalValue } from './canonical.js';
import { CryptoError } from './errors.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { IdentityKeyPair, keyPairSecrets } from './key-pair.js';
import { memzero, randomBytes, sodium } from './sodium.js';

export const SIGNATURE_BYTES = 64;
export const SIGNING_SEED_BYTES = 32;

let readSigning: (pair: SigningKeyPair) => { seed: Buffer; secret: Buffer };

/** A server Ed25519 key pair held in memory (from configuration). */
export class SigningKeyPair {
  readonly #seed: Buffer;
  readonly #secret = Buffer.alloc(64);
  readonly #public = Buffer.alloc(32);
  #destroyed = false;

  static {
    readSigning = (pair) => {
      if (pair.#destroyed) throw new CryptoError('INVALID_INPUT', 'signing key used after destroy()');
      return { seed: pair.#seed, secret: pair.#secret };
    };
  }

  /** Takes ownership of the 32-byte seed. */
  constructor(seed: Buffer) {
    requireLength(seed, SIGNING_SEED_BYTES, 'signing key seed');
    this.#seed = seed;
    sodium.crypto_sign_seed_keypair(this.#public, this.#secret, seed);
  }

  /** Ed25519 public key, base64url (43 characters). */
  get publicKey(): string {
    return toBase64Url(this.#public);
  }

  destroy(): void {
    memzero(this.#seed, this.#secret);
    this.#destroyed = true;
  }

  toJSON(): string {
    return `[signing key ${this.publicKey}]`;
  }

  toString(): string {
    return this.toJSON();
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

export function signingKeySeed(pair: SigningKeyPair): Buffer {
  return readSigning(pair).seed;
}

export function generateSigningKeyPair(): SigningKeyPair {
  return new SigningKeyPair(randomBytes(SIGNING_SEED_BYTES));
}

/**
 * The intake identity, which signs the grants made at submission: an
 * identity key pair derived from the directory signing key (certify its
 * public key with role 'intake' like any other).
 */
export function deriveIntakeKeyPair(directoryKey: SigningKeyPair): IdentityKeyPair {
  return new IdentityKeyPair(deriveSubkey(readSigning(directoryKey).seed, KDF_CONTEXT.directory, 1));
}

/** Anything that can sign a statement: a server key or a staff/escrow identity. */
export type Signer = SigningKeyPair | IdentityKeyPair;

function secretOf(signer: Signer): Buffer {
  if (signer instanceof SigningKeyPair) return readSigning(signer).secret;
  if (signer instanceof IdentityKeyPair) return keyPairSecrets(signer).signSecret;
  throw new CryptoError('INVALID_INPUT', 'not a signer');
}

export function signStatement(signer: Signer, label: string, values: readonly CanonicalValue[]): string {
  const signature = Buffer.alloc(SIGNATURE_BYTES);
  sodium.crypto_sign_detached(signature, encodeCanonical([label, ...values]), secretOf(signer));
  return toBase64Url(signature);
}

/** True only for a valid signature by `publicKey` (32 raw bytes) over exactly these values. */
export function statementVerifies(publicKey: Uint8Array, label: string, values: readonly CanonicalValue[], signature: string): boolean {
  let sig: Buffer;
  try {
    sig = fromBase64Url(signature, 'signature', SIGNATURE_BYTES);
  } catch {
    return false;
  }
  requireLength(publicKey, 32, 'Ed25519 public key');
  return sodium.crypto_sign_verify_detached(sig, encodeCanonical([label, ...values]), publicKey);
}

/** Parses a pinned Ed25519 public key (base64url, 32 bytes). */
export function parseSigningPublicKey(publicKey: string, what = 'signing public key'): Buffer {
  return fromBase64Url(publicKey, what, 32);
}

/** A kind of fact the directory key signs: its label and how its claims become the signed values. */
export interface DirectoryStatement<Claims> {
  sign(claims: Claims, directoryKey: SigningKeyPair): string;
  /** Whether the signature is the directory key's over exactly these claims (`directoryPublicKey`: the pinned public half). */
  verifies(claims: Claims, signature: string, directoryPublicKey: string): boolean;
}

/**
 * One shape for every directory-signed fact (staff status, partner entry, spoken prompt): claims that cannot
 * be encoded, a malformed key or signature all read as "does not verify", never as an exception to a caller.
 */
export function directoryStatement<Claims>(label: string, values: (claims: Claims) => readonly CanonicalValue[]): DirectoryStatement<Claims> {
  return {
    sign: (claims, directoryKey) => signStatement(directoryKey, label, values(claims)),
    verifies(claims, signature, directoryPublicKey) {
      try {
        return statementVerifies(parseSigningPublicKey(directoryPublicKey, 'directory public key'), label, values(claims), signature);
      } catch (error) {
        if (error instanceof CryptoError) return false;
        throw error;
      }
    },
  };
}
