import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** What a password reset would end, counted before it is confirmed. */
@Injectable()
export class PasswordResetRepository {
  countSessions(db: Db, userId: string): Promise<number> {
    return db.staffSession.count({ where: { userId } });
  }

  /** Cases the person holds (one case-key grant each). */
  countCasesHeld(db: Db, userId: string): Promise<number> {
    return db.caseKeyGrant.count({ where: { recipientId: userId, keyKind: 'case' } });
  }
}
