import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { Prisma } from '../generated/prisma/client.js';

/** Any fixed number: serialises appends so the chain has no forks. */
const AUDIT_APPEND_LOCK = 7_240_318;

/** The setting holding when a checkpoint was last downloaded (ISO time). */
export const CHECKPOINT_EXPORTED_SETTING = 'audit.checkpoint_exported_at';

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

export interface CheckpointRow {
  rowCount: bigint;
  headHash: string;
  signedAt: Date;
  keyVersion: number;
  signature: string;
}

@Injectable()
export class AuditRepository {
  /** Takes the append lock for the rest of the transaction and returns the chain's head. */
  async lockHead(tx: Db): Promise<{ seq: bigint; hash: string } | null> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`;
    return tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  }

  /** The highest sequence number, without the append lock (the integrity anchor's comparison). */
  async lockFreeHead(db: Db): Promise<bigint | null> {
    const row = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
    return row?.seq ?? null;
  }

  async insert(tx: Db, row: AuditRow): Promise<void> {
    await tx.auditEvent.create({ data: { ...row, details: row.details ?? Prisma.JsonNull } });
  }

  /** The next `limit` rows after `afterSeq`, in chain order, optionally filtered. */
  async list(db: Db, afterSeq: bigint, limit: number, where: Prisma.AuditEventWhereInput = {}): Promise<AuditRow[]> {
    return db.auditEvent.findMany({ where: { ...where, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
  }

  /** One page, newest first. */
  async page(db: Db, where: Prisma.AuditEventWhereInput, skip: number, take: number): Promise<AuditRow[]> {
    return db.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip, take });
  }

  async count(db: Db, where: Prisma.AuditEventWhereInput): Promise<number> {
    return db.auditEvent.count({ where });
  }

  async insertCheckpoint(tx: Db, row: CheckpointRow): Promise<void> {
    await tx.auditCheckpoint.create({ data: row });
  }

  async latestCheckpoint(db: Db): Promise<CheckpointRow | null> {
    return db.auditCheckpoint.findFirst({
      orderBy: { id: 'desc' },
      select: { rowCount: true, headHash: true, signedAt: true, keyVersion: true, signature: true },
    });
  }

  /** When a checkpoint was last downloaded: a setting, not an audit event (which would call for a new checkpoint). */
  async markCheckpointExported(db: Db, at: string): Promise<void> {
    await db.setting.upsert({ where: { key: CHECKPOINT_EXPORTED_SETTING }, create: { key: CHECKPOINT_EXPORTED_SETTING, value: at }, update: { value: at } });
  }

  /** The names of the staff who acted, by id (a departed member's id finds none). */
  async findActorNames(db: Db, ids: string[]): Promise<Map<string, string>> {
    const staff = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(staff.map((member) => [member.id, member.name]));
  }
}
