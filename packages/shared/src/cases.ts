import { z } from 'zod';
import { DEFENDER_PROFILES, REGIONS, SPOKEN_LANGUAGES, THREAT_TYPES } from './reference.js';
import { CASE_STATUSES } from './workflow.js';
import { CaseAttachment, CaseEntryView, LegalBasisView, MeasureView } from './case-work.js';
import { INTAKE_CHANNELS } from './protection-request.js';
import { CaseLinkView, CollectiveSubject } from './case-links.js';
import { ConsentView } from './consent.js';
import { ReferralView } from './referrals.js';
import { AgendaEventView } from './agenda.js';
import { DocumentView } from './documents.js';

/**
 * The staff case list and case view. The list shows the clear
 * triage index (SECURITY.md) plus, for the cases the caller holds, the
 * region and threat types decrypted in memory; the view is the decrypted
 * case. No ciphertext, key id or MAC ever leaves the API.
 */

// The statuses of the triage index (prisma `CaseStatus`); the workflow's state machine names the same ones.
export const CaseListStatus = z.enum(CASE_STATUSES);
export type CaseListStatus = z.infer<typeof CaseListStatus>;

export const RISK_LEVELS = ['unknown', 'ordinary', 'extraordinary', 'extreme'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Which response target a case has missed (defaults: unassigned urgent 1 h, first contact 2 h, assessment 10 days). */
export const OVERDUE_TARGETS = ['unassigned_urgent', 'first_contact', 'assessment', 'reassessment', 'measure'] as const;
export const OverdueTarget = z.enum(OVERDUE_TARGETS);
export type OverdueTarget = z.infer<typeof OverdueTarget>;

export const CASE_ASSIGNMENTS = ['mine', 'anyone', 'unassigned'] as const;

/** A list of codes from a query string: repeated (`?region=a&region=b`) or comma-separated (`?region=a,b`). */
function codeList<T extends readonly [string, ...string[]]>(codes: T) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === '') return undefined;
      const parts = (Array.isArray(value) ? value : [value]).flatMap((part) => (typeof part === 'string' ? part.split(',') : [part]));
      return parts.map((part) => (typeof part === 'string' ? part.trim() : part)).filter((part) => part !== '');
    },
    z.array(z.enum(codes)).max(50).optional(),
  );
}

const queryBoolean = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean().optional());

/** A day (YYYY-MM-DD) or a full ISO date-time. */
const queryDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  // PostgreSQL has no year 0 and a bounded range: a plausible window, not a 500.
  .refine((value) => value.slice(0, 4) >= '1900' && value.slice(0, 4) <= '2199', { message: 'date_out_of_range' })
  .optional();

