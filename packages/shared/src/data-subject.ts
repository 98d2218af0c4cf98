import { z } from 'zod';
import type { Locale } from './locale.js';
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

export const DATA_SUBJECT_FIELD_MESSAGES: Record<Locale, Record<string, string>> = {
  fr: {
    correction_required: 'Indiquez la correction demandée par la personne.',
    correction_only_for_rectification: 'Une correction ne s’enregistre qu’avec une demande de rectification.',
    unknown_data_subject_request: 'Cette demande n’existe pas dans ce dossier, ou ne porte pas sur ce droit.',
    legal_hold_confirmation_required:
      'Ce dossier concerne une violation grave (conservation légale) : confirmez explicitement que ses preuves seront détruites.',
    case_changed: 'Le dossier a changé pendant votre confirmation : rechargez-le et recommencez.',
  },
  en: {
    correction_required: 'Give the correction the person asks for.',
    correction_only_for_rectification: 'A correction is recorded only with a rectification request.',
    unknown_data_subject_request: 'This request does not exist in this case, or is not about this right.',
    legal_hold_confirmation_required: 'This case concerns a serious violation (legal hold): confirm explicitly that its evidence will be destroyed.',
    case_changed: 'The case changed while you were confirming: reload it and start again.',
  },
};
