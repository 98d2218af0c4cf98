import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { filtersInUse, type AuditExportQuery } from './audit-filter.js';
import { csvExport, jsonExport, type ExportMeta } from './audit-export.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditService } from './audit.service.js';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/**
 * The audit log as a CSV or JSON download, streamed a batch at a time (memory
 * stays flat for a long log), with its metadata. Audited before the first byte.
 */
@Injectable()
export class AuditExporter {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly log: AuditLogService,
    private readonly audit: AuditService,
  ) {}

  async send(staff: CurrentStaffMember, query: AuditExportQuery, response: Response): Promise<void> {
    const { format, ...filters } = query;
    const meta: ExportMeta = {
      kind: 'audit_log',
      tenant: this.runtime.config.TENANT,
      generatedAt: new Date().toISOString(),
      generatedBy: { name: staff.name, roles: [...staff.roles] },
      filters: filtersInUse(filters),
    };
    await this.audit.record({ action: 'export.created', actorId: staff.id, targetType: 'export', details: { kind: 'audit_log', format, ...meta.filters } });
    response.status(200);
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="journal-audit-${meta.generatedAt.slice(0, 10)}.${format}"`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const chunks = (format === 'csv' ? csvExport : jsonExport)(meta, this.log.batches(filters));
    try {
      for await (const chunk of chunks) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    } catch {
      // Headers are gone: cutting the connection is the only honest signal that the file is incomplete.
      response.destroy();
    }
  }
}
