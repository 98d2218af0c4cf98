import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

/** What staff may see of a receipt: never its lookup id or its wrap. */
const RECEIPT_SUMMARY = { id: true, createdAt: true, revokedAt: true } as const;

export type ReceiptSummaryRow = { id: string; createdAt: Date; revokedAt: Date | null };

/** A case's receipts as staff see them, and their revocation (issuing one goes through VaultRepository.insertReceipt). */
@Injectable()
export class ReceiptsRepository {
  listReceipts(db: Db, caseId: string): Promise<ReceiptSummaryRow[]> {
    return db.receipt.findMany({ where: { caseId }, select: RECEIPT_SUMMARY, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  findReceipt(db: Db, caseId: string, receiptId: string): Promise<ReceiptSummaryRow | null> {
    return db.receipt.findFirst({ where: { id: receiptId, caseId }, select: RECEIPT_SUMMARY });
  }

  revokeReceipt(tx: Db, receiptId: string, now: Date): Promise<ReceiptSummaryRow> {
    return tx.receipt.update({ where: { id: receiptId }, data: { revokedAt: now }, select: RECEIPT_SUMMARY });
  }

  async endReceiptSessions(tx: Db, receiptId: string): Promise<void> {
    await tx.followUpSession.deleteMany({ where: { receiptId } });
  }
}
