import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** A staff member's latest signed status (table staff_status_statement); SignedStaffStatus signs and verifies it. */
export interface StaffStatusStatementRow {
  readonly staffId: string;
  readonly status: string;
  readonly epoch: number;
  readonly signature: string;
}

@Injectable()
export class StaffStatusRepository {
  findStatement(db: Db, staffId: string): Promise<StaffStatusStatementRow | null> {
    return db.staffStatusStatement.findUnique({ where: { staffId } });
  }

  /** Replaces the person's statement: only the latest status counts. */
  async saveStatement(tx: Db, statement: StaffStatusStatementRow): Promise<void> {
    const { staffId, ...signed } = statement;
    await tx.staffStatusStatement.upsert({ where: { staffId }, create: statement, update: signed });
  }
}
