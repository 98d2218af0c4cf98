import { Injectable } from '@nestjs/common';
import type { PurgeConfirmation, RetentionExtension, UpcomingExpiry, UpcomingExpiryList } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { RetentionPolicyService } from './retention-policy.service.js';
import { expiryOf, isNearing, isoDay } from './retention-expiry.js';
import { RetentionRepository } from './retention.repository.js';

type Decision = Awaited<ReturnType<RetentionRepository['findDecision']>>;

/**
 * What supervisors do about retention, from the clear index alone: see the
 * cases nearing expiry, extend one for a reason code, and confirm that a case
 * on legal hold may be purged once expired.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: RetentionRepository,
    private readonly policies: RetentionPolicyService,
    private readonly audit: AuditService,
  ) {}

  async upcoming(now = new Date()): Promise<UpcomingExpiryList> {
    const policy = await this.policies.current();
    const cases = await this.repository.findEndedCases(this.prisma);
    const decisions = new Map(
      (
        await this.repository.findDecisions(
          this.prisma,
          cases.map((row) => row.id),
        )
      ).map((decision) => [decision.caseId, decision]),
    );
    const items: UpcomingExpiry[] = [];
    for (const row of cases) {
      const decision = decisions.get(row.id) ?? null;
      const expiry = expiryOf({ ...row, extendedUntil: decision?.extendedUntil ?? null }, policy);
      if (!expiry || !isNearing(expiry, now, policy)) continue;
      items.push({
        caseId: row.id,
        reference: row.reference,
        status: row.status as UpcomingExpiry['status'],
        expiresAt: isoDay(expiry),
        legalHold: row.legalHold,
        purgeConfirmed: isConfirmed(decision, row.revision),
        extensionReason: (decision?.extensionReason as UpcomingExpiry['extensionReason']) ?? null,
      });
    }
    return { items: items.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)) };
  }

  async extend(staff: CurrentStaffMember, caseId: string, extension: RetentionExtension): Promise<void> {
    const policy = await this.policies.current();
    const until = new Date(`${extension.until}T00:00:00.000Z`);
    await this.prisma.$transaction(async (tx) => {
      const row = await this.endedCase(tx, caseId);
      const decision = await this.repository.findDecision(tx, caseId);
      const expiry = expiryOf({ ...row, extendedUntil: decision?.extendedUntil ?? null }, policy);
      if (expiry && until <= expiry) throw new AppError('VALIDATION_FAILED', [{ field: 'until', message: 'extension_not_later' }]);
      await this.repository.saveDecision(tx, caseId, { extendedUntil: until, extensionReason: extension.reason, extendedBy: staff.id });
      await this.audit.record(
        {
          action: 'retention.extended',
          actorId: staff.id,
          targetType: 'case',
          targetId: caseId,
          details: { until: extension.until, reason: extension.reason },
        },
        tx,
      );
    });
  }

  async confirmPurge(staff: CurrentStaffMember, caseId: string, _confirmation: PurgeConfirmation): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await this.endedCase(tx, caseId);
      if (!row.legalHold) throw new AppError('CONFLICT', [{ field: 'confirm', message: 'not_on_legal_hold' }]);
      await this.repository.saveDecision(tx, caseId, { purgeConfirmedBy: staff.id, purgeConfirmedAt: new Date(), purgeConfirmedRevision: row.revision });
      await this.audit.record(
        { action: 'retention.purge_confirmed', actorId: staff.id, targetType: 'case', targetId: caseId, details: { revision: row.revision } },
        tx,
      );
    });
  }

  private async endedCase(tx: Parameters<RetentionRepository['findCase']>[0], caseId: string) {
    const row = await this.repository.findCase(tx, caseId);
    if (!row) throw new AppError('NOT_FOUND');
    if (!row.closedAt || (row.status !== 'closed' && row.status !== 'inadmissible')) {
      throw new AppError('CONFLICT', [{ field: 'caseId', message: 'case_not_closed' }]);
    }
    return row;
  }
}

/** A confirmation counts for the closure it was given on: reopening the case (a new revision) voids it. */
export function isConfirmed(decision: Decision, revision: number): boolean {
  return decision?.purgeConfirmedRevision === revision;
}
