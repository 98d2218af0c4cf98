import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { INDEX_ROW_SELECT } from '../vault/vault.repository.js';
import type { Prisma } from '../generated/prisma/client.js';

/** One intermediate of a request: a share with its outer layer removed, still sealed to `innerUserId`. */
export interface Intermediate {
  readonly innerUserId: string;
  readonly value: string;
}

const OPEN_STATUSES = ['received', 'under_assessment', 'measures_in_progress', 'monitoring'] as const;

/** The rows the custodian operations read and write. */
@Injectable()
export class CustodianRepository {
  findActiveEscrowKey(db: Db) {
    return db.escrowKey.findFirst({ where: { active: true }, orderBy: { epoch: 'desc' }, select: { id: true, publicKey: true } });
  }

  findEscrowKey(db: Db, id: string) {
    return db.escrowKey.findUnique({ where: { id }, select: { id: true, publicKey: true } });
  }

  /** The shares of this escrow key whose outer layer this custodian's key opens. */
  findSharesWithOuter(db: Db, escrowKeyId: string, outerUserId: string) {
    return db.escrowShare.findMany({ where: { escrowKeyId, outerUserId }, select: { innerUserId: true, sealed: true } });
  }

  /** Active staff holding the custodian role (certificates checked by the caller). */
  findCustodians(db: Db) {
    return db.staffUser.findMany({
      where: { active: true, roles: { has: 'custodian' } },
      select: { id: true, name: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  async names(db: Db, ids: string[]): Promise<Map<string, string>> {
    const rows = await db.staffUser.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Case references (clear index) by case id. */
  async references(db: Db, caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows = await db.protectionCase.findMany({ where: { id: { in: [...new Set(caseIds)] } }, select: { id: true, reference: true } });
    return new Map(rows.map((row) => [row.id, row.reference]));
  }

  async insertOperation(db: Db, data: Prisma.CustodianOperationUncheckedCreateInput): Promise<void> {
    await db.custodianOperation.create({ data });
  }

  findOperation(db: Db, id: string) {
    return db.custodianOperation.findUnique({ where: { id } });
  }

  findPendingOperations(db: Db, now: Date) {
    return db.custodianOperation.findMany({ where: { completedAt: null, expiresAt: { gt: now } }, orderBy: { requestedAt: 'asc' } });
  }

  /**
   * Takes a pending request for its second step, once: the intermediates are
   * emptied with it. False when it was completed or expired meanwhile.
   */
  async claimOperation(tx: Db, id: string, completedBy: string, now: Date): Promise<boolean> {
    const { count } = await tx.custodianOperation.updateMany({
      where: { id, completedAt: null, expiresAt: { gt: now } },
      data: { completedBy, completedAt: now, intermediates: [] },
    });
    return count === 1;
  }

  /** The escrow grants (case and thread key) of a case for one escrow key, with the index the MAC covers. */
  findCaseWithEscrowGrants(db: Db, caseId: string, escrowKeyId: string) {
    return db.protectionCase.findUnique({
      where: { id: caseId },
      select: {
        ...INDEX_ROW_SELECT,
        caseKeyId: true,
        threadKeyId: true,
        grants: { where: { recipientId: null, escrowKeyId } },
      },
    });
  }

  async caseExists(db: Db, id: string): Promise<boolean> {
    return (await db.protectionCase.count({ where: { id } })) === 1;
  }

  /** Case-key grants held by staff on a case (whether they still open is for the caller to judge). */
  findStaffHolders(db: Db, caseId: string) {
    return db.caseKeyGrant.findMany({
      where: { caseId, keyKind: 'case', recipientId: { not: null } },
      select: { recipientPublicKey: true, recipient: { select: { active: true, publicKey: true } } },
    });
  }

  /** Cases assigned to the user (the clear index; its MAC is checked before anything is granted). */
  async findAssignedCaseIds(db: Db, userId: string): Promise<string[]> {
    const rows = await db.protectionCase.findMany({ where: { assignedTo: userId }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** Open cases: what the triage team holds. */
  async findOpenCaseIds(db: Db): Promise<string[]> {
    const rows = await db.protectionCase.findMany({ where: { status: { in: [...OPEN_STATUSES] } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** Cases the audit log shows were granted to the user, or typed in by them (assisted intake). */
  async findCaseIdsOnRecord(db: Db, userId: string): Promise<string[]> {
    const rows = await db.auditEvent.findMany({
      where: {
        targetType: 'case',
        OR: [
          { action: 'case.granted', details: { path: ['recipientId'], equals: userId } },
          { action: 'case.created', actorId: userId },
        ],
      },
      select: { targetId: true },
    });
    return rows.flatMap((row) => (row.targetId ? [row.targetId] : []));
  }
}
