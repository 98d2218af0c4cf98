import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { StaffRole } from '../generated/prisma/client.js';

const ASSIGNABLE_ROLES: StaffRole[] = ['supervisor', 'caseworker'];

/** The staff rows case work reads (names, who may be assigned, whose key is current), and the case-key grants assignees hold. */
@Injectable()
export class CaseStaffRepository {
  async findNames(db: Db, ids: string[]): Promise<Map<string, string>> {
    const rows = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Active supervisors and caseworkers with a certified key, by name. */
  findAssignable(db: Db) {
    return db.staffUser.findMany({
      where: { active: true, certificate: { not: null }, roles: { hasSome: ASSIGNABLE_ROLES } },
      select: { id: true, name: true, roles: true, onCall: true },
      orderBy: { name: 'asc' },
    });
  }

  /** Each person's public key and whether they are active. */
  findCurrentKeys(db: Db, ids: string[]) {
    return db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, publicKey: true, active: true } });
  }

  /** Whether the person is active and certified: what a new grant to them needs. */
  findCertification(db: Db, id: string) {
    return db.staffUser.findUnique({ where: { id }, select: { active: true, certificate: true } });
  }

  /** The case-key grants these people hold on these cases, with the key each was sealed to. */
  findCaseGrantsOf(db: Db, caseIds: string[], recipientIds: string[]) {
    return db.caseKeyGrant.findMany({
      where: { keyKind: 'case', caseId: { in: caseIds }, recipientId: { in: recipientIds } },
      select: { caseId: true, recipientId: true, recipientPublicKey: true },
    });
  }
}
