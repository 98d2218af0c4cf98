import type { Env } from './config.schema.js';

/**
 * Response targets (DOMAIN.md): no Malian text fixes them, so they are
 * policy, configurable, with defaults drawn from mechanisms that publish
 * theirs — an unassigned urgent case is overdue after 1 h, first contact on
 * an urgent case within 2 h, the assessment of an ordinary case within 10 days.
 */
export interface ResponseTargets {
  readonly unassignedUrgentMs: number;
  readonly firstContactUrgentMs: number;
  readonly assessmentOrdinaryMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_RESPONSE_TARGETS: ResponseTargets = {
  unassignedUrgentMs: 1 * HOUR,
  firstContactUrgentMs: 2 * HOUR,
  assessmentOrdinaryMs: 10 * DAY,
};

export function responseTargetsOf(
  config: Pick<Env, 'TARGET_UNASSIGNED_URGENT_MINUTES' | 'TARGET_FIRST_CONTACT_HOURS' | 'TARGET_ASSESSMENT_DAYS'>,
): ResponseTargets {
  return {
    unassignedUrgentMs: config.TARGET_UNASSIGNED_URGENT_MINUTES * MINUTE,
    firstContactUrgentMs: config.TARGET_FIRST_CONTACT_HOURS * HOUR,
    assessmentOrdinaryMs: config.TARGET_ASSESSMENT_DAYS * DAY,
  };
}
