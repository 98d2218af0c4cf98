import { CUSTODIAN_DRILL_INTERVAL_DAYS } from '@mnpddh/shared';

/*
 * The quarterly custodian drill reminder, as pure decisions: when
 * a custodian's next drill is due, and whether any is overdue. The facts are
 * read by drill-facts.ts; the operational scan raises the reminder.
 */
const DAY_MS = 24 * 3_600_000;

export interface CustodianDrillFacts {
  /** When they last became a custodian (role given at invitation or later). */
  readonly enrolledAt: Date;
  /** Their last drill that passed, or null. */
  readonly lastDrillAt: Date | null;
}

/** One change of a person's roles, as the audit log keeps it: were they a custodian after it? */
export interface RoleChange {
  readonly at: Date;
  readonly custodian: boolean;
}

/** The last passed drill (or the enrolment, for someone who never passed one) plus the interval. */
export function drillDueAt(facts: CustodianDrillFacts, intervalDays = CUSTODIAN_DRILL_INTERVAL_DAYS): Date {
  return new Date((facts.lastDrillAt ?? facts.enrolledAt).getTime() + intervalDays * DAY_MS);
}

/** True when any custodian's last passed drill (or enrolment) is older than the interval. */
export function custodianDrillDue(now: Date, custodians: readonly CustodianDrillFacts[], intervalDays = CUSTODIAN_DRILL_INTERVAL_DAYS): boolean {
  return custodians.some((facts) => drillDueAt(facts, intervalDays).getTime() < now.getTime());
}

/**
 * When the person last became a custodian: the first change that gave them
 * the role after one without it. With no such record (an account seeded
 * outside the admin screens), their account's creation.
 */
export function enrolmentDate(changes: readonly RoleChange[], createdAt: Date): Date {
  let since: Date | null = null;
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (!change.custodian) since = null;
    else since ??= change.at;
  }
  return since ?? createdAt;
}
