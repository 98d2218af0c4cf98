import { caseStamp } from '../integrity/case-stamp.js';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ReceiptRevocationReason } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { deriveReceiptKeys, generateReceipt, wrapThreadKeyForReceipt } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { CaseKeysAccess } from './case-keys-access.js';
import { rowsOf } from './case-manifest.js';
import type { CaseReader } from './case-reader.js';
import { CaseVaultService, type CaseRow } from './case-vault.service.js';
import { ReceiptsRepository, type ReceiptSummaryRow } from './receipts.repository.js';
import type { TriageIndex } from './triage-index.js';
import { VaultRepository } from './vault.repository.js';

export type { ReceiptSummaryRow };

export interface IssuedReceiptRow {
  id: string;
  createdAt: Date;
  /** Shown once to the staff member, who reads it out; never stored. */
  receipt: string;
}

/**
 * Receipts after intake: a holder's thread-key grant opens the thread key,
 * which a new receipt wraps; the receipt row joins the case manifest, so the
 * case is locked, checked, and re-MAC'd at the next revision in the same
 * transaction (as a journal write is). Revoking keeps the row (the manifest
 * is unchanged) and ends the receipt's follow-up sessions: from then on the
 * receipt answers exactly like an unknown one.
 */
@Injectable()
export class ReceiptIssuer {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly directory: DirectoryService,
    private readonly keys: CaseKeysAccess,
    private readonly vault: CaseVaultService,
    private readonly audit: AuditService,
  ) {}

  /** The case's receipts (ids and dates only), for a staff member holding its grants. */
  async list(reader: CaseReader, caseId: string): Promise<ReceiptSummaryRow[]> {
    await this.checkHolder(reader, caseId);
    return this.receipts.listReceipts(this.prisma, caseId);
  }

  async issue(reader: CaseReader, caseId: string, now = new Date()): Promise<IssuedReceiptRow> {
    await this.checkHolder(reader, caseId);
    const receiptId = randomUUID();
    const receipt = generateReceipt();
    // Argon2id before the transaction: it is the slow part, and the case stays locked only for the write.
    const receiptKeys = await deriveReceiptKeys(receipt, this.runtime.secrets.receiptPepper);
    const certificate = this.directory.certifyReceipt(receiptId, receiptKeys.identity);
    try {
      await this.prisma.$transaction(async (tx) => {
        const row = await this.lockedChecked(tx, reader, caseId);
        const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
        const threadKey = this.keys.openThreadKey(row.grants, reader, caseId, row.threadKeyId);
        try {
          const index: TriageIndex = { ...row };
          await this.vault.integrityChecked(reader, caseId, () => this.vault.verifyCaseRow(row, index, caseKey));
          const tenant = this.directory.tenant;
          await this.repository.insertReceipt(tx, {
            id: receiptId,
            caseId,
            lookupId: receiptKeys.lookupId,
            pepperVersion: receiptKeys.pepperVersion,
            wrappedThreadKey: wrapThreadKeyForReceipt(threadKey, receiptKeys.wrappingKey, { tenant, caseId, receiptId }),
            certificate,
            createdAt: now,
          });
          const revision = row.revision + 1;
          const rows = rowsOf(row);
          const macs = this.vault.sealedIndex(caseId, revision, index, { ...rows, receiptIds: [...rows.receiptIds, receiptId] }, caseKey);
          await this.repository.updateCaseIndex(tx, caseId, { revision, ...macs });
          await this.audit.record(
            {
              action: 'receipt.issued',
              actorId: reader.id,
              targetType: 'case',
              targetId: caseId,
              details: { receiptId, ...caseStamp(revision, macs.indexMac) },
            },
            tx,
          );
        } finally {
          caseKey.destroy();
          threadKey.destroy();
        }
      });
      return { id: receiptId, createdAt: now, receipt };
    } finally {
      receiptKeys.wrappingKey.destroy();
    }
  }

  /** Revokes a receipt of the case (already revoked: unchanged, not audited again) and ends its follow-up sessions. */
  async revoke(reader: CaseReader, caseId: string, receiptId: string, reason: ReceiptRevocationReason, now = new Date()): Promise<ReceiptSummaryRow> {
    return this.prisma.$transaction(async (tx) => {
      const row = await this.lockedChecked(tx, reader, caseId);
      const caseKey = this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId);
      try {
        await this.vault.integrityChecked(reader, caseId, () => this.vault.verifyCaseRow(row, { ...row }, caseKey));
      } finally {
        caseKey.destroy();
      }
      const receipt = await this.receipts.findReceipt(tx, caseId, receiptId);
      if (!receipt) throw new AppError('NOT_FOUND');
      if (receipt.revokedAt) return receipt;
      const revoked = await this.receipts.revokeReceipt(tx, receiptId, now);
      // A session opened with it ends now, not at its expiry (resume also refuses a revoked receipt's session).
      await this.receipts.endReceiptSessions(tx, receiptId);
      await this.audit.record({ action: 'receipt.revoked', actorId: reader.id, targetType: 'case', targetId: caseId, details: { receiptId, reason } }, tx);
      return revoked;
    });
  }

  private async lockedChecked(tx: Db, reader: CaseReader, caseId: string): Promise<CaseRow> {
    await this.repository.lockCase(tx, caseId);
    const row = await this.repository.findCaseFor(tx, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The reader's case and thread grants, signatures checked (403 without them, 404 for no case). */
  private async checkHolder(reader: CaseReader, caseId: string): Promise<void> {
    const row = await this.repository.findCaseFor(this.prisma, caseId, reader.id);
    if (!row) throw new AppError('NOT_FOUND');
    this.keys.openCaseKey(row.grants, reader, caseId, row.caseKeyId).destroy();
    this.keys.openThreadKey(row.grants, reader, caseId, row.threadKeyId).destroy();
  }
}
