import type { PublicStatus } from '@mnpddh/shared';

/** What the clear index says of a case's progress (the receipt cannot open the case key: nothing else is readable here). */
export interface WorkflowState {
  readonly status: string;
  readonly riskLevel: string;
  readonly assignedTo: string | null;
  readonly firstContactDue: Date | null;
  readonly nextContactAt: Date | null;
  readonly measureDue: Date | null;
}

const CLOSED = new Set(['closed', 'inadmissible']);
const ACTING = new Set(['measures_in_progress', 'monitoring']);

/**
 * Where a case stands, in the words a defender needs, following the work
 * itself and not only the status staff set by hand: a planned call, or a
 * first contact owed by the person assigned, is "someone will call you";
 * planned measures are "actions under way"; an assessment or an assignment
 * is "being handled". Never an internal step, a name or a date.
 */
export function publicStatus(state: WorkflowState, now: Date): PublicStatus {
  if (CLOSED.has(state.status)) return 'closed';
  const callOwed = (state.nextContactAt !== null && state.nextContactAt > now) || (state.assignedTo !== null && state.firstContactDue !== null);
  if (callOwed) return 'call_planned';
  if (state.measureDue !== null || ACTING.has(state.status)) return 'measures';
  if (state.status !== 'received' || state.riskLevel !== 'unknown' || state.assignedTo !== null) return 'in_progress';
  return 'received';
}
