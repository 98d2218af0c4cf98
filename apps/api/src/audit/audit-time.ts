import type { AuditEventInput } from './audit.service.js';

const HOUR_MS = 3_600_000;

/**
 * The time an audit row carries. A row about a case or a receipt, or one
 * written for the public side (actor null), keeps only the hour: set beside
 * an internet provider's records, a precise time would name who submitted
 * or followed up a case, and a staff member's first look at a new case
 * dates its arrival. The sequence number orders rows; other rows (sign-ins,
 * staff changes) keep their precise time.
 */
export function auditTimeOf(event: Pick<AuditEventInput, 'actorId' | 'targetType'>, now: Date): Date {
  const aboutACase = event.targetType === 'case' || event.targetType === 'receipt';
  if (event.actorId !== null && !aboutACase) return now;
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
}
