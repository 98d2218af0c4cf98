import { Injectable } from '@nestjs/common';
import { JUNK_ALERT_KINDS, type JunkBurst, type JunkBurstResult } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import type { CounterKey } from '../vault/stat-counters.js';
import { StatisticsRetraction } from '../vault/statistics-retraction.js';
import { AlertClock } from './alert-clock.js';
import { NotifyRepository } from './notify.repository.js';

/**
 * A supervisor marks a flood of fake requests as junk in one action: their
 * alerts are acknowledged (nobody else is paged for them), each marking is
 * audited, and what their intake added to the statistics is taken back — in
 * one transaction, all or nothing. The cases themselves stay, to be closed
 * as inadmissible or purged by retention like any other.
 */
@Injectable()
export class JunkBursts {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: NotifyRepository,
    private readonly statistics: StatisticsRetraction,
    private readonly audit: AuditService,
    private readonly clock: AlertClock,
  ) {}

  async mark(staff: CurrentStaffMember, burst: JunkBurst): Promise<JunkBurstResult> {
    const alertIds = [...new Set(burst.alertIds)];
    const found = await this.repository.junkCandidates(this.prisma, alertIds, JUNK_ALERT_KINDS);
    const known = new Set(found.map((alert) => alert.id));
    const refused = burst.alertIds.flatMap((id, index) => (known.has(id) ? [] : [{ field: `alertIds.${index}`, message: 'not_a_request_alert' }]));
    if (refused.length > 0) throw new AppError('VALIDATION_FAILED', refused);
    const caseIds = found.map((alert) => alert.caseId as string);
    // Decrypting is the slow part: before the transaction.
    const counters = new Map<string, CounterKey[]>();
    for (const caseId of caseIds) counters.set(caseId, await this.statistics.intakeCountersOf(staff, caseId));
    await this.prisma.$transaction(async (tx) => {
      const at = this.clock.now();
      // Someone else marked some of them meanwhile: their counts were taken back already.
      if ((await this.repository.markJunk(tx, alertIds, caseIds, staff.id, at)) !== alertIds.length) throw new AppError('CONFLICT');
      for (const [caseId, taken] of counters) await this.statistics.takeBack(tx, caseId, taken);
      for (const alert of found) {
        await this.audit.record(
          { action: 'alert.marked_junk', actorId: staff.id, targetType: 'case', targetId: alert.caseId as string, details: { alertId: alert.id } },
          tx,
        );
      }
    });
    return { marked: alertIds.length };
  }
}
