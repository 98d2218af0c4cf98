import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { caseContentsFor } from '../vault/vault.repository.js';

/** What the audited search reads: the ids of the cases the reader holds, then their rows a batch at a time. */
@Injectable()
export class CaseSearchRepository {
  /** Newest first. */
  async findHeldCaseIds(db: Db, readerId: string): Promise<string[]> {
    const held = await db.protectionCase.findMany({
      where: { grants: { some: { recipientId: readerId, keyKind: 'case' } } },
      select: { id: true },
      orderBy: { receivedAt: 'desc' },
    });
    return held.map(({ id }) => id);
  }

  /** The rows as CaseVaultService.openCase reads them (the reader's grants, entries, messages, files), newest first. */
  findCasesFor(db: Db, readerId: string, ids: string[]) {
    return db.protectionCase.findMany({ where: { id: { in: ids } }, include: caseContentsFor(readerId), orderBy: { receivedAt: 'desc' } });
  }
}
