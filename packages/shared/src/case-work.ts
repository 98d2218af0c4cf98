import { z } from 'zod';
import { AgendaEventCancellation, NewAgendaEvent } from './agenda.js';
import { CaseLinkedData, CaseUnlinkedData, CollectiveSubject } from './case-links.js';
import { DataSubjectRequestData } from './data-subject.js';
import { ConsentConfirmation, ConsentStaffWithdrawal, DisclosableField, DisclosureException, NewConsent } from './consent.js';
import { ReferralAnswer } from './referrals.js';
import { DocumentApproved, DocumentDrafted, DocumentIssued } from './documents.js';
import { boundedText, RequestDetails } from './protection-request.js';
import { PROTECTION_MEASURES } from './reference.js';
import { StatusChange } from './workflow.js';

/*
 * What staff write on a case: each write is one entry of the
 * case's journal, encrypted under the case key, covered by the case
 * manifest, and shown on the timeline. The current assessment, measures and
 * legal bases are folded from the journal; nothing is overwritten.
 */

const note = (max = 2000) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(max).optional());

/** A day (YYYY-MM-DD). */
// Bounded: PostgreSQL has no year 0 and stores no year beyond 294276 (the hostile corpus found a 500 for 0000-01-01).
const Day = z.iso.date().refine((day) => day >= '1900-01-01' && day <= '2199-12-31', { message: 'date_out_of_range' });

// ---- first contact and contact attempts --------------------------------

export const CONTACT_CHANNELS = ['phone', 'signal', 'whatsapp', 'sms', 'email', 'in_person', 'trusted_person'] as const;
export const CONTACT_RESULTS = ['reached', 'no_answer', 'phone_off', 'wrong_number', 'message_left', 'unsafe_to_talk'] as const;

/** A contact attempt: when, how, the result. "Reached" meets the first-contact target. */
export const ContactAttempt = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  result: z.enum(CONTACT_RESULTS),
  /** Defaults to now; never in the future. */
  at: z.iso.datetime({ offset: true }).optional(),
  note: note(),
  /** The next planned contact (the agenda's next-contact date). */
  nextContactOn: Day.optional(),
});
export type ContactAttempt = z.infer<typeof ContactAttempt>;

// ---- risk assessment ----------------------------------------------------

export const ASSESSED_RISK_LEVELS = ['ordinary', 'extraordinary', 'extreme'] as const;
export const AssessedRiskLevel = z.enum(ASSESSED_RISK_LEVELS);
export type AssessedRiskLevel = z.infer<typeof AssessedRiskLevel>;

/** One factor scored 1 (low) to 5 (high), with a short note. */
export const RiskFactor = z.strictObject({
  score: z.number().int().min(1).max(5),
  note: note(1000),
});

/**
 * Risk = threats × vulnerabilities ÷ capacities (DOMAIN.md). Thresholds are
 * policy, seeded here: below 4 ordinary, below 10 extraordinary, else extreme
 * (e.g. threats 4, vulnerabilities 3, capacities 1 → 12, extreme).
 */
export const RISK_THRESHOLDS = { extraordinary: 4, extreme: 10 } as const;

export function riskScore(threats: number, vulnerabilities: number, capacities: number): number {
  return (threats * vulnerabilities) / capacities;
}

export function suggestRiskLevel(threats: number, vulnerabilities: number, capacities: number): AssessedRiskLevel {
  const score = riskScore(threats, vulnerabilities, capacities);
  if (score >= RISK_THRESHOLDS.extreme) return 'extreme';
  if (score >= RISK_THRESHOLDS.extraordinary) return 'extraordinary';
  return 'ordinary';
}

export const RiskAssessmentInput = z
  .strictObject({
    threats: RiskFactor,
    vulnerabilities: RiskFactor,
    capacities: RiskFactor,
    /** The level staff confirm; differing from the suggestion needs a written reason. */
    level: AssessedRiskLevel,
    overrideReason: note(),
    /** The urgent procedure: life or physical integrity in imminent danger. */
    urgentProcedure: z.boolean(),
    reassessmentDue: Day,
  })
  .superRefine((input, context) => {
    const suggested = suggestRiskLevel(input.threats.score, input.vulnerabilities.score, input.capacities.score);
    if (input.level !== suggested && !input.overrideReason) {
      context.addIssue({ code: 'custom', path: ['overrideReason'], message: 'override_reason_required' });
    }
  });
