import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { StaffSession } from '../generated/prisma/client.js';
import type { StaffRecord } from './staff.repository.js';

export type SessionRecord = StaffSession;

@Injectable()
export class SessionRepository {
  async create(db: Db, session: Pick<SessionRecord, 'idHash' | 'userId' | 'wrappedPrivateKey' | 'lastSeenAt' | 'expiresAt'>): Promise<void> {
    await db.staffSession.create({ data: session });
  }

  findWithUser(db: Db, idHash: string): Promise<(SessionRecord & { user: StaffRecord }) | null> {
    return db.staffSession.findUnique({ where: { idHash }, include: { user: true } });
  }

  async touch(db: Db, idHash: string, lastSeenAt: Date): Promise<void> {
    await db.staffSession.updateMany({ where: { idHash }, data: { lastSeenAt } });
  }

  async delete(db: Db, idHash: string): Promise<void> {
    await db.staffSession.deleteMany({ where: { idHash } });
  }

  /** All of a person's sessions, optionally but one (their current one). */
  async deleteAllOf(db: Db, userId: string, except?: string): Promise<number> {
    const { count } = await db.staffSession.deleteMany({ where: { userId, ...(except ? { idHash: { not: except } } : {}) } });
    return count;
  }

  /** Sessions past their absolute end or idle since `idleSince`: their wrapped keys go too. */
  async deleteExpired(db: Db, now: Date, idleSince: Date): Promise<void> {
    await db.staffSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] } });
  }
}
