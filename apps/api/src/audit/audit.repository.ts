import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { Prisma } from '../generated/prisma/client.js';

/** Any fixed number: serialises appends so the chain has no forks. */
const AUDIT_APPEND_LOCK = 7_240_318;

export interface AuditRow {
  seq: bigint;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Prisma.JsonValue;
  prevHash: string;
  hash: string;
}

@Injectable()
export class AuditRepository {
  /** Takes the append lock for the rest of the transaction and returns the chain's head. */
  async lockHead(tx: Db): Promise<{ seq: bigint; hash: string } | null> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`;
    return tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  }

  async insert(tx: Db, row: AuditRow): Promise<void> {
    await tx.auditEvent.create({ data: { ...row, details: row.details ?? Prisma.JsonNull } });
  }

  async list(db: Db, afterSeq: bigint, limit: number): Promise<AuditRow[]> {
    return db.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
  }
}