/** Filters and page of GET /api/cases, as a query string. */
export const CaseListQuery = z
  .strictObject({
    status: codeList(CASE_STATUSES),
    riskLevel: codeList(RISK_LEVELS),
    urgent: queryBoolean,
    assignment: z.enum(CASE_ASSIGNMENTS).optional(),
    receivedFrom: queryDate,
    receivedTo: queryDate,
    region: codeList([...REGIONS, 'unknown']),
    threatType: codeList(THREAT_TYPES),
    profile: codeList(DEFENDER_PROFILES),
    language: codeList(SPOKEN_LANGUAGES),
    /** Encrypted too: the call-me-back queue is channel=callback_request. */
    channel: codeList(INTAKE_CHANNELS),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => !q.receivedFrom || !q.receivedTo || new Date(q.receivedFrom) <= new Date(q.receivedTo), {
    message: 'receivedFrom must not be after receivedTo',
    path: ['receivedTo'],
  });
export type CaseListQuery = z.infer<typeof CaseListQuery>;

const isoOrNull = z.iso.datetime().nullable();

/** One row of the list: the clear index, the missed targets, and two decrypted categories for display. */
export const CaseSummary = z.strictObject({
  id: z.uuid(),
  reference: z.string(),
  status: CaseListStatus,
  urgent: z.boolean(),
  riskLevel: RiskLevel,
  /** The clear index's hour. */
  receivedAt: z.iso.datetime(),
  /** The precise arrival, decrypted for the caller (null when not decrypted or unknown); the deadlines below are counted from it then. */
  arrivedAt: isoOrNull,
  firstContactDue: isoOrNull,
  assessmentDue: isoOrNull,
  measureDue: isoOrNull,
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
  /** The person responsible can no longer open the case (after a password reset, say): a supervisor gives the access back. */
  assigneeLostAccess: z.boolean(),
  overdue: z.boolean(),
  overdueTargets: z.array(OverdueTarget),
  /** Decrypted for the caller, who holds the case; null when the case failed its integrity check. */
  region: z.string().nullable(),
  threatTypes: z.array(z.string()),
  channel: z.enum(INTAKE_CHANNELS).nullable(),
  /** The clear index or the encrypted categories failed their check: the case view will refuse it. */
  integrityFailed: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** The person responsible got their access to the case back. */
export const AssigneeAccessRestored = z.strictObject({ assigneeId: z.uuid() });
export type AssigneeAccessRestored = z.infer<typeof AssigneeAccessRestored>;

export const CaseList = z.strictObject({
  items: z.array(CaseSummary),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** Over every case matching the filters (not only this page). */
  counts: z.strictObject({
    byStatus: z.record(CaseListStatus, z.number().int().min(0)),
    urgent: z.number().int().min(0),
    overdue: z.number().int().min(0),
  }),
});
export type CaseList = z.infer<typeof CaseList>;

/** One thread entry: staff always appear as the protection team ("Équipe protection"), never by name. */
export const CaseThreadEntry = z.strictObject({
  seq: z.number().int(),
  from: z.enum(['defender', 'protection_team']),
  kind: z.enum(['message', 'details', 'consent', 'file', 'voice']),
  body: z.string(),
  fileId: z.uuid().optional(),
  at: z.iso.datetime(),
});
export type CaseThreadEntry = z.infer<typeof CaseThreadEntry>;

const Concern = z.record(z.string(), z.unknown());

export const CaseCategoriesView = z.strictObject({
  region: z.string(),
  /** Where the incidents happened (the filter and the statistics count both). */
  incidentRegions: z.array(z.string()).optional(),
  threatTypes: z.array(z.string()),
  perpetratorTypes: z.array(z.string()),
  profiles: z.array(z.string()),
  gender: z.string().optional(),
  languages: z.array(z.string()),
  channel: z.enum(INTAKE_CHANNELS).optional(),
  /** Kept with the categories for the statistics counters (codes and a number only). */
  ageGroup: z.string().optional(),
  disability: z.string().optional(),
  measuresRequested: z.array(z.string()).optional(),
  measuresConsented: z.array(z.string()).optional(),
  peopleAtRisk: z.number().int().min(0).optional(),
  /** The urgency counted at intake (details added later move the counters from it). */
  urgentAtIntake: z.boolean().optional(),
  /** The precise arrival (the clear index keeps the hour only). */
  arrivedAt: z.iso.datetime().optional(),
});
export type CaseCategoriesView = z.infer<typeof CaseCategoriesView>;

/** The decrypted case, by concern (each read is audited). */
export const CaseDetail = z.strictObject({
  id: z.uuid(),
  index: z.strictObject({
    reference: z.string(),
    status: CaseListStatus,
    urgent: z.boolean(),
    riskLevel: RiskLevel,
    receivedAt: z.iso.datetime(),
    arrivedAt: isoOrNull,
    firstContactDue: isoOrNull,
    assessmentDue: isoOrNull,
    nextContactAt: isoOrNull,
    measureDue: isoOrNull,
    assignedTo: z.uuid().nullable(),
    assignedToName: z.string().nullable(),
    assigneeLostAccess: z.boolean(),
    overdue: z.boolean(),
    overdueTargets: z.array(OverdueTarget),
  }),
  /** People at risk: who asked, the defender, others at risk. */
  identity: Concern,
  contact: Concern,
  narrative: z.string(),
  /** Urgency, place, incidents, help asked, consent. */
  situation: Concern,
  categories: CaseCategoriesView,
  thread: z.array(CaseThreadEntry),
  /** The latest journal entries staff recorded (at most JOURNAL_PAGE_SIZE), oldest first; the timeline merges them with the thread. */
  entries: z.array(CaseEntryView),
  /** Where the older entries start (GET /api/cases/:id/entries?before=…); null when the page reaches the first entry. */
  olderEntriesBefore: z.number().int().min(2).nullable(),
  /** Folded by the server from the whole journal, so that the page needs none of the entries it does not show. */
  documents: z.array(DocumentView),
  agendaEvents: z.array(AgendaEventView),
  /** The data-subject requests recorded, newest first. */
  dataSubjectRequests: z.array(CaseEntryView),
  /** The outcome of the latest closure (the legal hold depends on it); null if never closed. */
  closingOutcome: z.string().nullable(),
  /** The current assessment (latest entry), measures and legal bases, folded from the entries. */
  measures: z.array(MeasureView),
  legalBases: z.array(LegalBasisView),
  /** Consents per disclosure, folded from the entries and the defender's withdrawals in the thread. */
  consents: z.array(ConsentView),
  referrals: z.array(ReferralView),
  /** Active links to other cases (the other's status only when the caller holds it), and the collective subject this case is the file of. */
  links: z.array(CaseLinkView),
  collectiveSubject: CollectiveSubject.nullable(),
  attachments: z.array(CaseAttachment),
  /** The caller may assign (a supervisor, or on call). */
  canAssign: z.boolean(),
  /** The caller's own encrypted draft of a note, if any. */
  draft: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** How many of the latest journal entries a case view carries; older ones come a page at a time. */
export const JOURNAL_PAGE_SIZE = 50;

/** GET /api/cases/:id/entries?before=seq: the entries just before that sequence number (without it: the latest). */
export const JournalPageQuery = z.strictObject({
  before: z.coerce
    .number()
    .int()
    .min(2)
    .max(2 ** 31 - 1)
    .optional(),
});
export type JournalPageQuery = z.infer<typeof JournalPageQuery>;

/** A page of older journal entries, oldest first, and where the next older page starts (null: none left). */
export const JournalPage = z.strictObject({
  entries: z.array(CaseEntryView),
  olderEntriesBefore: z.number().int().min(2).nullable(),
});
export type JournalPage = z.infer<typeof JournalPage>;
