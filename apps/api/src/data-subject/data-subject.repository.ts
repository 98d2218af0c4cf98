import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** What an erasure reads beside the case store: the revision the supervisor decides on. */
@Injectable()
export class DataSubjectRepository {
  /** The case's revision, or null when there is no such case. */
  async findCaseRevision(db: Db, caseId: string): Promise<number | null> {
    const row = await db.protectionCase.findUnique({ where: { id: caseId }, select: { revision: true } });
    return row?.revision ?? null;
  }
}
