import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';

/** The case's rows under the new keys, each at its place. */
export interface ReencryptedRows {
  readonly entries: readonly { id: string; body: string }[];
  readonly drafts: readonly { authorId: string; body: string }[];
  readonly messages: readonly { id: string; body: string }[];
  readonly files: readonly { id: string; wrappedFileKey: string; metadata: string }[];
}

/** A receipt's new thread key, sealed and signed by the actor; all null once the receipt no longer opens the thread. */
export interface ReceiptReseal {
  readonly sealedThreadKey: string | null;
  readonly sealedBy: string | null;
  readonly sealerCertificate: string | null;
  readonly sealSignature: string | null;
}

/** Besides the case row, its entries and messages (findCaseFor): what re-keying reads. */
export type CaseToRekey = NonNullable<Awaited<ReturnType<RekeyRepository['caseRows']>>> & { holderIds: string[] };

@Injectable()
export class RekeyRepository {
  async caseToRekey(db: Db, caseId: string): Promise<CaseToRekey> {
    const row = await this.caseRows(db, caseId);
    if (!row) throw new Error('case vanished while locked');
    return { ...row, holderIds: row.grants.flatMap((grant) => (grant.recipientId ? [grant.recipientId] : [])) };
  }

  /** What findCaseFor does not bring: drafts, files' wraps and metadata, receipts, and every holder of the case. */
  caseRows(db: Db, caseId: string) {
    return db.protectionCase.findUnique({
      where: { id: caseId },
      select: {
        drafts: { select: { authorId: true, body: true } },
        files: { select: { id: true, keyKind: true, wrappedFileKey: true, metadata: true } },
        receipts: { select: { id: true, certificate: true, revokedAt: true } },
        grants: { where: { keyKind: 'case' }, select: { recipientId: true } },
      },
    });
  }

  async writeReencrypted(tx: Db, caseId: string, rows: ReencryptedRows): Promise<void> {
    for (const { id, body } of rows.entries) await tx.caseEntry.update({ where: { id }, data: { body } });
    for (const { authorId, body } of rows.drafts) await tx.caseDraft.update({ where: { caseId_authorId: { caseId, authorId } }, data: { body } });
    for (const { id, body } of rows.messages) await tx.caseMessage.update({ where: { id }, data: { body } });
    for (const { id, ...file } of rows.files) await tx.caseFile.update({ where: { id }, data: file });
  }

  /** Every grant of the case replaced by these: the old ones (a revoked holder's included) go. */
  async replaceGrants(tx: Db, caseId: string, grants: Prisma.CaseKeyGrantCreateManyInput[]): Promise<void> {
    await tx.caseKeyGrant.deleteMany({ where: { caseId } });
    await tx.caseKeyGrant.createMany({ data: grants });
  }

  /** The receipt's old wrap goes: only the new seal (if any) opens the thread. */
  async resealReceipt(tx: Db, receiptId: string, seal: ReceiptReseal): Promise<void> {
    await tx.receipt.update({ where: { id: receiptId }, data: { wrappedThreadKey: null, ...seal } });
  }

  async updateCase(tx: Db, caseId: string, data: Prisma.ProtectionCaseUpdateInput): Promise<void> {
    await tx.protectionCase.update({ where: { id: caseId }, data });
  }

  /** Follow-up sessions and uploads in flight hold the old thread key: they end with it. */
  async endThreadSessions(tx: Db, caseId: string): Promise<void> {
    await tx.followUpSession.deleteMany({ where: { caseId } });
    await tx.uploadSession.deleteMany({ where: { caseId } });
  }

  /** The cases a staff member holds (their case-key grants), read before their grants go. */
  async heldCaseIds(db: Db, staffId: string): Promise<string[]> {
    const grants = await db.caseKeyGrant.findMany({ where: { recipientId: staffId, keyKind: 'case' }, select: { caseId: true } });
    return grants.map((grant) => grant.caseId);
  }

  async createJob(
    tx: Db,
    job: { id: string; reason: string; revokedStaffId: string | null; requestedBy: string; caseIds: string[]; now: Date },
  ): Promise<void> {
    await tx.rekeyJob.create({
      data: {
        id: job.id,
        reason: job.reason,
        revokedStaffId: job.revokedStaffId,
        requestedBy: job.requestedBy,
        casesTotal: job.caseIds.length,
        createdAt: job.now,
        cases: { createMany: { data: job.caseIds.map((caseId) => ({ caseId })) } },
      },
    });
  }

  findJob(db: Db, id: string) {
    return db.rekeyJob.findUnique({ where: { id }, include: { _count: { select: { cases: true } } } });
  }

  listJobs(db: Db) {
    return db.rekeyJob.findMany({ orderBy: { createdAt: 'desc' }, take: 50, include: { _count: { select: { cases: true } } } });
  }

  /** The job's cases still to do, after `skip` (those the caller found they cannot re-key). */
  async nextCase(db: Db, jobId: string, skip: readonly string[]): Promise<string | null> {
    const next = await db.rekeyJobCase.findFirst({ where: { jobId, caseId: { notIn: [...skip] } }, orderBy: { caseId: 'asc' }, select: { caseId: true } });
    return next?.caseId ?? null;
  }

  async caseDone(tx: Db, jobId: string, caseId: string): Promise<void> {
    await tx.rekeyJobCase.deleteMany({ where: { jobId, caseId } });
  }

  /** Marks the job finished once no case is left (idempotent). */
  async finishIfDone(db: Db, jobId: string, now: Date): Promise<void> {
    if ((await db.rekeyJobCase.count({ where: { jobId } })) === 0) {
      await db.rekeyJob.updateMany({ where: { id: jobId, finishedAt: null }, data: { finishedAt: now } });
    }
  }
}
