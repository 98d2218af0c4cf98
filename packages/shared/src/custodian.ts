import { z } from 'zod';

/*
 * Two-custodian operations: the last resort when no holder of a
 * case is left. One custodian asks, a second one completes; the escrow key is
 * rebuilt only during the second step. Nothing here ever carries key material.
 */

export const CUSTODIAN_OPERATION_KINDS = ['restore_user', 'grant_case', 'reseal_escrow', 'rotate_escrow'] as const;
export const CustodianOperationKind = z.enum(CUSTODIAN_OPERATION_KINDS);
export type CustodianOperationKind = z.infer<typeof CustodianOperationKind>;

/** How long a request waits for the second custodian. */
export const CUSTODIAN_REQUEST_LIFETIME_MS = 24 * 3_600_000;

/**
 * What the first custodian asks for: restore a user's cases after a password
 * reset, grant one case whose holders are all gone, or re-seal the escrow key
 * to the current custodians (after one joins or leaves).
 */
export const CustodianOperationRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('restore_user'), targetUserId: z.uuid() }),
  z.strictObject({ kind: z.literal('grant_case'), caseId: z.uuid(), targetUserId: z.uuid() }),
  z.strictObject({ kind: z.literal('reseal_escrow') }),
  /** a new escrow key pair; every case re-sealed to it, then the old key's grants and shares deleted (resumes if interrupted) */
  z.strictObject({ kind: z.literal('rotate_escrow') }),
]);
export type CustodianOperationRequest = z.infer<typeof CustodianOperationRequest>;

const Person = z.strictObject({ id: z.uuid(), name: z.string() });

/** A pending request as custodians see it: who asked, for what, until when. */
export const CustodianOperationView = z.strictObject({
  id: z.uuid(),
  kind: CustodianOperationKind,
  requestedBy: Person,
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  targetUser: Person.nullable(),
  caseId: z.uuid().nullable(),
  /** the case's reference (clear index, as quoted by phone), for grant_case */
  caseReference: z.string().nullable(),
  /** true when the signed-in custodian may take the second step (not the requester, holds a matching share) */
  canComplete: z.boolean(),
});
export type CustodianOperationView = z.infer<typeof CustodianOperationView>;

export const CustodianOperationList = z.strictObject({ items: z.array(CustodianOperationView) });
export type CustodianOperationList = z.infer<typeof CustodianOperationList>;

/** What the second step did. */
export const CustodianOperationResult = z.strictObject({
  id: z.uuid(),
  kind: CustodianOperationKind,
  completedAt: z.iso.datetime(),
  /** cases newly granted (restore_user, grant_case); cases re-sealed by this run (rotate_escrow) */
  casesGranted: z.number().int().min(0),
  /** cases that could not be granted (no escrow grant, tampered index or grant) */
  casesSkipped: z.number().int().min(0),
  /** shares written (reseal_escrow; rotate_escrow when it starts a new key, 0 when it resumes) */
  sharesSealed: z.number().int().min(0),
});
export type CustodianOperationResult = z.infer<typeof CustodianOperationResult>;

/** A drill: the custodian's key opened the outer layer of each share they hold, nothing more. */
export const CustodianDrillResult = z.strictObject({
  checkedAt: z.iso.datetime(),
  shares: z.number().int().min(0),
  opened: z.number().int().min(0),
  passed: z.boolean(),
  /** each share this custodian starts with, by the custodian who completes it: does its outer layer open with this key? */
  shareResults: z.array(z.strictObject({ innerCustodian: z.strictObject({ id: z.uuid(), name: z.string() }), opens: z.boolean() })),
  /** the pairs of custodians who can open the escrow today (every custodian's keys, not only this one's) */
  workingPairs: z.array(
    z.strictObject({ first: z.strictObject({ id: z.uuid(), name: z.string() }), second: z.strictObject({ id: z.uuid(), name: z.string() }) }),
  ),
});
export type CustodianDrillResult = z.infer<typeof CustodianDrillResult>;

export const CustodianDrillStatus = z.strictObject({
  custodians: z.array(
    z.strictObject({
      id: z.uuid(),
      name: z.string(),
      /** the last drill that passed, or null */
      lastDrillAt: z.iso.datetime().nullable(),
      /** when the next drill is due: the last passed one (or the enrolment) + CUSTODIAN_DRILL_INTERVAL_DAYS */
      dueAt: z.iso.datetime(),
    }),
  ),
});
export type CustodianDrillStatus = z.infer<typeof CustodianDrillStatus>;

/** The quarterly drill: each custodian proves their share still opens at least this often. */
export const CUSTODIAN_DRILL_INTERVAL_DAYS = 90;

/** A staff member as custodians pick them (restore after a password reset, grant an orphan case). */
export const CustodianPerson = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  /** signed in since their last reset: a certified key that cases can be sealed to */
  keysReady: z.boolean(),
  /** the last password reset an admin issued, or null */
  passwordResetAt: z.iso.datetime().nullable(),
});
export type CustodianPerson = z.infer<typeof CustodianPerson>;

export const CustodianPeople = z.strictObject({ items: z.array(CustodianPerson) });
export type CustodianPeople = z.infer<typeof CustodianPeople>;

/** A case reference as quoted by phone (`ABCD-2345`), case and dash forgiven. */
export const CaseReferenceLookup = z.strictObject({
  reference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/)
    .transform((value) => (value.includes('-') ? value : `${value.slice(0, 4)}-${value.slice(4)}`)),
});
export type CaseReferenceLookup = z.infer<typeof CaseReferenceLookup>;

/** The case a reference names, and how many active staff still hold it (custodians act only at zero). */
export const CustodianCaseFound = z.strictObject({
  caseId: z.uuid(),
  reference: z.string(),
  holdersLeft: z.number().int().min(0),
});
export type CustodianCaseFound = z.infer<typeof CustodianCaseFound>;

/** An escrow rotation under way (or interrupted): cases re-sealed to the new key so far, out of all cases sealed to the old one. */
export const EscrowRotationProgress = z.strictObject({
  rotating: z.boolean(),
  casesSealed: z.number().int().min(0),
  casesTotal: z.number().int().min(0),
});
export type EscrowRotationProgress = z.infer<typeof EscrowRotationProgress>;