export type RiskAssessmentInput = z.infer<typeof RiskAssessmentInput>;

// ---- legal bases ----------------------------------------------------------

export const LegalBasisCitation = z.strictObject({
  /** A code of the legal-basis reference list. */
  basis: z.string().regex(/^[a-z0-9_]{1,60}$/),
  note: note(),
});
export type LegalBasisCitation = z.infer<typeof LegalBasisCitation>;

export const LegalBasisWithdrawal = z.strictObject({
  citationId: z.uuid(),
  reason: boundedText(2000).pipe(z.string().min(1)),
});
export type LegalBasisWithdrawal = z.infer<typeof LegalBasisWithdrawal>;

// ---- protection measures --------------------------------------------------

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

export const NewMeasure = z.strictObject({
  measure: z.enum(PROTECTION_MEASURES),
  /** The staff member who carries it out. */
  ownerId: z.uuid().nullable().default(null),
  due: Day.nullable().default(null),
  status: MeasureStatus.default('planned'),
  notes: note(),
});
export type NewMeasure = z.infer<typeof NewMeasure>;

export const MeasureUpdate = z
  .strictObject({
    ownerId: z.uuid().nullable().optional(),
    due: Day.nullable().optional(),
    status: MeasureStatus.optional(),
    notes: note(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: 'nothing_to_change' });
export type MeasureUpdate = z.infer<typeof MeasureUpdate>;

// ---- assignment and notes -------------------------------------------------

export const Assignment = z.strictObject({ assigneeId: z.uuid() });
export type Assignment = z.infer<typeof Assignment>;

/** Several cases handed to one person at once (a caseworker arrested, on leave): each assigned, and granted, on its own. */
export const BulkReassignment = z.strictObject({ caseIds: z.array(z.uuid()).min(1).max(100), assigneeId: z.uuid() });
export type BulkReassignment = z.infer<typeof BulkReassignment>;
/** Which cases went to the person, and which were refused, each with its reason in the caller's language. */
export const BulkReassignmentResult = z.strictObject({
  assigned: z.array(z.uuid()),
  refused: z.array(z.strictObject({ caseId: z.uuid(), reason: z.string(), message: z.string() })),
});
export type BulkReassignmentResult = z.infer<typeof BulkReassignmentResult>;

export const CaseNote = z.strictObject({ body: boundedText(10_000).pipe(z.string().min(1)) });
export type CaseNote = z.infer<typeof CaseNote>;

/** A note being typed, kept encrypted so a timeout loses nothing (one per person and case). */
export const CaseDraft = z.strictObject({ body: boundedText(10_000) });
export type CaseDraft = z.infer<typeof CaseDraft>;

/** A message to the defender, signed "Équipe protection" on their side. */
export const StaffMessage = z.strictObject({ body: boundedText(5000).pipe(z.string().min(1)) });
export type StaffMessage = z.infer<typeof StaffMessage>;

// ---- the journal as the case view shows it --------------------------------

/**
 * Details the defender added later through a receipt, merged into the case by
 * a holder: the thread message they came in, when the defender sent them
 * (precise, kept encrypted), and what they said.
 */
export const DetailsAdded = z.strictObject({
  threadSeq: z.number().int().min(1),
  addedAt: z.iso.datetime(),
  details: RequestDetails,
});
export type DetailsAdded = z.infer<typeof DetailsAdded>;

export const CASE_ENTRY_KINDS = [
  'status_changed',
  'contact_attempt',
  'risk_assessed',
  'legal_basis_cited',
  'legal_basis_withdrawn',
  'measure_added',
  'measure_updated',
  'assigned',
  'note',
  'agenda_event',
  'agenda_event_cancelled',
  'case_linked',
  'case_unlinked',
  'collective_subject',
  'data_subject_request',
  'consent_recorded',
  'consent_confirmed',
  'consent_withdrawn',
  'disclosure_exception',
  'referral_sent',
  'referral_answered',
  'document_drafted',
  'document_approved',
  'document_issued',
  'details_added',
] as const;
export type CaseEntryKind = (typeof CASE_ENTRY_KINDS)[number];

const Author = z.strictObject({ id: z.uuid(), name: z.string() });

const entry = <K extends CaseEntryKind, D extends z.ZodType>(kind: K, data: D) =>
  z.strictObject({ id: z.uuid(), seq: z.number().int().min(1), at: z.iso.datetime(), author: Author, kind: z.literal(kind), data });

export const CaseEntryView = z.discriminatedUnion('kind', [
  entry('status_changed', StatusChange.extend({ from: StatusChange.shape.to })),
  entry('contact_attempt', ContactAttempt.extend({ at: z.iso.datetime() })),
  entry('risk_assessed', z.object({ ...RiskAssessmentInput.shape, suggested: AssessedRiskLevel, score: z.number() })),
  entry('legal_basis_cited', LegalBasisCitation),
  entry('legal_basis_withdrawn', LegalBasisWithdrawal),
  entry('measure_added', NewMeasure.extend({ measureId: z.uuid() })),
  entry('measure_updated', z.object({ ...MeasureUpdate.shape, measureId: z.uuid() })),
  entry('assigned', z.strictObject({ assigneeId: z.uuid(), assigneeName: z.string() })),
  entry('note', CaseNote),
  entry('agenda_event', NewAgendaEvent),
  entry('agenda_event_cancelled', AgendaEventCancellation.extend({ eventId: z.uuid() })),
  entry('case_linked', CaseLinkedData),
  entry('case_unlinked', CaseUnlinkedData),
  entry('collective_subject', CollectiveSubject),
  entry('data_subject_request', DataSubjectRequestData),
  entry('consent_recorded', NewConsent.extend({ consentId: z.uuid() })),
  entry('consent_confirmed', ConsentConfirmation.extend({ consentId: z.uuid() })),
  entry('consent_withdrawn', ConsentStaffWithdrawal.extend({ consentId: z.uuid() })),
  entry('disclosure_exception', DisclosureException),
  entry(
    'referral_sent',
    z.strictObject({ referralId: z.uuid(), partnerId: z.uuid(), partnerName: z.string(), fields: z.array(DisclosableField), note: z.string().optional() }),
  ),
  entry('referral_answered', ReferralAnswer.extend({ referralId: z.uuid() })),
  entry('document_drafted', DocumentDrafted),
  entry('document_approved', DocumentApproved),
  entry('document_issued', DocumentIssued),
  entry('details_added', DetailsAdded),
]);
export type CaseEntryView = z.infer<typeof CaseEntryView>;

/** A measure as it stands after every update. */
export const MeasureView = z.strictObject({
  id: z.uuid(),
  measure: z.enum(PROTECTION_MEASURES),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  due: Day.nullable(),
  status: MeasureStatus,
  notes: z.string().optional(),
  overdue: z.boolean(),
});
export type MeasureView = z.infer<typeof MeasureView>;

export const LegalBasisView = z.strictObject({
  citationId: z.uuid(),
  basis: z.string(),
  note: z.string().optional(),
});
export type LegalBasisView = z.infer<typeof LegalBasisView>;

/** A staff member a case can be assigned to (certified key, active). */
export const Assignee = z.strictObject({ id: z.uuid(), name: z.string(), roles: z.array(z.string()), onCall: z.boolean() });
export type Assignee = z.infer<typeof Assignee>;

/** An attachment of the case or of the thread: downloaded as an attachment, never shown inline. */
export const CaseAttachment = z.strictObject({
  id: z.uuid(),
  source: z.enum(['request', 'thread']),
  name: z.string(),
  type: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
  at: z.iso.datetime(),
});
export type CaseAttachment = z.infer<typeof CaseAttachment>;

/** What a write to a case's journal answers: the entry's id and its number in the case (the page reloads from it). */
export const Written = z.strictObject({ id: z.uuid(), seq: z.number().int() });
export type Written = z.infer<typeof Written>;
