import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { STORE_KEY, StoreMissing, type FileStore } from './file-store.js';

const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * The file store as a local directory (0700, files 0600), flat: one file per
 * random key. Written files are fsynced before they are acknowledged, and so
 * is the directory entry of a new file.
 */
export class LocalFileStore implements FileStore {
  private readonly dir: string;
  private ready: Promise<void> | null = null;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  newKey(): string {
    return randomBytes(16).toString('hex');
  }

  async write(key: string, content: AsyncIterable<Buffer>): Promise<number> {
    const handle = await open(await this.pathOf(key), 'w', 0o600);
    let written = 0;
    let batch: Buffer[] = [];
    let batched = 0;
    try {
      // About 1 MiB a system call: few calls, memory flat.
      for await (const piece of content) {
        batch.push(piece);
        batched += piece.byteLength;
        if (batched < WRITE_BATCH_BYTES) continue;
        await handle.writev(batch, written);
        written += batched;
        [batch, batched] = [[], 0];
      }
      if (batch.length > 0) await handle.writev(batch, written);
      written += batched;
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.syncDirectory();
    return written;
  }

  async append(key: string, length: number, pieces: readonly Buffer[], durable: boolean): Promise<void> {
    const path = await this.pathOf(key);
    const handle = await open(path, length === 0 ? 'w' : 'r+', 0o600).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StoreMissing() : error;
    });
    try {
      if (length > 0 && (await handle.stat()).size < length) throw new StoreMissing();
      await handle.truncate(length);
      if (pieces.length > 0) await handle.writev(pieces as Buffer[], length);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    if (length === 0) await this.syncDirectory();
  }

  async *read(key: string): AsyncIterable<Buffer> {
    const path = await this.pathOf(key);
    try {
      for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield piece as Buffer;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreMissing();
      throw error;
    }
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) await rm(await this.pathOf(key), { force: true });
  }

  async list(): Promise<{ key: string; modifiedAt: Date }[]> {
    await this.ensureDirectory();
    const found: { key: string; modifiedAt: Date }[] = [];
    for (const name of await readdir(this.dir)) {
      if (!STORE_KEY.test(name)) continue;
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (info) found.push({ key: name, modifiedAt: info.mtime });
    }
    return found;
  }

  private async pathOf(key: string): Promise<string> {
    if (!STORE_KEY.test(key)) throw new Error('not a file store key');
    await this.ensureDirectory();
    return join(this.dir, key);
  }

  private ensureDirectory(): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => undefined);
    return this.ready;
  }

  /** A new file's name survives a power cut only once its directory is synced too. */
  private async syncDirectory(): Promise<void> {
    const handle = await open(this.dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
