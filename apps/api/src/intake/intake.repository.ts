import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

@Injectable()
export class IntakeRepository {
  async saveReplay(tx: Db, lookupId: string, answer: string, expiresAt: Date): Promise<void> {
    await tx.intakeReplay.create({ data: { lookupId, answer, expiresAt } });
  }

  findReplay(db: Db, lookupId: string) {
    return db.intakeReplay.findFirst({ where: { lookupId, expiresAt: { gt: new Date() } } });
  }

  async caseExists(db: Db, submissionHash: string): Promise<boolean> {
    return (await db.protectionCase.count({ where: { submissionHash } })) > 0;
  }

  /** Kept answers (receipts) live at most 15 minutes. */
  async deleteExpiredReplays(db: Db): Promise<number> {
    return (await db.intakeReplay.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
  }
}
