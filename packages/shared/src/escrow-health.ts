import { z } from 'zod';

/**
 * The escrow's health: which pairs of custodians can still open it. A pair
 * works while a share sealed to both of them still opens with their current
 * keys (a password reset gives a custodian a new key: their shares stop
 * opening until two others re-seal). Below this many working pairs, one more
 * lost custodian could lose the escrow: admins and supervisors see a loud
 * warning on every page, and an admin action that leads there asks first.
 */
export const ESCROW_MINIMUM_WORKING_PAIRS = 2;

const Person = z.strictObject({ id: z.uuid(), name: z.string() });

export const EscrowHealth = z.strictObject({
  /** an active escrow key exists */
  escrowExists: z.boolean(),
  custodians: z.array(
    Person.extend({
      /** in at least one working pair */
      working: z.boolean(),
      /** holds other roles too (a small team): the trade-off is in docs/SECURITY.md */
      otherRoles: z.boolean(),
    }),
  ),
  /** unordered pairs of custodians who can open the escrow together today */
  workingPairs: z.array(z.strictObject({ first: Person, second: Person })),
  /** fewer than ESCROW_MINIMUM_WORKING_PAIRS working pairs */
  warning: z.boolean(),
  /** no working pair at all: nobody can open the escrow any more */
  lost: z.boolean(),
  /** an active custodian's shares do not open (new key, or never sealed to them): two working custodians should run reseal_escrow */
  resealNeeded: z.boolean(),
});
export type EscrowHealth = z.infer<typeof EscrowHealth>;

/** What a password reset will do, shown before the admin confirms it. */
export const PasswordResetImpact = z.strictObject({
  /** the person's open sessions, ended at once */
  sessions: z.number().int().min(0),
  /** cases the person holds: their access ends at once (a supervisor, or two custodians, re-grants) */
  casesHeld: z.number().int().min(0),
  /** the person is a custodian: their escrow shares stop opening */
  custodian: z.boolean(),
  /** the escrow now and after the reset */
  escrowBefore: EscrowHealth,
  escrowAfter: EscrowHealth,
  /** the reset needs `escrowRiskAccepted: true`: it leaves fewer working pairs than the minimum, and fewer than now */
  escrowRiskToAccept: z.boolean(),
});
export type PasswordResetImpact = z.infer<typeof PasswordResetImpact>;

/** Confirms a password reset; the escrow risk must be accepted in so many words when the impact asks for it. */
export const PasswordResetRequest = z.strictObject({
  escrowRiskAccepted: z.boolean().optional(),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;
