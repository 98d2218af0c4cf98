import type { RetentionPolicy } from '@mnpddh/shared';

/** What expiry depends on: the clear index and the supervisors' decisions, nothing encrypted. */
export interface ExpiryInput {
  readonly status: string;
  readonly closedAt: Date | null;
  readonly extendedUntil: Date | null;
}

/**
 * When a closed case may be purged: the closure month is kept to its first
 * day, so the period runs from the first day of the month after it (never
 * less than the policy's months after the real closure); an extension only
 * ever postpones. Open cases (or a closed one without a month) never expire.
 */
export function expiryOf(input: ExpiryInput, policy: RetentionPolicy): Date | null {
  if (!input.closedAt) return null;
  const months = input.status === 'closed' ? policy.closedMonths : input.status === 'inadmissible' ? policy.inadmissibleMonths : null;
  if (months === null) return null;
  const base = new Date(Date.UTC(input.closedAt.getUTCFullYear(), input.closedAt.getUTCMonth() + 1 + months, 1));
  return input.extendedUntil && input.extendedUntil > base ? input.extendedUntil : base;
}

/** Within the warning window (or already past expiry). */
export function isNearing(expiry: Date, now: Date, policy: RetentionPolicy): boolean {
  return expiry.getTime() - now.getTime() <= policy.warningDays * 86_400_000;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
