import type pg from 'pg';
import type { FileStore } from '../file-store/file-store.js';

/** Bytes of stored content per dump line (base64 makes it a third larger). */
const PIECE_BYTES = 512 * 1024;

/** The finished files' stored objects in the dump's snapshot (uploads in progress are not backed up). */
export async function storedFileKeys(client: pg.ClientBase): Promise<string[]> {
  const rows = await client.query<{ key: string }>(`SELECT store_key AS key FROM case_file WHERE store_key IS NOT NULL ORDER BY store_key`);
  return rows.rows.map((row) => row.key);
}

/**
 * After the tables, each stored file as ["file", key], its bytes as
 * ["bytes", base64] lines, and ["end-file", key, size]: the ciphertext as
 * the store holds it (it is sealed again with the whole backup).
 */
export async function* dumpStoredFiles(store: FileStore, keys: readonly string[]): AsyncGenerator<Buffer> {
  for (const key of keys) {
    yield line(['file', key]);
    let size = 0;
    for await (const piece of store.read(key)) {
      for (let at = 0; at < piece.byteLength; at += PIECE_BYTES) {
        const part = piece.subarray(at, at + PIECE_BYTES);
        size += part.byteLength;
        yield line(['bytes', part.toString('base64')]);
      }
    }
    yield line(['end-file', key, size]);
  }
}

function line(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`);
}
