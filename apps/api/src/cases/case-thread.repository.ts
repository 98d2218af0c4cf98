import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** What writing to a case's thread reads first: which thread key the case is on. */
@Injectable()
export class CaseThreadRepository {
  /** Null when the case does not exist. */
  async findThreadKeyId(db: Db, caseId: string): Promise<string | null> {
    const row = await db.protectionCase.findUnique({ where: { id: caseId }, select: { threadKeyId: true } });
    return row?.threadKeyId ?? null;
  }
}
