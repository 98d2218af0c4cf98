import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

@Injectable()
export class FollowUpRepository {
  async createSession(db: Db, data: { idHash: string; caseId: string; receiptId: string; wrappedThreadKey: string; expiresAt: Date }): Promise<void> {
    await db.followUpSession.create({ data });
  }

  findSession(db: Db, idHash: string) {
    return db.followUpSession.findFirst({ where: { idHash, expiresAt: { gt: new Date() } } });
  }

  async deleteSession(db: Db, idHash: string): Promise<void> {
    await db.followUpSession.deleteMany({ where: { idHash } });
  }

  async deleteExpiredSessions(db: Db): Promise<void> {
    await db.followUpSession.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }

  /** What a defender may see of their case: its reference, where it stands, and the thread. */
  findThread(db: Db, caseId: string) {
    return db.protectionCase.findUnique({
      where: { id: caseId },
      select: {
        reference: true,
        status: true,
        riskLevel: true,
        assignedTo: true,
        firstContactDue: true,
        nextContactAt: true,
        measureDue: true,
        messages: { orderBy: { seq: 'asc' } },
      },
    });
  }

  /** The case's details public key and the intake key's signature over it (the seal checks it). */
  findDetailsKey(db: Db, caseId: string) {
    return db.protectionCase.findUnique({ where: { id: caseId }, select: { detailsPublicKey: true, detailsKeySignature: true } });
  }

  /** The list merges waiting details before it filters (a holder's key is needed: the server cannot). */
  async markDetailsPending(db: Db, caseId: string): Promise<void> {
    await db.protectionCase.update({ where: { id: caseId }, data: { detailsPending: true } });
  }

  findReceipt(db: Db, receiptId: string) {
    return db.receipt.findUnique({ where: { id: receiptId }, select: { revokedAt: true } });
  }
}
