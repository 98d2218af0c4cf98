import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { CaseFiles } from '../vault/case-files.js';
import type { CaseReader } from '../vault/case-reader.js';
import { ThreadFiles } from '../vault/thread-files.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { PrismaService } from '../database/prisma.service.js';
import { CaseDownloadsRepository } from './case-downloads.repository.js';
import { downloadName } from './download-name.js';

/**
 * An attachment for a holder of the case: streamed (memory stays flat),
 * always as a download with a neutral type so no browser renders it, each
 * chunk authenticated and the whole checked against the fingerprint taken at
 * receipt — a failed check aborts the download. Audited. Named by the
 * portal (reference, number, type), never by the sender's file name.
 */
@Injectable()
export class CaseDownloads {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly downloads: CaseDownloadsRepository,
    private readonly caseFiles: CaseFiles,
    private readonly threadFiles: ThreadFiles,
    private readonly audit: AuditService,
  ) {}

  async send(reader: CaseReader, caseId: string, fileId: string, response: Response): Promise<void> {
    // Holders only, before anything is said about the file (not even whether it exists).
    if (!(await this.repository.findGrant(this.prisma, caseId, 'case', reader.id))) throw new AppError('FORBIDDEN');
    const { source, name } = await this.sourceOf(caseId, fileId);
    const meta = source === 'case' ? await this.caseFiles.describe(reader, caseId, fileId) : await this.threadFiles.describe(reader, caseId, fileId);
    const chunks = source === 'case' ? this.caseFiles.read(reader, caseId, fileId) : this.threadFiles.read(reader, caseId, fileId);
    // The first chunk proves the keys open before any header goes out (errors still get a proper JSON answer).
    const first = await chunks.next();
    await this.audit.record({ action: 'case.file_downloaded', actorId: reader.id, targetType: 'case', targetId: caseId, details: { fileId } });
    response.status(200);
    response.setHeader('Content-Type', 'application/octet-stream');
    response.setHeader('Content-Disposition', `attachment; filename="${name(meta.type)}"`);
    response.setHeader('Content-Length', String(meta.size));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      if (!first.done) response.write(first.value);
      for await (const chunk of chunks) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    } catch {
      // Headers are gone: cutting the connection is the only honest signal that the file failed its check.
      response.destroy();
    }
  }

  /** Where the file lives, and the name it is downloaded under: the case reference and its number among the case's files. */
  private async sourceOf(caseId: string, fileId: string): Promise<{ source: 'case' | 'thread'; name: (type: string) => string }> {
    const files = await this.downloads.findFilesInOrder(this.prisma, caseId);
    const position = files.findIndex((file) => file.id === fileId);
    const file = files[position];
    if (!file) throw new AppError('NOT_FOUND');
    const reference = await this.downloads.findReference(this.prisma, caseId);
    return { source: file.keyKind, name: (type) => downloadName(reference ?? 'dossier', position + 1, type) };
  }
}
