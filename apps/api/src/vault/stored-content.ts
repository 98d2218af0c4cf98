import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { ENCRYPTED_CHUNK_BYTES, FILE_HEADER_BYTES } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { FILE_STORE, StoreMissing, type FileStore } from '../file-store/file-store.js';
import { VaultRepository } from './vault.repository.js';

/** Bytes of the first `pieceCount` encrypted pieces (piece 0 is the stream header, the others full chunks). */
export function storedBytes(pieceCount: number): number {
  return pieceCount === 0 ? 0 : FILE_HEADER_BYTES + (pieceCount - 1) * ENCRYPTED_CHUNK_BYTES;
}

/**
 * The encrypted bytes of a finished file: from the file store, or, for a
 * file an older release wrote, from its rows of file_chunk. Nothing here
 * is trusted: decryptFile authenticates every chunk under the file's own
 * key, so bytes put in place of others are refused, never shown.
 */
@Injectable()
export class StoredContent {
  constructor(
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
  ) {}

  read(file: { id: string; storeKey: string | null; chunkCount: number }): AsyncGenerator<Buffer> {
    return file.storeKey === null ? this.rows(file.id, file.chunkCount) : this.stored(file.storeKey);
  }

  /** Best effort: what is left behind (a crash between commit and removal) the sweep removes later. */
  async remove(keys: readonly (string | null)[]): Promise<void> {
    await this.store.remove(keys.filter((key): key is string => key !== null)).catch(() => undefined);
  }

  /**
   * Removes stored objects no row names (a crash between writing and
   * committing, or after a delete committed) once they are older than
   * `graceMs`, so that a write still in its transaction is left alone.
   * Returns how many were removed.
   */
  async removeOrphans(graceMs: number, now = new Date()): Promise<number> {
    const listed = await this.store.list();
    const inUse = await this.repository.storeKeysInUse(this.prisma);
    const orphans = listed.filter((object) => !inUse.has(object.key) && now.getTime() - object.modifiedAt.getTime() > graceMs).map((object) => object.key);
    await this.store.remove(orphans);
    return orphans.length;
  }

  private async *stored(key: string): AsyncGenerator<Buffer> {
    try {
      yield* this.store.read(key);
    } catch (error) {
      if (error instanceof StoreMissing) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  private async *rows(fileId: string, count: number): AsyncGenerator<Buffer> {
    for (let index = 0; index < count; index++) {
      const chunk = await this.repository.findFileChunk(this.prisma, fileId, index);
      if (!chunk) throw new AppError('INTEGRITY_FAILED');
      yield Buffer.from(chunk.data);
    }
  }
}
