import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { CaseFiles } from '../vault/case-files.js';
import type { CaseReader } from '../vault/case-reader.js';
import { ThreadFiles } from '../vault/thread-files.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { PrismaService } from '../database/prisma.service.js';

/**
 * An attachment for a holder of the case: streamed (memory stays flat),
 * always as a download with a neutral type so no browser renders it, each
 * chunk authenticated and the whole checked against the fingerprint taken at
 * receipt — a failed check aborts the download. Audited.
 */
@Injectable()
export class CaseDownloads {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly caseFiles: CaseFiles,
    private readonly threadFiles: ThreadFiles,
    private readonly audit: AuditService,
  ) {}

  async send(reader: CaseReader, caseId: string, fileId: string, response: Response): Promise<void> {
    // Holders only, before anything is said about the file (not even whether it exists).
    if (!(await this.repository.findGrant(this.prisma, caseId, 'case', reader.id))) throw new AppError('FORBIDDEN');
    const source = await this.sourceOf(caseId, fileId);
    const meta = source === 'case' ? await this.caseFiles.describe(reader, caseId, fileId) : await this.threadFiles.describe(reader, caseId, fileId);
    const chunks = source === 'case' ? this.caseFiles.read(reader, caseId, fileId) : this.threadFiles.read(reader, caseId, fileId);
    // The first chunk proves the keys open before any header goes out (errors still get a proper JSON answer).
    const first = await chunks.next();
    await this.audit.record({ action: 'case.file_downloaded', actorId: reader.id, targetType: 'case', targetId: caseId, details: { fileId } });
    response.status(200);
    response.setHeader('Content-Type', 'application/octet-stream');
    response.setHeader('Content-Disposition', `attachment; filename="${asciiName(meta.name)}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`);
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

  private async sourceOf(caseId: string, fileId: string): Promise<'case' | 'thread'> {
    const file = await this.prisma.caseFile.findFirst({ where: { id: fileId, caseId }, select: { keyKind: true } });
    if (!file) throw new AppError('NOT_FOUND');
    return file.keyKind;
  }
}

/** A quoted-string-safe fallback name (the real one travels in filename*). */
function asciiName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_').trim();
  return ascii.slice(0, 150) || 'piece-jointe';
}
