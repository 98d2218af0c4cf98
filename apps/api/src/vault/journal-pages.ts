import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { decryptEntries } from './case-entries.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { CaseVaultService } from './case-vault.service.js';
import { pageBefore, type JournalEntriesPage } from './journal-page.js';
import type { TriageIndex } from './triage-index.js';
import { VaultRepository } from './vault.repository.js';

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
