import { Injectable } from '@nestjs/common';
import { JOURNAL_PAGE_SIZE } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { decryptEntries, type JournalEntry } from './case-entries.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { CaseVaultService } from './case-vault.service.js';
import type { TriageIndex } from './triage-index.js';
import { VaultRepository } from './vault.repository.js';

/** Some journal entries, oldest first, and where the next older page starts (null: these reach the first entry). */
export interface JournalEntriesPage<E = JournalEntry> {
  readonly entries: E[];
  readonly olderEntriesBefore: number | null;
}

/** The last `size` entries before the sequence number `before` (null: the latest). */
export function pageBefore<E extends { seq: number }>(entries: readonly E[], before: number | null, size = JOURNAL_PAGE_SIZE): JournalEntriesPage<E> {
  const upTo = before === null ? entries : entries.filter((entry) => entry.seq < before);
  const page = upTo.slice(Math.max(0, upTo.length - size));
  return { entries: page, olderEntriesBefore: upTo.length > page.length && page[0] ? page[0].seq : null };
}

/**
 * Older pages of a case's journal. Checked as an open is (the reader's
 * signed grant, the index MAC, the manifest MAC over every entry id, the
 * anchored revision) and audited as one, but only the entries of the page
 * asked for are decrypted.
 */
@Injectable()
export class JournalPages {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly audit: AuditService,
  ) {}

  async before(reader: CaseReader, caseId: string, before: number | null): Promise<JournalEntriesPage> {
    const row = await this.repository.findJournalFor(this.prisma, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
    try {
      const index: TriageIndex = { ...row };
      await this.vault.integrityChecked(reader, caseId, () => this.vault.verifyCaseRow(row, index, caseKey));
      await this.vault.verifyCurrent(reader, row);
      const page = pageBefore(row.entries, before);
      const entries = await this.vault.integrityChecked(reader, caseId, () => decryptEntries(caseKey, this.directory.tenant, caseId, page.entries));
      await this.audit.record({ action: 'case.decrypted', actorId: reader.id, targetType: 'case', targetId: caseId });
      return { entries, olderEntriesBefore: page.olderEntriesBefore };
    } finally {
      caseKey.destroy();
    }
  }
}
