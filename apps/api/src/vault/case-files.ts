import { AuditService } from '../audit/audit.service.js';
import { caseStamp } from '../integrity/case-stamp.js';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import {
  computeCaseManifestMac,
  CryptoError,
  decryptFieldText,
  decryptFile,
  encryptField,
  encryptFile,
  generateFileKey,
  unwrapFileKey,
  verifyCaseManifestMac,
  wrapFileKey,
  type ByteSource,
} from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { FILE_STORE, type FileStore } from '../file-store/file-store.js';
import { caseManifest, rowsOf } from './case-manifest.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { StoredContent } from './stored-content.js';
import { VaultRepository } from './vault.repository.js';

export interface FileMetadata {
  name: string;
  type: string;
}

const FILE_TABLE = 'case_file';

/** Where a file's metadata ciphertext is bound (request and thread files alike, under their parent key). */
export const fileMetadataLocation = (tenant: string, caseId: string, fileId: string) => ({
  tenant,
  caseId,
  table: FILE_TABLE,
  rowId: fileId,
  field: 'metadata',
});

/**
 * Files of the request, under the case key: a random file key wrapped by the
 * case key, the content in encrypted chunks streamed into the file store
 * (memory stays flat), the name,
 * type, size and SHA-256 of the original encrypted with the row, and the
 * file's id added to the case manifest.
 */
@Injectable()
export class CaseFiles {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly audit: AuditService,
    private readonly content: StoredContent,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  async attach(reader: CaseReader, caseId: string, content: ByteSource, metadata: FileMetadata): Promise<string> {
    const fileId = randomUUID();
    const context = { tenant: this.directory.tenant, caseId, fileId };
    const storeKey = this.store.newKey();
    try {
      return await this.attachWithin(reader, caseId, fileId, storeKey, content, metadata, context);
    } catch (error) {
      // The row was rolled back with its transaction: the bytes go too.
      await this.content.remove([storeKey]);
      throw error;
    }
  }

  private attachWithin(
    reader: CaseReader,
    caseId: string,
    fileId: string,
    storeKey: string,
    content: ByteSource,
    metadata: FileMetadata,
    context: { tenant: string; caseId: string; fileId: string },
  ): Promise<string> {
    return this.prisma.$transaction(
      async (tx) => {
        await this.repository.lockCase(tx, caseId);
        const row = await this.repository.findCaseFor(tx, caseId, reader.id);
        if (!row) throw new AppError('NOT_FOUND');
        const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
        const fileKey = generateFileKey();
        try {
          const rows = rowsOf(row);
          const manifest = (revision: number, caseFileIds: readonly string[]) =>
            caseManifest(this.directory.tenant, caseId, revision, row, { ...rows, caseFileIds });
          this.guard(() => verifyCaseManifestMac(caseKey, manifest(row.revision, rows.caseFileIds), row.manifestMac));
          await this.repository.insertFile(tx, {
            id: fileId,
            caseId,
            keyKind: 'case',
            wrappedFileKey: wrapFileKey(fileKey, caseKey, context),
            metadata: '',
            chunkCount: 0,
            storeKey,
          });
          const encrypted = encryptFile(content, fileKey);
          await this.store.write(storeKey, encrypted);
          const summary = await encrypted.summary;
          const index = summary.chunkCount + 1; // the stream header is piece 0
          const location = { tenant: this.directory.tenant, caseId, table: FILE_TABLE, rowId: fileId, field: 'metadata' };
          const sealedMetadata = encryptField(caseKey, JSON.stringify({ ...metadata, size: summary.size, sha256: summary.sha256 }), location);
          await this.repository.completeFile(tx, fileId, sealedMetadata, index);
          const revision = row.revision + 1;
          await this.repository.updateCaseManifest(tx, caseId, revision, computeCaseManifestMac(caseKey, manifest(revision, [...rows.caseFileIds, fileId])));
          // Every change of a case records its new revision: a case put back to before this file is caught.
          const details = { kind: 'request_file_attached', fileId, ...caseStamp(revision, row.indexMac) };
          await this.audit.record({ action: 'case.updated', actorId: reader.id, targetType: 'case', targetId: caseId, details }, tx);
          return fileId;
        } finally {
          caseKey.destroy();
          fileKey.destroy();
        }
      },
      { timeout: 60_000 },
    );
  }

  /** Name, type, size and SHA-256 of a request file, for a holder of the case key. */
  async describe(reader: CaseReader, caseId: string, fileId: string): Promise<FileMetadata & { size: number; sha256: string; createdAt: Date }> {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    const file = await this.repository.findCaseFile(this.prisma, caseId, fileId);
    if (!row || !file) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    try {
      const location = { tenant: this.directory.tenant, caseId, table: FILE_TABLE, rowId: fileId, field: 'metadata' };
      const metadata = this.guard(() => JSON.parse(decryptFieldText(caseKey, file.metadata, location)) as FileMetadata & { size: number; sha256: string });
      return { ...metadata, createdAt: file.createdAt };
    } finally {
      caseKey.destroy();
    }
  }

  /** The original bytes, checked chunk by chunk and against the fingerprint taken at receipt. */
  async *read(reader: CaseReader, caseId: string, fileId: string): AsyncGenerator<Buffer> {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    const file = await this.repository.findCaseFile(this.prisma, caseId, fileId);
    if (!row || !file) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    const context = { tenant: this.directory.tenant, caseId, fileId };
    const location = { ...context, table: FILE_TABLE, rowId: fileId, field: 'metadata' };
    const { fileKey, sha256 } = this.guard(() => ({
      fileKey: unwrapFileKey(file.wrappedFileKey, caseKey, context),
      sha256: (JSON.parse(decryptFieldText(caseKey, file.metadata, location)) as { sha256: string }).sha256,
    }));
    caseKey.destroy();
    try {
      yield* decryptFile(this.content.read(file), fileKey, { expectedSha256: sha256 });
    } finally {
      fileKey.destroy();
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof CryptoError) throw new AppError('INTEGRITY_FAILED');
      throw error;
    }
  }
}
