import { z } from 'zod';

/**
 * Several receipts per case (the relative who filed, the defender once
 * released, a replacement after a verified call-back), each revocable on its
 * own. Staff see when each was issued and revoked — never its lookup id or
 * its wrap; a new receipt is shown once, grouped by four, and never stored.
 */
export const ReceiptSummary = z.strictObject({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ReceiptSummary = z.infer<typeof ReceiptSummary>;

export const ReceiptList = z.strictObject({ items: z.array(ReceiptSummary) });
export type ReceiptList = z.infer<typeof ReceiptList>;

/** The answer to issuing a receipt: the only time its digits leave the server. */
export const IssuedReceipt = z.strictObject({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  /** 24 digits in groups of four, to be read out to the defender. */
  receipt: z.string(),
});
export type IssuedReceipt = z.infer<typeof IssuedReceipt>;

/** Why a receipt is revoked: coercion reported, lost, replaced by a new one, or another reason. */
export const RECEIPT_REVOCATION_REASONS = ['coercion', 'lost', 'replaced', 'other'] as const;
export const ReceiptRevocationReason = z.enum(RECEIPT_REVOCATION_REASONS);
export type ReceiptRevocationReason = z.infer<typeof ReceiptRevocationReason>;

export const ReceiptRevocation = z.strictObject({ reason: ReceiptRevocationReason });
export type ReceiptRevocation = z.infer<typeof ReceiptRevocation>;
