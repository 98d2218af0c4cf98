import { STORE_KEY, type FileStore } from '../file-store/file-store.js';

/**
 * Writes the dump's stored files back into the file store, checking each
 * one's size and their number against the header; `discard` removes what
 * was written when the restore fails.
 */
export class StoredFileLoader {
  #key: string | null = null;
  #size = 0;
  readonly #written: string[] = [];

  constructor(
    private readonly store: FileStore,
    private readonly expected: number,
  ) {}

  static handles(kind: unknown): boolean {
    return kind === 'file' || kind === 'bytes' || kind === 'end-file';
  }

  async take(entry: unknown[]): Promise<void> {
    const [kind, a, b] = entry;
    if (kind === 'file' && this.#key === null && typeof a === 'string' && STORE_KEY.test(a) && !this.#written.includes(a)) {
      this.#key = a;
      this.#size = 0;
      this.#written.push(a);
      return this.store.append(a, 0, [], false);
    }
    if (kind === 'bytes' && this.#key !== null && typeof a === 'string') {
      const bytes = Buffer.from(a, 'base64');
      await this.store.append(this.#key, this.#size, [bytes], false);
      this.#size += bytes.byteLength;
      return;
    }
    if (kind === 'end-file' && a === this.#key && b === this.#size && this.#key !== null) {
      await this.store.append(this.#key, this.#size, [], true);
      this.#key = null;
      return;
    }
    throw new Error('backup dump is malformed');
  }

  finish(): void {
    if (this.#key !== null || this.#written.length !== this.expected) throw new Error('backup dump is incomplete');
  }

  async discard(): Promise<void> {
    await this.store.remove(this.#written);
  }
}
