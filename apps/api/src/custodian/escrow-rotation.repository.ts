import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';

/** An escrow key row as the rotation reads it (its certificate is checked before anything is sealed to it). */
export interface EscrowKeyRow {
  readonly id: string;
  readonly publicKey: string;
  readonly certificate: string;
  readonly epoch: number;
  readonly active: boolean;
}

const KEY_FIELDS = { id: true, publicKey: true, certificate: true, epoch: true, active: true } as const;

/**
 * The rows of an escrow rotation. Its progress needs no table of its own: the
 * key being rotated to is the inactive escrow key of a later epoch than the
 * active one, and a case is done once it holds an escrow grant to that key —
 * written in the same transaction as the rest of its batch, so what is on
 * disk is always exactly what was done.
 */
@Injectable()
export class EscrowRotationRepository {
  findKey(db: Db, id: string): Promise<EscrowKeyRow | null> {
    return db.escrowKey.findUnique({ where: { id }, select: KEY_FIELDS });
  }

  /** The active escrow key, when one exists. */
  findActiveKey(db: Db): Promise<EscrowKeyRow | null> {
    return db.escrowKey.findFirst({ where: { active: true }, orderBy: { epoch: 'desc' }, select: KEY_FIELDS });
  }

  /** The key an unfinished rotation is moving to: inactive, of a later epoch than the active key. */
  async findUnfinishedTarget(db: Db): Promise<EscrowKeyRow | null> {
    const active = await this.findActiveKey(db);
    if (!active) return null;
    return db.escrowKey.findFirst({ where: { active: false, epoch: { gt: active.epoch } }, orderBy: { epoch: 'desc' }, select: KEY_FIELDS });
  }

  /** Created inactive: intake keeps sealing to the active key until every case is re-sealed. */
  async insertInactiveKey(tx: Db, key: { id: string; publicKey: string; certificate: string; epoch: number }): Promise<void> {
    await tx.escrowKey.create({ data: { ...key, active: false } });
  }

  /** Serialises concurrent runs on the same key (a second run then sees what the first one committed). */
  async lockKey(tx: Db, id: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM escrow_key WHERE id = ${id}::uuid FOR UPDATE`;
  }

  /**
   * Waits for every transaction that has read the escrow keys (an intake
   * choosing which key to seal a new case to) and holds new ones until the
   * switch commits: no case can be sealed to the old key after the last check.
   */
  async lockAllKeys(tx: Db): Promise<void> {
    await tx.$executeRawUnsafe('LOCK TABLE escrow_key IN ACCESS EXCLUSIVE MODE');
  }

  /** Cases still sealed to the old key and not yet to the new one, oldest id first. */
  async findCasesToReseal(db: Db, fromKeyId: string, toKeyId: string, skip: string[], take: number): Promise<string[]> {
    const rows = await db.protectionCase.findMany({
      where: {
        id: { notIn: skip },
        grants: { some: { recipientId: null, escrowKeyId: fromKeyId } },
        NOT: { grants: { some: { recipientId: null, escrowKeyId: toKeyId } } },
      },
      orderBy: { id: 'asc' },
      take,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async countCasesSealedTo(db: Db, escrowKeyId: string): Promise<number> {
    return db.protectionCase.count({ where: { grants: { some: { recipientId: null, escrowKeyId } } } });
  }

  async insertEscrowGrant(tx: Db, grant: Prisma.CaseKeyGrantUncheckedCreateInput): Promise<void> {
    await tx.caseKeyGrant.create({ data: { ...grant, recipientId: null } });
  }

  /** The new key becomes the one intake and custodians use; the old one stays as a record, inactive and empty. */
  async switchActive(tx: Db, fromKeyId: string, toKeyId: string): Promise<void> {
    await tx.escrowKey.update({ where: { id: fromKeyId }, data: { active: false } });
    await tx.escrowKey.update({ where: { id: toKeyId }, data: { active: true } });
  }

  /** The old seals: every case and thread key sealed to the old key, and the old key's custodian shares. */
  async deleteOldSeals(tx: Db, fromKeyId: string): Promise<{ grants: number; shares: number }> {
    const grants = await tx.caseKeyGrant.deleteMany({ where: { recipientId: null, escrowKeyId: fromKeyId } });
    const shares = await tx.escrowShare.deleteMany({ where: { escrowKeyId: fromKeyId } });
    return { grants: grants.count, shares: shares.count };
  }

  /** Pending requests on the old key end with it: their half-opened shares are dropped. */
  async expireRequestsOn(tx: Db, escrowKeyId: string, now: Date): Promise<void> {
    await tx.custodianOperation.updateMany({ where: { escrowKeyId, completedAt: null }, data: { intermediates: [], expiresAt: now } });
  }
}
