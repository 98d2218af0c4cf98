import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  continueResumableFile,
  encryptFile,
  CryptoError,
  decryptFieldText,
  decryptFile,
  encryptField,
  generateFileKey,
  fingerprintStoredPrefix,
  resumableFileProgress,
  Sha256,
  startResumableFile,
  unwrapFileKey,
  verifyThreadManifestMac,
  wrapFileKey,
  type ByteSource,
  type EncryptedFileSummary,
  type FileKey,
  type ThreadKey,
} from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { FILE_STORE, StoreMissing, type FileStore } from '../file-store/file-store.js';
import type { UploadSession } from '../generated/prisma/client.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { StoredContent, storedBytes } from './stored-content.js';
import { ThreadMessages } from './thread-messages.js';
import { UploadFingerprints } from './upload-fingerprints.js';
import { VaultRepository } from './vault.repository.js';

/** What the defender said about an upload, and what the server found; encrypted under the thread key. */
export interface ThreadFileMetadata {
  kind: 'file' | 'voice';
  name: string;
  /** The type the browser declared (never trusted). */
  declaredType: string;
  /** The type decided from the bytes ('' until the first piece arrives). */
  type: string;
  /** The defender chose to keep the original, metadata included, as evidence. */
  keepOriginal: boolean;
}

/** Recorded once the file is complete. */
export interface StoredThreadFile extends ThreadFileMetadata {
  size: number;
  sha256: string;
}

/** A PATCH at an offset other than the server's: the client resumes from `offset`. */
export class UploadOffsetConflict extends Error {
  constructor(readonly offset: number) {
    super('upload offset conflict');
    this.name = 'UploadOffsetConflict';
  }
}

export interface UploadLimits {
  maxFiles: number;
  expiresInMs: number;
}

/** Checks the first piece (type, metadata) before anything of it is stored; returns the metadata to record. */
export type FirstPieceCheck = (bytes: Buffer, metadata: ThreadFileMetadata, size: number) => ThreadFileMetadata;

const UPLOAD_TABLE = 'upload_session';
/** A file streaming in keeps its upload alive (the expiry moved on) at most this often. */
const KEEP_ALIVE_MS = 60_000;
/**
 * The `state` of an upload streamed in one request: its encryption state
 * lives in that request's memory only, so there is nothing to resume (and
 * the resumable calls refuse it as they refuse any state that does not open).
 */
const STREAMED_STATE = '';
const FILE_TABLE = 'case_file';

/**
 * Files and voice messages the defender adds in follow-up, under the THREAD
 * key (the only key a receipt opens): a random file key wrapped by the thread
 * key, the content encrypted piece by piece across requests
 * (crypto/resumable-file.ts, the same format as the request's files) and
 * appended to one object of the file store, the stream state and metadata
 * sealed between requests. When the last byte arrives the object is synced
 * and the file's row takes its key over (no copy), with the thread entry and
 * the thread manifest (file id added, revision + 1), in one transaction.
 */
@Injectable()
export class ThreadFiles {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly thread: ThreadMessages,
    private readonly keys: CaseKeysAccess,
    private readonly content: StoredContent,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  /** Between the requests of an upload, in this process only. */
  private readonly fingerprints = new UploadFingerprints();

