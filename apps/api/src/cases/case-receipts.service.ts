import { Injectable } from '@nestjs/common';
import type { IssuedReceipt, ReceiptList, ReceiptRevocation, ReceiptSummary } from '@mnpddh/shared';
import { ReceiptIssuer, type ReceiptSummaryRow } from '../vault/receipt-issuer.js';
import type { CaseReader } from '../vault/case-reader.js';
import { CaseClock } from './case-clock.js';

const summary = (row: ReceiptSummaryRow): ReceiptSummary => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** A case's receipts as staff handle them: listed by date, issued after a verified call-back, revoked on their own. */
@Injectable()
export class CaseReceiptsService {
  constructor(
    private readonly issuer: ReceiptIssuer,
    private readonly clock: CaseClock,
  ) {}

  async list(staff: CaseReader, caseId: string): Promise<ReceiptList> {
    return { items: (await this.issuer.list(staff, caseId)).map(summary) };
  }

  async issue(staff: CaseReader, caseId: string): Promise<IssuedReceipt> {
    const issued = await this.issuer.issue(staff, caseId, this.clock.now());
    return { id: issued.id, createdAt: issued.createdAt.toISOString(), receipt: issued.receipt };
  }

  async revoke(staff: CaseReader, caseId: string, receiptId: string, { reason }: ReceiptRevocation): Promise<ReceiptSummary> {
    return summary(await this.issuer.revoke(staff, caseId, receiptId, reason, this.clock.now()));
  }
}
