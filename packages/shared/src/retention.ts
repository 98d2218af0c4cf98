import { z } from 'zod';

/**
 * Retention: how long a closed or inadmissible case is kept after
 * the month of its closure, before it is crypto-shredded. Serious cases are
 * on legal hold and need a supervisor's confirmation besides. The outcome of
 * a case is encrypted: it decides the legal hold at closure (still missing,
 * killed), never a clear retention period of its own.
 */
const Months = z.number().int().min(1).max(600);

export const RetentionPolicy = z.strictObject({
  /** Months kept after the month a case was closed. */
  closedMonths: Months,
  /** Months kept after the month a case was declared inadmissible. */
  inadmissibleMonths: Months,
  /** Days before expiry when supervisors see the case in the upcoming list. */
  warningDays: z.number().int().min(1).max(365),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { closedMonths: 24, inadmissibleMonths: 6, warningDays: 30 };

/** Threat types and closure outcomes that put a case on legal hold (DOMAIN.md: serious violations). */
export const LEGAL_HOLD_THREAT_TYPES = ['abduction_disappearance', 'killing_of_relative'] as const;
export const LEGAL_HOLD_OUTCOMES = ['still_missing', 'killed'] as const;

/** Why a supervisor keeps a case longer: a code, so that nothing written about the case sits in the clear. */
export const RETENTION_EXTENSION_REASONS = ['legal_proceedings', 'defender_request', 'ongoing_risk', 'investigation', 'partner_follow_up'] as const;
export const RetentionExtensionReason = z.enum(RETENTION_EXTENSION_REASONS);
export type RetentionExtensionReason = z.infer<typeof RetentionExtensionReason>;

export const RetentionExtension = z.strictObject({
  until: z.iso.date(),
  reason: RetentionExtensionReason,
});
export type RetentionExtension = z.infer<typeof RetentionExtension>;

/** A supervisor's explicit confirmation that a case on legal hold may be purged once expired. */
export const PurgeConfirmation = z.strictObject({ confirm: z.literal(true) });
export type PurgeConfirmation = z.infer<typeof PurgeConfirmation>;

/** One case nearing (or past) expiry: clear index values only. */
export const UpcomingExpiry = z.strictObject({
  caseId: z.uuid(),
  reference: z.string(),
  status: z.enum(['closed', 'inadmissible']),
  expiresAt: z.iso.date(),
  legalHold: z.boolean(),
  purgeConfirmed: z.boolean(),
  extensionReason: RetentionExtensionReason.nullable(),
});
export type UpcomingExpiry = z.infer<typeof UpcomingExpiry>;

export const UpcomingExpiryList = z.strictObject({ items: z.array(UpcomingExpiry) });
export type UpcomingExpiryList = z.infer<typeof UpcomingExpiryList>;

/** What one purge run did: counts only. */
export const PurgeReport = z.strictObject({ purged: z.number().int(), held: z.number().int(), skipped: z.number().int() });
export type PurgeReport = z.infer<typeof PurgeReport>;