  async start(threadKey: ThreadKey, caseId: string, metadata: ThreadFileMetadata, size: number, limits: UploadLimits) {
    const uploadId = randomUUID();
    const expiresAt = new Date(Date.now() + limits.expiresInMs);
    const storeKey = this.store.newKey();
    await this.sweepExpired();
    const started = await this.prisma.$transaction(async (tx) => {
      await this.repository.lockCase(tx, caseId);
      if ((await this.repository.countThreadFilesAndUploads(tx, caseId)) >= limits.maxFiles) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'too_many_files' }]);
      }
      const fileKey = generateFileKey();
      try {
        const step = startResumableFile(fileKey, size, this.binding(caseId, uploadId));
        await this.repository.insertUpload(tx, {
          id: uploadId,
          caseId,
          wrappedFileKey: wrapFileKey(fileKey, threadKey, { tenant: this.tenant, caseId, fileId: uploadId }),
          metadata: this.sealMetadata(threadKey, caseId, uploadId, metadata),
          state: step.state,
          pieceCount: step.pieces.length,
          storeKey,
          expiresAt,
        });
        await this.store.append(storeKey, 0, step.pieces, false);
        return { uploadId, expiresAt, pieceCount: step.pieces.length };
      } finally {
        fileKey.destroy();
      }
    });
    this.fingerprints.remember(uploadId, started.pieceCount, new Sha256());
    return { uploadId, expiresAt };
  }

  /** Offset and length of an upload in progress. */
  async progress(threadKey: ThreadKey, caseId: string, uploadId: string): Promise<{ offset: number; size: number }> {
    const upload = await this.repository.findUpload(this.prisma, caseId, uploadId);
    if (!upload) throw new AppError('NOT_FOUND');
    const fileKey = this.fileKeyOf(threadKey, upload);
    try {
      return this.guard(() => resumableFileProgress(fileKey, upload.state, this.binding(caseId, uploadId), upload.pieceCount));
    } finally {
      fileKey.destroy();
    }
  }

  /**
   * Appends the bytes sent at `offset` (the pieces of one segment, in order).
   * Returns the new offset, and `completed` once the last byte has arrived
   * and the file is in the thread.
   */
  async append(
    threadKey: ThreadKey,
    caseId: string,
    uploadId: string,
    offset: number,
    parts: readonly Buffer[],
    checkFirstPiece: FirstPieceCheck,
  ): Promise<{ offset: number; size: number; completed: boolean }> {
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    const result = await this.prisma.$transaction(
      async (tx) => {
        const upload = await this.repository.lockUpload(tx, caseId, uploadId);
        if (!upload) throw new AppError('NOT_FOUND');
        const fileKey = this.fileKeyOf(threadKey, upload);
        try {
          const binding = this.binding(caseId, uploadId);
          const current = this.guard(() => resumableFileProgress(fileKey, upload.state, binding, upload.pieceCount));
          if (offset !== current.offset) throw new UploadOffsetConflict(current.offset);
          if (length > current.size - current.offset) {
            throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'file_too_large' }]);
          }
          let metadata = this.openMetadata<ThreadFileMetadata>(threadKey, caseId, UPLOAD_TABLE, uploadId, upload.metadata);
          if (current.offset === 0) metadata = checkFirstPiece(Buffer.concat(parts), metadata, current.size);
          const fingerprint = await this.fingerprintOf(fileKey, upload);
          const step = this.guard(() => continueResumableFile(fileKey, upload.state, parts, binding, upload.pieceCount, fingerprint));
          // Synced when complete: the file is acknowledged (201) only once its bytes are on disk.
          await this.storeGuard(() => this.store.append(upload.storeKey, storedBytes(upload.pieceCount), step.pieces, step.summary !== undefined));
          const pieceCount = upload.pieceCount + step.pieces.length;
          if (!step.summary) {
            const sealed = current.offset === 0 ? this.sealMetadata(threadKey, caseId, uploadId, metadata) : upload.metadata;
            await this.repository.updateUpload(tx, uploadId, { state: step.state, pieceCount, metadata: sealed });
            return { offset: step.offset, size: step.size, completed: false, pieceCount, fingerprint };
          }
          await this.complete(tx, threadKey, caseId, upload, metadata, step.summary, pieceCount);
          return { offset: step.offset, size: step.size, completed: true, pieceCount, fingerprint };
        } finally {
          fileKey.destroy();
        }
      },
      { timeout: 60_000 },
    );
    // Only once committed: a failed step leaves the fingerprint of the committed pieces in place.
    if (result.completed) this.fingerprints.forget(uploadId);
    else this.fingerprints.remember(uploadId, result.pieceCount, result.fingerprint);
    return { offset: result.offset, size: result.size, completed: result.completed };
  }

  /** The SHA-256 of the upload's bytes so far: this process's copy, else recomputed from the stored chunks (after a restart). */
  private async fingerprintOf(fileKey: FileKey, upload: UploadSession): Promise<Sha256> {
    const held = this.fingerprints.copyOf(upload.id, upload.pieceCount);
    if (held) return held;
    const binding = this.binding(upload.caseId, upload.id);
    try {
      return await fingerprintStoredPrefix(fileKey, upload.state, binding, upload.pieceCount, this.store.read(upload.storeKey));
    } catch (error) {
      if (error instanceof CryptoError || error instanceof StoreMissing) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  /**
   * A whole file streamed in one request, already checked: encrypted as it
   * arrives (crypto/file-stream.ts, the same format as the resumable path)
   * straight into one object of the file store, so memory stays flat; the
   * file enters the thread in one transaction at the end. Any failure (a
   * refused size, a cut post, a re-key meanwhile) deletes the row and the
   * object; if the process itself dies, the row expires `expiresInMs` after
   * its last sign of life and the sweep removes both.
   */
  async receive(threadKey: ThreadKey, caseId: string, metadata: ThreadFileMetadata, content: ByteSource, limits: UploadLimits): Promise<void> {
    const uploadId = randomUUID();
    const storeKey = this.store.newKey();
    const fileKey = generateFileKey();
    try {
      await this.openStreamed(threadKey, caseId, uploadId, storeKey, fileKey, metadata, limits);
      try {
        const encrypted = encryptFile(content, fileKey);
        await this.store.write(storeKey, this.keptAlive(encrypted, uploadId, limits.expiresInMs));
        const summary = await encrypted.summary;
        await this.prisma.$transaction(
          async (tx) => {
            const upload = await this.repository.lockUpload(tx, caseId, uploadId);
            if (!upload) throw new AppError('NOT_FOUND');
            await this.complete(tx, threadKey, caseId, upload, metadata, summary, summary.chunkCount + 1);
          },
          { timeout: 60_000 },
        );
      } catch (error) {
        await this.repository.deleteUpload(this.prisma, caseId, uploadId).catch(() => undefined);
        await this.content.remove([storeKey]);
        throw error;
      }
    } finally {
      fileKey.destroy();
    }
  }

  /** The encrypted chunks as they come, moving the upload's expiry on now and then so the sweep leaves a live stream alone. */
  private async *keptAlive(chunks: AsyncIterable<Buffer>, uploadId: string, expiresInMs: number): AsyncGenerator<Buffer> {
    let lastSign = Date.now();
    for await (const chunk of chunks) {
      yield chunk;
      if (Date.now() - lastSign < KEEP_ALIVE_MS) continue;
      lastSign = Date.now();
      await this.repository.extendUpload(this.prisma, uploadId, new Date(lastSign + expiresInMs));
    }
  }

  /** Abandons an upload: its row and its pieces are deleted. */
  async abandon(caseId: string, uploadId: string): Promise<void> {
    const storeKey = await this.repository.deleteUpload(this.prisma, caseId, uploadId);
    if (storeKey === null) throw new AppError('NOT_FOUND');
    this.fingerprints.forget(uploadId);
    await this.content.remove([storeKey]);
  }

  /** Expired uploads: rows deleted, then their pieces. */
  async sweepExpired(now = new Date()): Promise<void> {
    await this.content.remove(await this.repository.deleteExpiredUploads(this.prisma, now));
  }

  /** The row of a streamed upload, under the per-case limit (uploads in progress count), before any byte is stored. */
  private async openStreamed(
    threadKey: ThreadKey,
    caseId: string,
    uploadId: string,
    storeKey: string,
    fileKey: FileKey,
    metadata: ThreadFileMetadata,
    limits: UploadLimits,
  ): Promise<void> {
    await this.sweepExpired();
    await this.prisma.$transaction(async (tx) => {
      await this.repository.lockCase(tx, caseId);
      if ((await this.repository.countThreadFilesAndUploads(tx, caseId)) >= limits.maxFiles) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'too_many_files' }]);
      }
      await this.repository.insertUpload(tx, {
        id: uploadId,
        caseId,
        wrappedFileKey: wrapFileKey(fileKey, threadKey, { tenant: this.tenant, caseId, fileId: uploadId }),
        metadata: this.sealMetadata(threadKey, caseId, uploadId, metadata),
        state: STREAMED_STATE,
        pieceCount: 0,
        storeKey,
        expiresAt: new Date(Date.now() + limits.expiresInMs),
      });
    });
  }

  /** A complete upload becomes a file of the thread: its row (naming the upload's stored object: no copy), its thread entry (manifest included). */
  private async complete(
    tx: Db,
    threadKey: ThreadKey,
    caseId: string,
    upload: Pick<UploadSession, 'id' | 'wrappedFileKey' | 'storeKey'>,
    metadata: ThreadFileMetadata,
    summary: Pick<EncryptedFileSummary, 'size' | 'sha256'>,
    pieceCount: number,
  ): Promise<void> {
    const stored: StoredThreadFile = { ...metadata, size: summary.size, sha256: summary.sha256 };
    const fileId = upload.id;
    await this.repository.insertFile(tx, {
      id: fileId,
      caseId,
      keyKind: 'thread',
      wrappedFileKey: upload.wrappedFileKey,
      metadata: encryptField(threadKey, JSON.stringify(stored), this.location(caseId, FILE_TABLE, fileId)),
      chunkCount: pieceCount,
      storeKey: upload.storeKey,
    });
    await this.repository.deleteUpload(tx, caseId, upload.id);
    await this.thread.appendWithin(
      tx,
      threadKey,
      caseId,
      'defender',
      { kind: metadata.kind, body: metadata.kind === 'file' ? metadata.name : '', fileId },
      fileId,
    );
  }

  /** For a staff member holding the case's thread grant: what the defender said about the file and what was found. */
  async describe(reader: CaseReader, caseId: string, fileId: string): Promise<StoredThreadFile> {
    const { threadKey, file } = await this.openForStaff(reader, caseId, fileId);
    try {
      return this.openMetadata<StoredThreadFile>(threadKey, caseId, FILE_TABLE, fileId, file.metadata);
    } finally {
      threadKey.destroy();
    }
  }

  /**
   * The original bytes for a staff member holding the case's thread grant,
   * streamed, each chunk authenticated and the whole checked against the
   * SHA-256 taken at receipt (a throw after some output: abort the download).
   */
  async *read(reader: CaseReader, caseId: string, fileId: string): AsyncGenerator<Buffer> {
    const { threadKey, file } = await this.openForStaff(reader, caseId, fileId);
    let fileKey: FileKey;
    let sha256: string;
    try {
      sha256 = this.openMetadata<StoredThreadFile>(threadKey, caseId, FILE_TABLE, fileId, file.metadata).sha256;
      fileKey = this.guard(() => unwrapFileKey(file.wrappedFileKey, threadKey, { tenant: this.tenant, caseId, fileId }));
    } finally {
      threadKey.destroy();
    }
    try {
      yield* decryptFile(this.content.read(file), fileKey, { expectedSha256: sha256 });
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    } finally {
      fileKey.destroy();
    }
  }

  /** The thread key from the reader's grant, the manifest checked (a file slipped in or removed shows), and the file row. */
  private async openForStaff(reader: CaseReader, caseId: string, fileId: string) {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    const threadKey = this.keys.openThreadKey(row.grants, reader, caseId, row.threadKeyId);
    try {
      const threadFiles = row.files.filter((f) => f.keyKind === 'thread').map((f) => f.id);
      this.guard(() =>
        verifyThreadManifestMac(
          threadKey,
          { tenant: this.tenant, caseId, revision: row.threadRevision, messageSequences: row.messages.map((m) => m.seq), fileIds: threadFiles },
          row.threadMac,
        ),
      );
      const file = threadFiles.includes(fileId) ? await this.repository.findThreadFile(this.prisma, caseId, fileId) : null;
      if (!file) throw new AppError('NOT_FOUND');
      return { threadKey, file };
    } catch (error) {
      threadKey.destroy();
      throw error;
    }
  }

  private fileKeyOf(threadKey: ThreadKey, upload: UploadSession): FileKey {
    return this.guard(() => unwrapFileKey(upload.wrappedFileKey, threadKey, { tenant: this.tenant, caseId: upload.caseId, fileId: upload.id }));
  }

  private sealMetadata(threadKey: ThreadKey, caseId: string, uploadId: string, metadata: ThreadFileMetadata): string {
    return encryptField(threadKey, JSON.stringify(metadata), this.location(caseId, UPLOAD_TABLE, uploadId));
  }

  private openMetadata<T>(threadKey: ThreadKey, caseId: string, table: string, rowId: string, sealed: string): T {
    try {
      return JSON.parse(decryptFieldText(threadKey, sealed, this.location(caseId, table, rowId))) as T;
    } catch (error) {
      if (error instanceof CryptoError || error instanceof SyntaxError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  private location(caseId: string, table: string, rowId: string) {
    return { tenant: this.tenant, caseId, table, rowId, field: 'metadata' };
  }

  private binding(caseId: string, uploadId: string) {
    return { tenant: this.tenant, caseId, uploadId };
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  /** An upload whose stored pieces are gone or shorter than its row says: refused like any other tampering. */
  private async storeGuard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof StoreMissing) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }

  private get tenant(): string {
    return this.runtime.config.TENANT;
  }
}
