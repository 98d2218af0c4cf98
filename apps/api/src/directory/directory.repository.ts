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

  async saveCertificate(db: Db, id: string, fields: { publicKey: string; certificate: string; keyEpoch: number }): Promise<void> {
    await db.staffUser.update({ where: { id }, data: fields });
  }

  findActiveEscrow(db: Db) {
    return db.escrowKey.findFirst({ where: { active: true }, orderBy: { epoch: 'desc' } });
  }
}
