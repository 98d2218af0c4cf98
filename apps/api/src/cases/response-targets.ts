import type { OverdueTarget } from '@mnpddh/shared';
import { DEFAULT_RESPONSE_TARGETS, type ResponseTargets } from '../config/response-targets.js';

export { DEFAULT_RESPONSE_TARGETS, type ResponseTargets };

/**
 * Response targets (DOMAIN.md): policy with defaults
 * (config/response-targets.ts). An unassigned urgent case is overdue one
 * hour after receipt; the first-contact and
 * assessment deadlines are written into the clear index when the case is
 * created (triage-index.ts: 2 h for an urgent case, 10 days for an ordinary
 * one) and are overdue once passed; after an assessment the same deadline is
 * the reassessment date; the measure deadline is the earliest due day of the
 * open measures. Closed and inadmissible cases have no
 * target. Everything is computed from the clear index at request time.
 */
const CLOSED = new Set(['closed', 'inadmissible']);

export interface TargetedIndex {
  status: string;
  urgent: boolean;
  riskLevel: string;
  receivedAt: Date;
  firstContactDue: Date | null;
  assessmentDue: Date | null;
  measureDue?: Date | null;
  assignedTo: string | null;
}

/** The targets a case has missed at `now` (strictly after the deadline). */
export function overdueTargets(index: TargetedIndex, now: Date, targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS): OverdueTarget[] {
  if (CLOSED.has(index.status)) return [];
  const at = now.getTime();
  const missed: OverdueTarget[] = [];
  if (index.urgent && index.assignedTo === null && at > index.receivedAt.getTime() + targets.unassignedUrgentMs) missed.push('unassigned_urgent');
  if (index.firstContactDue && at > index.firstContactDue.getTime()) missed.push('first_contact');
  if (index.assessmentDue && at > index.assessmentDue.getTime()) missed.push(index.riskLevel === 'unknown' ? 'assessment' : 'reassessment');
  if (index.measureDue && at > index.measureDue.getTime()) missed.push('measure');
  return missed;
}
