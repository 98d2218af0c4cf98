import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { INDEX_ROW_SELECT } from '../vault/vault.repository.js';

/** The clear index of a case, as retention reads it (and as its MAC covers it). */
const INDEX_SELECT = { ...INDEX_ROW_SELECT, revision: true } satisfies Prisma.ProtectionCaseSelect;

/** The policy admins edit, as a JSON setting (RetentionPolicyService parses it). */
const POLICY_SETTING = 'retention.policy';

/** The tables a purge empties of the case, vacuumed after (stat_counter is not among them). */
export const PURGED_TABLES = [
  'protection_case',
  'case_key_grant',
  'receipt',
  'case_message',
  'case_file',
  'file_chunk',
  'upload_session',
  'upload_piece',
  'case_entry',
  'case_draft',
  'alert',
  'alert_delivery',
  'follow_up_session',
  'retention_decision',
] as const;

@Injectable()
export class RetentionRepository {
  /** The stored policy as written, or null while the defaults apply. */
  async findPolicy(db: Db): Promise<string | null> {
    const row = await db.setting.findUnique({ where: { key: POLICY_SETTING } });
    return row?.value ?? null;
  }

  async savePolicy(tx: Db, value: string): Promise<void> {
    await tx.setting.upsert({ where: { key: POLICY_SETTING }, create: { key: POLICY_SETTING, value }, update: { value } });
  }

  /** Locks the case row until the caller's transaction ends: a purge and a write to the case take turns. */
  async lockCase(tx: Db, caseId: string): Promise<void> {
    await tx.$executeRaw`SELECT 1 FROM protection_case WHERE id = ${caseId}::uuid FOR UPDATE`;
  }

  /** Closed and inadmissible cases: clear index only. */
  findEndedCases(db: Db) {
    return db.protectionCase.findMany({ where: { status: { in: ['closed', 'inadmissible'] } }, select: INDEX_SELECT, orderBy: { closedAt: 'asc' } });
  }

  findCase(db: Db, caseId: string) {
    return db.protectionCase.findUnique({ where: { id: caseId }, select: INDEX_SELECT });
  }

  findDecisions(db: Db, caseIds: string[]) {
    return db.retentionDecision.findMany({ where: { caseId: { in: caseIds } } });
  }

  findDecision(db: Db, caseId: string) {
    return db.retentionDecision.findUnique({ where: { caseId } });
  }

  async saveDecision(db: Db, caseId: string, data: Omit<Prisma.RetentionDecisionUncheckedCreateInput, 'caseId'>): Promise<void> {
    await db.retentionDecision.upsert({ where: { caseId }, create: { caseId, ...data }, update: data });
  }

  /** The file store objects of the case's files and uploads: removed once the rows naming them are gone. */
  async storeKeysOf(tx: Db, caseId: string): Promise<string[]> {
    const files = await tx.caseFile.findMany({ where: { caseId, storeKey: { not: null } }, select: { storeKey: true } });
    const uploads = await tx.uploadSession.findMany({ where: { caseId }, select: { storeKey: true } });
    return [...files.map((file) => file.storeKey as string), ...uploads.map((upload) => upload.storeKey)];
  }

  /** Every row that holds a key, a wrap or a ciphertext of the case, then the case row: one transaction (the caller's). */
  async deleteCase(tx: Db, caseId: string): Promise<number> {
    const fileIds = (await tx.caseFile.findMany({ where: { caseId }, select: { id: true } })).map((file) => file.id);
    const uploadIds = (await tx.uploadSession.findMany({ where: { caseId }, select: { id: true } })).map((upload) => upload.id);
    const alertIds = (await tx.alert.findMany({ where: { caseId }, select: { id: true } })).map((alert) => alert.id);
    const counts = [
      await tx.fileChunk.deleteMany({ where: { fileId: { in: fileIds } } }),
      await tx.caseFile.deleteMany({ where: { caseId } }),
      await tx.uploadPiece.deleteMany({ where: { uploadId: { in: uploadIds } } }),
      await tx.uploadSession.deleteMany({ where: { caseId } }),
      await tx.caseMessage.deleteMany({ where: { caseId } }),
      await tx.caseEntry.deleteMany({ where: { caseId } }),
      await tx.caseDraft.deleteMany({ where: { caseId } }),
      await tx.alertDelivery.deleteMany({ where: { alertId: { in: alertIds } } }),
      await tx.alert.deleteMany({ where: { caseId } }),
      await tx.followUpSession.deleteMany({ where: { caseId } }),
      // A pending custodian operation on the case may carry key material for it.
      await tx.custodianOperation.deleteMany({ where: { caseId } }),
      await tx.receipt.deleteMany({ where: { caseId } }),
      await tx.caseKeyGrant.deleteMany({ where: { caseId } }),
      await tx.retentionDecision.deleteMany({ where: { caseId } }),
      await tx.protectionCase.deleteMany({ where: { id: caseId } }),
    ];
    return counts.reduce((sum, result) => sum + result.count, 0);
  }

  /** Outside any transaction: VACUUM cannot run inside one. Table names are ours, not input. */
  async vacuum(db: Db): Promise<void> {
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${PURGED_TABLES.map((table) => `"${table}"`).join(', ')}`);
  }
}
