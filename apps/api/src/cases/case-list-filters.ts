import type { CaseListQuery } from '@mnpddh/shared';
import type { Prisma } from '../generated/prisma/client.js';
import type { CaseCategories } from '../vault/case-content.js';

const DAY_MS = 86_400_000;

/**
 * The filters the clear triage index answers in SQL. Who holds the case is
 * not among them: the repository adds the caller's grant to whatever this
 * returns, so no filter can widen the list.
 */
export function clearFiltersOf(readerId: string, query: CaseListQuery): Prisma.ProtectionCaseWhereInput {
  const where: Prisma.ProtectionCaseWhereInput = {};
  if (query.status?.length) where.status = { in: query.status };
  if (query.riskLevel?.length) where.riskLevel = { in: query.riskLevel };
  if (query.urgent !== undefined) where.urgent = query.urgent;
  if (query.assignment === 'mine') where.assignedTo = readerId;
  if (query.assignment === 'unassigned') where.assignedTo = null;
  if (query.receivedFrom || query.receivedTo) {
    where.receivedAt = {
      ...(query.receivedFrom ? { gte: new Date(query.receivedFrom) } : {}),
      ...(query.receivedTo ? { lt: endOf(query.receivedTo) } : {}),
    };
  }
  return where;
}

/** A day is inclusive (up to the next midnight UTC); a date-time is exact. */
function endOf(value: string): Date {
  const date = new Date(value);
  return value.length === 10 ? new Date(date.getTime() + DAY_MS) : new Date(date.getTime() + 1);
}

/** Filters on what only the encrypted categories hold: every held case must then be decrypted, not only the page. */
export function hasEncryptedFilter(query: CaseListQuery): boolean {
  return Boolean(query.region?.length || query.threatType?.length || query.profile?.length || query.language?.length || query.channel?.length);
}

/** Each list filters with OR inside, AND across lists. */
export function matchesCategories(categories: CaseCategories, query: CaseListQuery): boolean {
  const any = (wanted: readonly string[] | undefined, have: readonly string[] | undefined) =>
    !wanted?.length || (have ?? []).some((value) => wanted.includes(value));
  return (
    any(query.region, regionsInvolved(categories)) &&
    any(query.threatType, categories.threatTypes) &&
    any(query.profile, categories.profiles) &&
    any(query.language, categories.languages) &&
    any(query.channel, [categories.channel ?? 'web'])
  );
}

/** The region filter finds a case by where the defender is and by where each incident happened. */
function regionsInvolved(categories: CaseCategories): string[] {
  return [categories.region, ...(categories.incidentRegions ?? [])];
}
