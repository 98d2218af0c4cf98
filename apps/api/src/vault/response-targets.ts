import type { OverdueTarget } from '@mnpddh/shared';
import { DEFAULT_RESPONSE_TARGETS, type ResponseTargets } from '../config/response-targets.js';

export { DEFAULT_RESPONSE_TARGETS, type ResponseTargets };

/**
 * Response targets (DOMAIN.md): policy with defaults
 * (config/response-targets.ts). An unassigned urgent case is overdue one
 * hour after it arrived; the first-contact and assessment deadlines are
 * written into the clear index when the case is created (triage-index.ts:
 * 2 h for an urgent case, 10 days for an ordinary one) and are overdue once
 * passed; after an assessment the same deadline is the reassessment date (a
 * day staff chose, not counted from the arrival); the measure deadline is
 * the earliest due day of the open measures. Closed and inadmissible cases
 * have no target.
 *
 * The clear index keeps the arrival to the hour only (hh:00), and so do the
 * deadlines counted from it. The precise arrival is inside the encrypted
 * categories: whoever holds the case counts from it. A scan that cannot read
 * the case (alerts, the list's counts) errs late instead: it takes the
 * arrival as the last instant of its hour (hh:59:59.999), so it never calls a
 * case overdue before its target has really passed — at worst 59 min 59 s
 * after.
 */
const CLOSED = new Set(['closed', 'inadmissible']);
const HOUR_MS = 3_600_000;
/** The latest instant inside the clear hour: where a scan that cannot read the case places the arrival. */
export const LATEST_IN_HOUR_MS = HOUR_MS - 1;

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

/**
 * The index's deadlines counted from the precise arrival (or, unknown, from
 * the end of its hour). A precise arrival outside its clear hour is not
 * believed: the index was written from the same instant.
 */
export function fromArrival<T extends TargetedIndex>(index: T, arrivedAt: Date | null = null): T {
  const offset = arrivedAt && withinHour(index.receivedAt, arrivedAt) ? arrivedAt.getTime() - index.receivedAt.getTime() : LATEST_IN_HOUR_MS;
  const shift = (date: Date | null) => (date ? new Date(date.getTime() + offset) : null);
  return {
    ...index,
    receivedAt: shift(index.receivedAt) as Date,
    firstContactDue: shift(index.firstContactDue),
    // Before the first assessment its deadline was counted from the arrival; after, it is a day staff chose.
    assessmentDue: index.riskLevel === 'unknown' ? shift(index.assessmentDue) : index.assessmentDue,
  };
}

/** The targets a case has missed at `now` (strictly after the deadline), counted from `arrivedAt` when the caller could read it. */
export function overdueTargets(
  index: TargetedIndex,
  now: Date,
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  arrivedAt: Date | null = null,
): OverdueTarget[] {
  if (CLOSED.has(index.status)) return [];
  const timed = fromArrival(index, arrivedAt);
  const at = now.getTime();
  const missed: OverdueTarget[] = [];
  if (timed.urgent && timed.assignedTo === null && at > timed.receivedAt.getTime() + targets.unassignedUrgentMs) missed.push('unassigned_urgent');
  if (timed.firstContactDue && at > timed.firstContactDue.getTime()) missed.push('first_contact');
  if (timed.assessmentDue && at > timed.assessmentDue.getTime()) missed.push(timed.riskLevel === 'unknown' ? 'assessment' : 'reassessment');
  if (timed.measureDue && at > timed.measureDue.getTime()) missed.push('measure');
  return missed;
}

function withinHour(hour: Date, instant: Date): boolean {
  const offset = instant.getTime() - hour.getTime();
  return offset >= 0 && offset < HOUR_MS;
}
