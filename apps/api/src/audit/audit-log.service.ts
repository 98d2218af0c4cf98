import { Injectable } from '@nestjs/common';
import type { AuditEventPage, AuditEventView, AuditQuery } from '@mnpddh/shared';
import { PrismaService } from '../database/prisma.service.js';
import { auditWhere, type AuditFilters } from './audit-filter.js';
import { AuditRepository, type AuditRow } from './audit.repository.js';

/** Rows an export reads at a time: memory stays flat whatever the log's length. */
const EXPORT_BATCH = 500;

export type ExportedEvent = AuditEventView & { readonly prevHash: string; readonly hash: string };

/** Reading the audit log: a filtered page, or every matching event in chain order for an export. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: AuditRepository,
  ) {}

  async page(query: AuditQuery): Promise<AuditEventPage> {
    const where = auditWhere(query);
    const [rows, total] = await Promise.all([
      this.repository.page(this.prisma, where, (query.page - 1) * query.pageSize, query.pageSize),
      this.repository.count(this.prisma, where),
    ]);
    return { items: await this.views(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every matching event, oldest first, a batch at a time, with its hashes (to check a copy off the server). */
  async *batches(filters: AuditFilters): AsyncGenerator<ExportedEvent[]> {
    const where = auditWhere(filters);
    let after = 0n;
    for (;;) {
      const rows = await this.repository.list(this.prisma, after, EXPORT_BATCH, where);
      const last = rows.at(-1);
      if (!last) return;
      const views = await this.views(rows);
      yield views.map((view, index) => ({ ...view, prevHash: rows[index]?.prevHash ?? '', hash: rows[index]?.hash ?? '' }));
      if (rows.length < EXPORT_BATCH) return;
      after = last.seq;
    }
  }

  private async views(rows: AuditRow[]): Promise<AuditEventView[]> {
    const names = await this.actorNames(rows);
    return rows.map((row) => eventView(row, row.actorId === null ? null : (names.get(row.actorId) ?? null)));
  }

  private async actorNames(rows: AuditRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((row) => (row.actorId === null ? [] : [row.actorId])))];
    if (ids.length === 0) return new Map();
    return this.repository.findActorNames(this.prisma, ids);
  }
}

function eventView(row: AuditRow, actorName: string | null): AuditEventView {
  const details = row.details !== null && typeof row.details === 'object' && !Array.isArray(row.details) ? row.details : {};
  return {
    seq: row.seq.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details,
  };
}
