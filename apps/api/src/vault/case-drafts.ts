import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { CryptoError, decryptFieldText, encryptField } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { CaseDraftsRepository } from './case-drafts.repository.js';
import { VaultRepository } from './vault.repository.js';

const DRAFT_TABLE = 'case_draft';

/** Where a draft's ciphertext is bound: its case and its author. */
export const draftLocation = (tenant: string, caseId: string, authorId: string) => ({ tenant, caseId, table: DRAFT_TABLE, rowId: authorId, field: 'body' });

/**
 * A note being typed, kept so a timeout or a dropped connection loses
 * nothing: encrypted under the case key, bound to its case and author, one
 * per person and case, outside the case record (not in the manifest, not on
 * the timeline) and deleted once the note is saved.
 */
@Injectable()
export class CaseDrafts {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly drafts: CaseDraftsRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
  ) {}

  async save(reader: CaseReader, caseId: string, body: string): Promise<void> {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    try {
      const sealed = encryptField(caseKey, body, this.location(caseId, reader.id));
      await this.drafts.upsertDraft(this.prisma, caseId, reader.id, sealed);
    } finally {
      caseKey.destroy();
    }
  }

  /** The reader's draft, or null (also when it no longer opens: a draft is not worth an alarm). */
  async load(reader: CaseReader, caseId: string): Promise<string | null> {
    const draft = await this.drafts.findDraft(this.prisma, caseId, reader.id);
    if (!draft) return null;
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    if (!row) return null;
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    try {
      return decryptFieldText(caseKey, draft.body, this.location(caseId, reader.id));
    } catch (error) {
      if (error instanceof CryptoError) return null;
      throw error;
    } finally {
      caseKey.destroy();
    }
  }

  async discard(reader: CaseReader, caseId: string): Promise<void> {
    if (!(await this.repository.findGrant(this.prisma, caseId, 'case', reader.id))) throw new AppError('FORBIDDEN');
    await this.drafts.deleteDraft(this.prisma, caseId, reader.id);
  }

  private location(caseId: string, authorId: string) {
    return draftLocation(this.directory.tenant, caseId, authorId);
  }
}
