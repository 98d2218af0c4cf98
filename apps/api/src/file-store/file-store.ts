/**
 * Where encrypted file content lives: outside PostgreSQL, as one object per
 * file (or upload in progress) named by a random key that says nothing about
 * the case, the file or its name. The bytes are ciphertext already
 * (crypto/file-stream.ts): the store only keeps them, it never sees a key.
 *
 * One implementation today (a local directory, local-file-store.ts); the
 * interface is what an S3-compatible store would implement later.
 */
export interface FileStore {
  /** A fresh random key (32 lowercase hex digits). */
  newKey(): string;
  /** Writes a whole object from a stream, durable when the promise resolves. */
  write(key: string, content: AsyncIterable<Buffer>): Promise<number>;
  /**
   * Appends to an object whose first `length` bytes are the committed ones:
   * anything after them (a write whose database commit failed) is dropped
   * first. Durable when the promise resolves if `durable`.
   */
  append(key: string, length: number, pieces: readonly Buffer[], durable: boolean): Promise<void>;
  /** The object's bytes as they are read; NOT_FOUND (StoreMissing) when it does not exist. */
  read(key: string): AsyncIterable<Buffer>;
  /** Deletes objects; a missing one is not an error. */
  remove(keys: readonly string[]): Promise<void>;
  /** Every key with its last write, for the sweep of orphans. */
  list(): Promise<{ key: string; modifiedAt: Date }[]>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** A key as the store makes it: nothing else is ever turned into a path. */
export const STORE_KEY = /^[0-9a-f]{32}$/;

/** The object a row names is not in the store (deleted, or never written). */
export class StoreMissing extends Error {
  constructor() {
    super('stored file is missing');
    this.name = 'StoreMissing';
  }
}
