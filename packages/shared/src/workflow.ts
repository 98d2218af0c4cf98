import { z } from 'zod';
import { boundedText } from './protection-request.js';

/**
 * The case workflow (DOMAIN.md): received → under assessment → measures in
 * progress → monitoring → closed; or inadmissible. Referral to a partner is a
 * measure, not an end. One state machine for the API (which enforces it) and
 * the dashboard (which offers only what is allowed and says why not).
 */
export const CASE_STATUSES = ['received', 'under_assessment', 'measures_in_progress', 'monitoring', 'closed', 'inadmissible'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CLOSURE_OUTCOMES = [
  'released',
  'located',
  'relocated',
  'measures_completed_risk_reduced',
  'still_detained',
  'still_missing',
  'killed',
  'withdrew',
  'contact_lost',
] as const;
export const ClosureOutcome = z.enum(CLOSURE_OUTCOMES);
export type ClosureOutcome = z.infer<typeof ClosureOutcome>;

/** Where each status may go. Reopening a closed or inadmissible case goes back to assessment. */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['under_assessment', 'inadmissible'],
  under_assessment: ['measures_in_progress', 'monitoring', 'closed', 'inadmissible'],
  measures_in_progress: ['monitoring', 'closed'],
  monitoring: ['measures_in_progress', 'closed'],
  closed: ['under_assessment'],
  inadmissible: ['under_assessment'],
};

/** Every change of status says who (the session), when (the server) and why (here). */
export const StatusChange = z.strictObject({
  to: CaseStatus,
  reason: boundedText(2000).pipe(z.string().min(1)),
  /** Required to close. */
  outcome: ClosureOutcome.optional(),
  /** Closing needs a note that the defender was told. */
  defenderInformed: z.boolean().optional(),
  /** A supervisor closing a disappearance while the person is still missing says why here. */
  overrideReason: boundedText(2000).optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const TRANSITION_REFUSALS = ['not_a_next_step', 'outcome_required', 'defender_not_informed', 'disappearance_still_open', 'supervisor_only'] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

export interface TransitionContext {
  /** The case reports an abduction or enforced disappearance. */
  readonly disappearance: boolean;
  readonly actorIsSupervisor: boolean;
}

/** Null when the change is allowed, else why not. */
export function refuseTransition(from: CaseStatus, change: StatusChange, context: TransitionContext): TransitionRefusal | null {
  if (!TRANSITIONS[from].includes(change.to)) return 'not_a_next_step';
  if (from === 'closed' || from === 'inadmissible' || change.to === 'inadmissible') {
    if (!context.actorIsSupervisor) return 'supervisor_only';
  }
  const closing = closingRefusal(change);
  if (closing || change.to !== 'closed') return closing;
  // A disappearance stays open until the person's fate is known, unless a supervisor records why.
  if (context.disappearance && change.outcome === 'still_missing') {
    if (!context.actorIsSupervisor || !change.overrideReason) return 'disappearance_still_open';
  }
  return null;
}

/** What every closing needs whoever closes: an outcome, and the defender told. Null for any other change. */
export function closingRefusal(change: StatusChange): 'outcome_required' | 'defender_not_informed' | null {
  if (change.to !== 'closed') return null;
  if (!change.outcome) return 'outcome_required';
  if (change.defenderInformed !== true) return 'defender_not_informed';
  return null;
}

/** The next steps to offer in the dashboard. */
export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}
