import { z } from 'zod';
import { boundedText } from './protection-request.js';

/**
 * Revocation for cause (SECURITY.md): when a staff member is
 * arrested, leaves, or their account is compromised — or a receipt is known
 * to be in the wrong hands — removing grants stops future access only. The
 * affected cases are re-keyed: new case and thread keys, every ciphertext
 * re-encrypted, file keys re-wrapped, receipts re-sealed, so a copy of an
 * old grant or thread key opens nothing written from then on.
 */
export const REVOCATION_REASONS = ['arrested', 'departed', 'compromised'] as const;
export const RevocationReason = z.enum(REVOCATION_REASONS);
export type RevocationReason = z.infer<typeof RevocationReason>;

/** A supervisor revokes a staff member for cause: their access ends now and every case they held is re-keyed. */
export const RevocationForCause = z.strictObject({
  staffId: z.uuid(),
  reason: RevocationReason,
  note: boundedText(1000).optional(),
});
export type RevocationForCause = z.infer<typeof RevocationForCause>;

export const CASE_REKEY_REASONS = ['receipt_compromised', 'key_exposed'] as const;

/** One case re-keyed on its own (e.g. a receipt taken under coercion, after revoking it). */
export const CaseRekeyRequest = z.strictObject({ reason: z.enum(CASE_REKEY_REASONS) });
export type CaseRekeyRequest = z.infer<typeof CaseRekeyRequest>;

/** A re-keying job: counts only, never which cases. */
export const RekeyJobView = z.strictObject({
  id: z.uuid(),
  reason: z.enum([...REVOCATION_REASONS, ...CASE_REKEY_REASONS]),
  revokedStaffId: z.uuid().nullable(),
  /** Names beside the ids: whoever reads the list need not look people up. */
  revokedStaffName: z.string().nullable(),
  requestedBy: z.uuid(),
  requestedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  casesTotal: z.number().int().min(0),
  /** Cases still to re-key: the caller does not hold them (a supervisor or two custodians must), or the job was interrupted. */
  casesLeft: z.number().int().min(0),
});
export type RekeyJobView = z.infer<typeof RekeyJobView>;
