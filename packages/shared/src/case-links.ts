import { z } from 'zod';
import type { RiskLevel } from './cases.js';
import { boundedText } from './protection-request.js';
import { CASE_STATUSES } from './workflow.js';

/*
 * Linked and collective cases. Three reports about the same
 * abduction, two requests for the same person, the members of one
 * organisation: staff link the cases, each link with a reason. A link is one
 * journal entry in EACH of the two cases (written together or not at all),
 * encrypted under each case key: nothing about the link sits in the clear.
 * A collective subject (an organisation, a radio station, a community) is a
 * case of its own, marked by a `collective_subject` entry: it has its own
 * risk assessment and measures, and the individual cases join it with the
 * relation `member_of_collective`.
 */

export const CASE_LINK_RELATIONS = ['same_incident', 'same_person', 'same_organisation', 'member_of_collective'] as const;
export const CaseLinkRelation = z.enum(CASE_LINK_RELATIONS);
export type CaseLinkRelation = z.infer<typeof CaseLinkRelation>;

export const COLLECTIVE_SUBJECT_KINDS = ['organisation', 'media', 'community', 'other'] as const;
export const CollectiveSubjectKind = z.enum(COLLECTIVE_SUBJECT_KINDS);
export type CollectiveSubjectKind = z.infer<typeof CollectiveSubjectKind>;

/** The reference staff quote (e.g. "7K3M-Q9TX"): 8 characters of an alphabet without 0/O, 1/I. */
export const CASE_REFERENCE_PATTERN = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Typed as read over the phone: lower case, spaces or no hyphen are accepted and put back in the listed form. */
export const CaseReference = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const compact = value.replace(/[\s-]/g, '').toUpperCase();
    return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : value.trim();
  },
  z.string().regex(CASE_REFERENCE_PATTERN, { message: 'reference_format' }),
);

const reason = boundedText(2000).pipe(z.string().min(1, { message: 'reason_required' }));
const note = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(2000).optional());

/** POST /api/cases/:id/links — the other case by its reference (as staff quote it) or its id; the caller must hold both. */
export const CaseLinkInput = z
  .strictObject({
    otherReference: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), CaseReference.optional()),
    otherCaseId: z.uuid().optional(),
    relation: CaseLinkRelation,
    reason,
  })
  .refine((input) => Boolean(input.otherReference) !== Boolean(input.otherCaseId), { path: ['otherReference'], message: 'link_target_required' });
export type CaseLinkInput = z.infer<typeof CaseLinkInput>;

/** POST /api/cases/:id/links/:linkId/unlink — both journals record it, with the reason. */
export const CaseUnlinkInput = z.strictObject({ reason });
export type CaseUnlinkInput = z.infer<typeof CaseUnlinkInput>;

/** POST /api/cases/:id/collective-subject — marks (or corrects) the case as the file of a collective subject. */
export const CollectiveSubject = z.strictObject({
  kind: CollectiveSubjectKind,
  name: boundedText(200).pipe(z.string().min(1)),
  note,
});
export type CollectiveSubject = z.infer<typeof CollectiveSubject>;

/** The journal entry `case_linked`, as each of the two cases holds it (the other case named from that side). */
export const CaseLinkedData = z.strictObject({
  linkId: z.uuid(),
  otherCaseId: z.uuid(),
  otherReference: z.string(),
  relation: CaseLinkRelation,
  reason: z.string(),
  /** For `member_of_collective`: which of the two cases is the collective subject. */
  collectiveCaseId: z.uuid().optional(),
});
export type CaseLinkedData = z.infer<typeof CaseLinkedData>;

/** The journal entry `case_unlinked`, in both cases. */
export const CaseUnlinkedData = z.strictObject({
  linkId: z.uuid(),
  otherCaseId: z.uuid(),
  otherReference: z.string(),
  reason: z.string(),
});
export type CaseUnlinkedData = z.infer<typeof CaseUnlinkedData>;

// A type-only import of cases.ts keeps the module graph acyclic (cases.ts imports this file).
const OTHER_RISK_LEVELS = ['unknown', 'ordinary', 'extraordinary', 'extreme'] as const satisfies readonly RiskLevel[];

/** The other case's clear index, shown only when the caller holds it (and its index row is intact). */
export const LinkedCaseIndex = z.strictObject({
  status: z.enum(CASE_STATUSES),
  urgent: z.boolean(),
  riskLevel: z.enum(OTHER_RISK_LEVELS),
});
export type LinkedCaseIndex = z.infer<typeof LinkedCaseIndex>;

/** An active link of the case view. */
export const CaseLinkView = z.strictObject({
  linkId: z.uuid(),
  otherCaseId: z.uuid(),
  otherReference: z.string(),
  relation: CaseLinkRelation,
  reason: z.string(),
  collectiveCaseId: z.uuid().nullable(),
  at: z.iso.datetime(),
  authorName: z.string(),
  /** null: the caller no longer holds the other case (or its index failed its check). */
  other: LinkedCaseIndex.nullable(),
});
export type CaseLinkView = z.infer<typeof CaseLinkView>;

export const CaseLinkWritten = z.strictObject({ linkId: z.uuid(), otherCaseId: z.uuid() });
export type CaseLinkWritten = z.infer<typeof CaseLinkWritten>;
