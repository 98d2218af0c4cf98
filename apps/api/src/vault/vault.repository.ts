import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { CaseKeyGrant, KeyKind, MessageSender, Prisma } from '../generated/prisma/client.js';

/** A case's clear triage index with its MAC: what every reader that checks the index row selects. */
export const INDEX_ROW_SELECT = {
  id: true,
  reference: true,
  status: true,
  urgent: true,
  riskLevel: true,
  receivedAt: true,
  firstContactDue: true,
  assessmentDue: true,
  nextContactAt: true,
  measureDue: true,
  closedAt: true,
  legalHold: true,
  assignedTo: true,
  indexMac: true,
} satisfies Prisma.ProtectionCaseSelect;

/** What a case's manifests cover, and the reader's grants: what opening a case reads beside the case row. */
export const caseContentsFor = (recipientId: string) =>
  ({
    grants: { where: { recipientId } },
    receipts: { select: { id: true } },
    messages: { orderBy: { seq: 'asc' } },
    entries: { orderBy: { seq: 'asc' } },
    files: { select: { id: true, keyKind: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
  }) satisfies Prisma.ProtectionCaseInclude;

@Injectable()
export class VaultRepository {
  async insertCase(tx: Db, data: Prisma.ProtectionCaseUncheckedCreateInput): Promise<void> {
    await tx.protectionCase.create({ data });
  }

  async insertGrants(tx: Db, grants: Prisma.CaseKeyGrantCreateManyInput[]): Promise<void> {
    await tx.caseKeyGrant.createMany({ data: grants });
  }

  async upsertGrant(tx: Db, grant: Prisma.CaseKeyGrantUncheckedCreateInput & { recipientId: string }): Promise<void> {
    const { caseId, keyKind, recipientId } = grant;
    await tx.caseKeyGrant.upsert({
      where: { caseId_keyKind_recipientId: { caseId, keyKind, recipientId } },
      create: grant,
      update: grant,
    });
  }

  async insertReceipt(tx: Db, data: Prisma.ReceiptUncheckedCreateInput): Promise<void> {
    await tx.receipt.create({ data });
  }

  /** The case with what its manifests cover, and the reader's grants. */
  findCaseFor(db: Db, caseId: string, recipientId: string) {
    return db.protectionCase.findUnique({ where: { id: caseId }, include: caseContentsFor(recipientId) });
  }

  /** What a page of the journal needs: the index row, the reader's grants, the rows the manifest covers, and the entries (ordered). */
  findJournalFor(db: Db, caseId: string, recipientId: string) {
    return db.protectionCase.findUnique({
      where: { id: caseId },
      include: {
        grants: { where: { recipientId } },
        receipts: { select: { id: true } },
        entries: { orderBy: { seq: 'asc' } },
        // Ordered as findCaseFor reads them: the manifest covers the ids in this order.
        files: { select: { id: true, keyKind: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
      },
    });
  }

  async insertEntry(tx: Db, data: { id: string; caseId: string; seq: number; body: string; createdAt: Date }): Promise<void> {
    await tx.caseEntry.create({ data });
  }

  /** The clear index after a journal entry, with its new MAC, revision and manifest MAC. */
  async updateCaseIndex(tx: Db, caseId: string, data: Prisma.ProtectionCaseUncheckedUpdateInput): Promise<void> {
    await tx.protectionCase.update({ where: { id: caseId }, data });
  }

  /**
   * The cases this staff member holds a case-key grant for, matching clear
   * filters: the triage index, its MAC, the revision and the encrypted
   * categories only (the list never reads the other concerns).
   */
  findHeldCases(db: Db, recipientId: string, where: Prisma.ProtectionCaseWhereInput = {}) {
    return db.protectionCase.findMany({
      where: { ...where, grants: { some: { recipientId, keyKind: 'case' } } },
      select: {
        ...INDEX_ROW_SELECT,
        caseKeyId: true,
        revision: true,
        categories: true,
        grants: { where: { recipientId, keyKind: 'case' } },
      },
    });
  }

  /**
   * The clear index of the cases this staff member holds a case-key grant
   * for, matching clear filters, newest first: what the list sorts, counts
   * and checks. No ciphertext and no grant: those are read only for the
   * cases whose categories are needed (findSealedCategories).
   */
  findHeldIndex(db: Db, recipientId: string, where: Prisma.ProtectionCaseWhereInput = {}) {
    return db.protectionCase.findMany({
      where: { ...where, grants: { some: { recipientId, keyKind: 'case' } } },
      select: { ...INDEX_ROW_SELECT, caseKeyId: true, revision: true },
      orderBy: [{ receivedAt: 'desc' }, { reference: 'asc' }],
    });
  }

  /**
   * The encrypted categories of these held cases and the reader's case-key
   * grant for each. Two plain queries joined here: read as a Prisma relation,
   * the same rows cost several times as much (measured: docs/PERFORMANCE.md),
   * and a cold filtered list reads them for every held case.
   */
  async findSealedCategories(db: Db, recipientId: string, caseIds: string[]) {
    const grants = await db.caseKeyGrant.findMany({ where: { caseId: { in: caseIds }, recipientId, keyKind: 'case' } });
    const grantOf = new Map(grants.map((grant) => [grant.caseId, grant]));
    const cases = await db.protectionCase.findMany({ where: { id: { in: [...grantOf.keys()] } }, select: { id: true, caseKeyId: true, categories: true } });
    return cases.map((row) => ({ ...row, grants: [grantOf.get(row.id) as CaseKeyGrant] }));
  }

  findThreadByReceipt(db: Db, lookupId: string) {
    return db.receipt.findUnique({
      where: { lookupId },
      include: {
        protectionCase: {
          select: {
            id: true,
            threadKeyId: true,
            threadMac: true,
            threadRevision: true,
            messages: { orderBy: { seq: 'asc' } },
            files: { where: { keyKind: 'thread' }, select: { id: true } },
          },
        },
      },
    });
  }

  /** The held cases whose thread holds details a holder has not merged yet. */
  async findHeldWithPendingDetails(db: Db, recipientId: string): Promise<string[]> {
    const rows = await db.protectionCase.findMany({
      where: { detailsPending: true, grants: { some: { recipientId, keyKind: 'case' } } },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  async clearDetailsPending(db: Db, caseId: string): Promise<void> {
    await db.protectionCase.updateMany({ where: { id: caseId, detailsPending: true }, data: { detailsPending: false } });
  }

  findThread(db: Db, caseId: string) {
    return db.protectionCase.findUnique({
      where: { id: caseId },
      select: {
        threadMac: true,
        threadRevision: true,
        messages: { orderBy: { seq: 'asc' } },
        files: { where: { keyKind: 'thread' }, select: { id: true } },
      },
    });
  }

  async insertMessage(tx: Db, data: { id: string; caseId: string; seq: number; sender: MessageSender; body: string }): Promise<void> {
    await tx.caseMessage.create({ data });
  }

  /** Locks the case row so concurrent thread writers take turns (sequence numbers, revision). */
  async lockThread(tx: Db, caseId: string) {
    await this.lockCase(tx, caseId);
    return tx.protectionCase.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        threadRevision: true,
        threadMac: true,
        messages: { select: { seq: true }, orderBy: { seq: 'asc' } },
        files: { where: { keyKind: 'thread' }, select: { id: true } },
      },
    });
  }

  async updateThreadMac(tx: Db, caseId: string, threadRevision: number, threadMac: string): Promise<void> {
    await tx.protectionCase.update({ where: { id: caseId }, data: { threadRevision, threadMac } });
  }

  async lockCase(tx: Db, caseId: string): Promise<void> {
    await tx.$executeRaw`SELECT 1 FROM protection_case WHERE id = ${caseId}::uuid FOR UPDATE`;
  }

  async insertFile(tx: Db, data: Prisma.CaseFileUncheckedCreateInput): Promise<void> {
    await tx.caseFile.create({ data });
  }

  async completeFile(tx: Db, fileId: string, metadata: string, chunkCount: number): Promise<void> {
    await tx.caseFile.update({ where: { id: fileId }, data: { metadata, chunkCount } });
  }

  findCaseFile(db: Db, caseId: string, fileId: string) {
    return db.caseFile.findFirst({ where: { id: fileId, caseId, keyKind: 'case' } });
  }

  /** A chunk of a file written by an older release, before the file store. */
  findFileChunk(db: Db, fileId: string, index: number) {
    return db.fileChunk.findUnique({ where: { fileId_index: { fileId, index } } });
  }

  findThreadFile(db: Db, caseId: string, fileId: string) {
    return db.caseFile.findFirst({ where: { id: fileId, caseId, keyKind: 'thread' } });
  }

  /** Thread files and uploads in progress of a case: what the per-case limit counts. */
  async countThreadFilesAndUploads(db: Db, caseId: string): Promise<number> {
    // Sequential: inside a transaction both would share one connection, where pg refuses concurrent queries.
    const files = await db.caseFile.count({ where: { caseId, keyKind: 'thread' } });
    const uploads = await db.uploadSession.count({ where: { caseId } });
    return files + uploads;
  }

  /** Deletes the expired uploads' rows; returns the store keys of their pieces, which the caller removes. */
  async deleteExpiredUploads(db: Db, now: Date): Promise<string[]> {
    const expired = await db.uploadSession.findMany({ where: { expiresAt: { lte: now } }, select: { id: true, storeKey: true } });
    if (expired.length === 0) return [];
    await db.uploadSession.deleteMany({ where: { id: { in: expired.map((upload) => upload.id) }, expiresAt: { lte: now } } });
    return expired.map((upload) => upload.storeKey);
  }

  /** Every store key a row names: what the sweep must keep. */
  async storeKeysInUse(db: Db): Promise<Set<string>> {
    // Sequential: inside a transaction both would share one connection, where pg refuses concurrent queries.
    const files = await db.caseFile.findMany({ where: { storeKey: { not: null } }, select: { storeKey: true } });
    const uploads = await db.uploadSession.findMany({ select: { storeKey: true } });
    return new Set([...files.map((file) => file.storeKey as string), ...uploads.map((upload) => upload.storeKey)]);
  }

  async insertUpload(tx: Db, data: Prisma.UploadSessionUncheckedCreateInput): Promise<void> {
    await tx.uploadSession.create({ data });
  }

  /** The upload of this case, locked for the rest of the transaction (one writer at a time). */
  async lockUpload(tx: Db, caseId: string, uploadId: string) {
    await tx.$executeRaw`SELECT 1 FROM upload_session WHERE id = ${uploadId}::uuid FOR UPDATE`;
    return tx.uploadSession.findFirst({ where: { id: uploadId, caseId, expiresAt: { gt: new Date() } } });
  }

  findUpload(db: Db, caseId: string, uploadId: string) {
    return db.uploadSession.findFirst({ where: { id: uploadId, caseId, expiresAt: { gt: new Date() } } });
  }

  /** A streamed upload still alive: its expiry moves on with each write. */
  async extendUpload(db: Db, uploadId: string, expiresAt: Date): Promise<void> {
    await db.uploadSession.update({ where: { id: uploadId }, data: { expiresAt } });
  }

  async updateUpload(tx: Db, uploadId: string, data: { state: string; pieceCount: number; metadata: string }): Promise<void> {
    await tx.uploadSession.update({ where: { id: uploadId }, data });
  }

  /** Deletes the upload's row; returns the store key of its pieces (null when there was no such upload). */
  async deleteUpload(db: Db, caseId: string, uploadId: string): Promise<string | null> {
    const upload = await db.uploadSession.findFirst({ where: { id: uploadId, caseId }, select: { storeKey: true } });
    if (!upload) return null;
    const { count } = await db.uploadSession.deleteMany({ where: { id: uploadId, caseId } });
    return count === 0 ? null : upload.storeKey;
  }

  async updateCaseManifest(tx: Db, caseId: string, revision: number, manifestMac: string): Promise<void> {
    await tx.protectionCase.update({ where: { id: caseId }, data: { revision, manifestMac } });
  }

  findGrant(db: Db, caseId: string, keyKind: KeyKind, recipientId: string) {
    return db.caseKeyGrant.findUnique({ where: { caseId_keyKind_recipientId: { caseId, keyKind, recipientId } } });
  }
}
