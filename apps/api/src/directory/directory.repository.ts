import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { StaffRole } from '../generated/prisma/client.js';

export interface StaffKeyRecord {
  id: string;
  roles: StaffRole[];
  onCall: boolean;
  active: boolean;
  publicKey: string | null;
  certificate: string | null;
  keyEpoch: number;
}

const KEY_FIELDS = { id: true, roles: true, onCall: true, active: true, publicKey: true, certificate: true, keyEpoch: true } as const;

@Injectable()
export class DirectoryRepository {
  findStaff(db: Db, id: string): Promise<StaffKeyRecord | null> {
    return db.staffUser.findUnique({ where: { id }, select: KEY_FIELDS });
  }

  /** Candidates for the triage team; certificates decide who really is in it. */
  findTriageCandidates(db: Db): Promise<StaffKeyRecord[]> {
    return db.staffUser.findMany({
      where: { active: true, publicKey: { not: null }, OR: [{ roles: { has: 'supervisor' } }, { onCall: true }] },
      select: KEY_FIELDS,
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Every staff row that carries a certificate, deactivated ones too (what a restore checks). */
  findCertifiedStaff(db: Db): Promise<StaffKeyRecord[]> {
    return db.staffUser.findMany({ where: { certificate: { not: null } }, select: KEY_FIELDS });
  }

  async saveCertificate(db: Db, id: string, fields: { publicKey: string; certificate: string; keyEpoch: number }): Promise<void> {
    await db.staffUser.update({ where: { id }, data: fields });
  }

  async nextEscrowEpoch(db: Db): Promise<number> {
    const previous = await db.escrowKey.aggregate({ _max: { epoch: true } });
    return (previous._max.epoch ?? 0) + 1;
  }

  /** The new escrow key becomes the only active one; older ones stay for the cases sealed to them. */
  async insertEscrowKey(db: Db, key: { id: string; publicKey: string; certificate: string; epoch: number }): Promise<void> {
    await db.escrowKey.updateMany({ where: { active: true }, data: { active: false } });
    await db.escrowKey.create({ data: key });
  }

  async insertEscrowShare(
    db: Db,
    share: { escrowKeyId: string; innerUserId: string; outerUserId: string; sealed: string; innerPublicKey: string; outerPublicKey: string },
  ): Promise<void> {
    await db.escrowShare.create({ data: share });
  }

  /** Every custodian share of the escrow key (before it is sealed again to the custodians named). */
  async deleteEscrowShares(tx: Db, escrowKeyId: string): Promise<void> {
    await tx.escrowShare.deleteMany({ where: { escrowKeyId } });
  }

  findEscrow(db: Db, id: string) {
    return db.escrowKey.findUnique({ where: { id } });
  }

  /** Every escrow key, retired ones too: cases stay sealed to them. */
  findEscrowKeys(db: Db) {
    return db.escrowKey.findMany();
  }

  findActiveEscrow(db: Db) {
    return db.escrowKey.findFirst({ where: { active: true }, orderBy: { epoch: 'desc' } });
  }
}
