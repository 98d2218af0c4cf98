/**
 * A symmetric key held in memory: 32 bytes, a kind that stops one kind of key
 * being used for another's job, and a key id. The bytes never leave the
 * module through the public surface; `toJSON` and `util.inspect` print only
 * the kind and id, so a key that reaches a logger leaks nothing.
 */
import { inspect } from 'node:util';

import { requireLength, toBase64Url } from './bytes.js';
import { CryptoError } from './errors.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { memzero, randomBytes } from './sodium.js';

export type SymmetricKeyKind =
  | 'case'
  | 'thread'
  | 'file'
  | 'password-wrap'
  | 'receipt-wrap'
  | 'session'
  | 'index'
  | 'receipt-pepper'
  | 'manifest'
  | 'replay'
  | 'statistics'
  | 'form'
  | 'audit-chain'
  | 'anchor';

export const KEY_BYTES = 32;
export const KEY_ID_BYTES = 16;

let readBytes: (key: SecretKey<SymmetricKeyKind>) => Buffer;

export class SecretKey<K extends SymmetricKeyKind> {
  readonly #bytes: Buffer;
  readonly #id: Buffer;
  #destroyed = false;

  static {
    readBytes = (key) => {
      if (key.#destroyed) throw new CryptoError('INVALID_INPUT', `${key.kind} key used after destroy()`);
      return key.#bytes;
    };
  }

  /** Takes ownership of `bytes` (zeroed by `destroy`). Module-internal: use the generate/unwrap functions. */
  constructor(
    readonly kind: K,
    bytes: Buffer,
  ) {
    requireLength(bytes, KEY_BYTES, `${kind} key`);
    this.#bytes = bytes;
    this.#id = deriveSubkey(bytes, KDF_CONTEXT.keyId, 1, KEY_ID_BYTES);
  }

  /**
   * Key id, base64url: a PRF of the key (BLAKE2b keyed by it), so it names
   * the key without revealing anything about it, and the same key always has
   * the same id. Stored in every ciphertext made under the key.
   */
  get id(): string {
    return toBase64Url(this.#id);
  }

  get idBytes(): Buffer {
    return Buffer.from(this.#id);
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** Zeroes the key bytes; any later use throws. */
  destroy(): void {
    memzero(this.#bytes);
    this.#destroyed = true;
  }

  toJSON(): string {
    return `[${this.kind} key ${this.id}]`;
  }

  toString(): string {
    return this.toJSON();
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

/** Module-internal access to the raw bytes (not exported from index.ts). */
export function keyBytes(key: SecretKey<SymmetricKeyKind>): Buffer {
  return readBytes(key);
}

export function generateKey<K extends SymmetricKeyKind>(kind: K): SecretKey<K> {
  return new SecretKey(kind, randomBytes(KEY_BYTES));
}

/** Refuses a key of the wrong kind at run time too (types vanish across `any`). */
export function requireKind<K extends SymmetricKeyKind>(key: SecretKey<SymmetricKeyKind>, kinds: readonly K[]): asserts key is SecretKey<K> {
  if (!(key instanceof SecretKey) || !(kinds as readonly string[]).includes(key.kind)) {
    throw new CryptoError('INVALID_INPUT', `expected a ${kinds.join(' or ')} key`);
  }
}
