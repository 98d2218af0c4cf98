import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** What naming a download reads: the case's files in the order they came, and its reference. */
@Injectable()
export class CaseDownloadsRepository {
  /** Oldest first (the id breaks ties), so a file's number never changes. */
  findFilesInOrder(db: Db, caseId: string) {
    return db.caseFile.findMany({
      where: { caseId },
      select: { id: true, keyKind: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  async findReference(db: Db, caseId: string): Promise<string | null> {
    const found = await db.protectionCase.findUnique({ where: { id: caseId }, select: { reference: true } });
    return found?.reference ?? null;
  }
}
