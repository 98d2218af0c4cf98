import { z } from 'zod';
import { boundedText } from './protection-request.js';
import { LEGAL_HOLD_OUTCOMES, LEGAL_HOLD_THREAT_TYPES } from './retention.js';

/*
 * Data-subject requests (Loi n°2013-015, DOMAIN.md): the person a case is
 * about asks to see, correct or erase it. The request is recorded as one
 * entry of the case's encrypted journal (`data_subject_request`); nothing of
 * it sits in the clear. Erasure is crypto-shredding of the whole case, and
 * needs a supervisor.
 */

export const DATA_SUBJECT_RIGHTS = ['access', 'rectification', 'erasure'] as const;
export const DataSubjectRight = z.enum(DATA_SUBJECT_RIGHTS);
export type DataSubjectRight = z.infer<typeof DataSubjectRight>;

/** How the requester proved who they are: their receipt, or a call-back to the safe contact recorded in the case. */
export const IDENTITY_CHECKS = ['receipt', 'verified_callback'] as const;
export const IdentityCheck = z.enum(IDENTITY_CHECKS);
export type IdentityCheck = z.infer<typeof IdentityCheck>;

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(max).optional());

/** What the journal entry holds (read leniently: the refinements below apply to new requests). */
export const DataSubjectRequestData = z.strictObject({
  right: DataSubjectRight,
  verifiedBy: IdentityCheck,
  note: optionalText(2000),
  /** Rectification only: the corrected information, in the person's words. The original stays in the case. */
  correction: optionalText(5000),
});
export type DataSubjectRequestData = z.infer<typeof DataSubjectRequestData>;

export const NewDataSubjectRequest = DataSubjectRequestData.superRefine((request, context) => {
  if (request.right === 'rectification' && !request.correction) {
    context.addIssue({ code: 'custom', path: ['correction'], message: 'correction_required' });
  }
  if (request.right !== 'rectification' && request.correction) {
    context.addIssue({ code: 'custom', path: ['correction'], message: 'correction_only_for_rectification' });
  }
});
export type NewDataSubjectRequest = z.infer<typeof NewDataSubjectRequest>;

/**
 * A supervisor's go-ahead for erasing the case now. `legalHoldConfirmed`
 * must be true, on purpose and separately, when the case concerns a serious
 * violation (legal hold): its evidence is then destroyed too.
 */
export const ErasureConfirmation = z.strictObject({
  confirm: z.literal(true),
  legalHoldConfirmed: z.boolean().default(false),
});
export type ErasureConfirmation = z.infer<typeof ErasureConfirmation>;

/**
 * The journal kinds an access export carries besides the request, the
 * thread and the rectifications: the decisions taken about the person
 * (status and outcome, protection measures). Internal working notes, risk
 * scores and assignments stay out: they are the team's, and some would
 * endanger sources.
 */
export const ACCESS_EXPORT_ENTRY_KINDS = ['status_changed', 'measure_added', 'measure_updated', 'data_subject_request'] as const;

/** A case concerns a serious violation (legal hold) by its threat types, or once closed by its outcome. */
export function legalHoldApplies(threatTypes: readonly string[], outcome?: string | null): boolean {
  const threats: readonly string[] = LEGAL_HOLD_THREAT_TYPES;
  const outcomes: readonly string[] = LEGAL_HOLD_OUTCOMES;
  return threatTypes.some((type) => threats.includes(type)) || (outcome !== undefined && outcome !== null && outcomes.includes(outcome));
}
