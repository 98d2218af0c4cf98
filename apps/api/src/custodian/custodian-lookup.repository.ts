import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** What custodians look up before asking: staff, a case by its reference, and the audit facts about them. */
@Injectable()
export class CustodianLookupRepository {
  findActiveStaff(db: Db) {
    return db.staffUser.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  }

  /** The latest time each person had an audit event of `action` as its target. */
  async latestByTarget(db: Db, action: 'staff.password_reset' | 'staff.key_created', ids: string[]): Promise<Map<string, Date>> {
    const rows = await db.auditEvent.findMany({
      where: { action, targetType: 'staff', targetId: { in: ids } },
      select: { targetId: true, at: true },
      orderBy: { at: 'desc' },
    });
    const latest = new Map<string, Date>();
    for (const row of rows) if (row.targetId && !latest.has(row.targetId)) latest.set(row.targetId, row.at);
    return latest;
  }

  findCaseByReference(db: Db, reference: string) {
    return db.protectionCase.findUnique({ where: { reference }, select: { id: true, reference: true } });
  }
}
