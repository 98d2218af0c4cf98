import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { StaffUser } from '../generated/prisma/client.js';

/** The staff rows the rota is made of. Certificates, checked by the caller, decide who is really on call. */
@Injectable()
export class RotaRepository {
  /** Active staff flagged on call with a key: candidates for the rota. */
  onCallCandidates(db: Db): Promise<StaffUser[]> {
    return db.staffUser.findMany({ where: { onCall: true, active: true, publicKey: { not: null } } });
  }

  /** Everyone with the on-call flag, whatever their state (a rota change clears the flag of whoever leaves it). */
  flaggedOnCall(db: Db): Promise<{ id: string }[]> {
    return db.staffUser.findMany({ where: { onCall: true }, select: { id: true } });
  }

  async activeSupervisorIds(db: Db): Promise<string[]> {
    const rows = await db.staffUser.findMany({ where: { active: true, roles: { has: 'supervisor' } }, select: { id: true }, orderBy: { name: 'asc' } });
    return rows.map((row) => row.id);
  }

  activeStaff(db: Db): Promise<StaffUser[]> {
    return db.staffUser.findMany({ where: { active: true }, orderBy: { name: 'asc' } });
  }

  findMany(db: Db, ids: string[]): Promise<StaffUser[]> {
    return db.staffUser.findMany({ where: { id: { in: ids } } });
  }

  async setRotaPosition(db: Db, id: string, rotaPosition: number | null): Promise<void> {
    await db.staffUser.update({ where: { id }, data: { rotaPosition } });
  }
}
