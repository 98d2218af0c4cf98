import { Injectable } from '@nestjs/common';
import type { BulkReassignment, BulkReassignmentResult, Locale } from '@mnpddh/shared';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import { errorMessage, fieldMessage } from '../common/api-messages.js';
import { canAssign, CaseWorkService } from './case-work.service.js';

/**
 * Bulk reassignment: each case goes through the one assignment there is
 * (grant first, then the journal entry and its audit row), one case at a
 * time, so a refusal leaves the others done and nothing half-written. The
 * answer lists the cases refused with their reason.
 */
@Injectable()
export class CaseReassignment {
  constructor(private readonly work: CaseWorkService) {}

  async reassign(staff: CurrentStaffMember, { caseIds, assigneeId }: BulkReassignment, locale: Locale): Promise<BulkReassignmentResult> {
    if (!canAssign(staff)) throw new AppError('FORBIDDEN', [{ field: 'assigneeId', message: 'assign_not_allowed' }]);
    const result: BulkReassignmentResult = { assigned: [], refused: [] };
    for (const caseId of new Set(caseIds)) {
      try {
        await this.work.assign(staff, caseId, { assigneeId });
        result.assigned.push(caseId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const reason = error.fields?.[0]?.message ?? error.code;
        result.refused.push({ caseId, reason, message: (fieldMessage(reason, locale) ?? errorMessage(error.code, locale)).text });
      }
    }
    return result;
  }
}
