import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** One draft per person and case: its ciphertext only (sealed by CaseDrafts). */
@Injectable()
export class CaseDraftsRepository {
  async upsertDraft(db: Db, caseId: string, authorId: string, body: string): Promise<void> {
    await db.caseDraft.upsert({ where: { caseId_authorId: { caseId, authorId } }, create: { caseId, authorId, body }, update: { body } });
  }

  findDraft(db: Db, caseId: string, authorId: string) {
    return db.caseDraft.findUnique({ where: { caseId_authorId: { caseId, authorId } } });
  }

  async deleteDraft(db: Db, caseId: string, authorId: string): Promise<void> {
    await db.caseDraft.deleteMany({ where: { caseId, authorId } });
  }
}
