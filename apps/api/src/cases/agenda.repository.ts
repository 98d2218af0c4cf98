import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { CaseStatus } from '../generated/prisma/client.js';

/** What the agenda reads before opening each case: which cases the reader holds. */
@Injectable()
export class AgendaRepository {
  /** The cases the reader holds a case-key grant for, except those in the statuses given. */
  async findHeldCaseIds(db: Db, readerId: string, exceptStatuses: CaseStatus[]): Promise<string[]> {
    const held = await db.protectionCase.findMany({
      where: { status: { notIn: exceptStatuses }, grants: { some: { recipientId: readerId, keyKind: 'case' } } },
      select: { id: true },
    });
    return held.map(({ id }) => id);
  }
}
