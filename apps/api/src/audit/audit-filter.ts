import { AuditQuery, ExportFormat } from '@mnpddh/shared';
import type { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';

/** The list's filters without its paging, plus the file format: what an export takes. */
export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat.default('csv') });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export type AuditFilters = Pick<AuditQuery, 'action' | 'actorId' | 'from' | 'to'>;

const DAY_MS = 86_400_000;

/** Filters as a query: `from` and `to` are whole days (UTC), both included. */
export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) at.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS);
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.from || filters.to ? { at } : {}),
  };
}

/** The filters actually set, for an export's metadata and its audit record (no values from the log). */
export function filtersInUse(filters: AuditFilters): Record<string, string> {
  const entries = (['action', 'actorId', 'from', 'to'] as const).flatMap((key) => (filters[key] ? [[key, filters[key]] as const] : []));
  return Object.fromEntries(entries);
}
