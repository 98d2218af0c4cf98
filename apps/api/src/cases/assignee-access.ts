import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { CaseGrantsService } from '../vault/case-grants.service.js';
import { VaultRepository } from '../vault/vault.repository.js';
import { CaseStaffRepository } from './case-staff.repository.js';
import { canAssign } from './case-work.service.js';

/**
 * Whether the person responsible for a case can still open it. A password
 * reset drops a person's key pair and grants: they stay responsible, but the
 * case is sealed to nobody they can be. The list and the case page mark it;
 * a supervisor (or whoever holds the case and may assign) gives the access
 * back in one grant, audited as case.granted — not a second assignment
 * entry in the journal.
 */
@Injectable()
export class AssigneeAccess {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: VaultRepository,
    private readonly staffRows: CaseStaffRepository,
    private readonly grants: CaseGrantsService,
  ) {}

  /** The cases, of those given, whose assignee holds no case-key grant sealed to their current key. */
  async lost(cases: readonly { id: string; assignedTo: string | null }[]): Promise<Set<string>> {
    const assigned = cases.filter((c): c is { id: string; assignedTo: string } => c.assignedTo !== null);
    if (assigned.length === 0) return new Set();
    const assignees = [...new Set(assigned.map((c) => c.assignedTo))];
    const keys = await this.staffRows.findCurrentKeys(this.prisma, assignees);
    const currentKey = new Map(keys.map((k) => [k.id, k.active ? k.publicKey : null]));
    const held = await this.staffRows.findCaseGrantsOf(
      this.prisma,
      assigned.map((c) => c.id),
      assignees,
    );
    const holds = new Set(
      held.filter((g) => g.recipientId && g.recipientPublicKey === currentKey.get(g.recipientId)).map((g) => `${g.caseId}:${g.recipientId}`),
    );
    return new Set(assigned.filter((c) => !holds.has(`${c.id}:${c.assignedTo}`)).map((c) => c.id));
  }

  /** Gives the responsible person their access back; each refusal names its reason. */
  async restore(staff: CurrentStaffMember, caseId: string): Promise<{ assigneeId: string }> {
    if (!canAssign(staff)) throw new AppError('FORBIDDEN', [{ field: 'caseId', message: 'assign_not_allowed' }]);
    const row = await this.repository.findCaseFor(this.prisma, caseId, staff.id);
    if (!row) throw new AppError('NOT_FOUND');
    const assigneeId = row.assignedTo;
    if (!assigneeId) throw new AppError('REFUSED', [{ field: 'caseId', message: 'case_not_assigned' }]);
    if (!(await this.lost([{ id: caseId, assignedTo: assigneeId }])).has(caseId))
      throw new AppError('REFUSED', [{ field: 'caseId', message: 'assignee_already_holds' }]);
    const person = await this.staffRows.findCertification(this.prisma, assigneeId);
    // After a reset the person must first sign in with the new password: only then has a key pair of their own.
    if (!person?.active || !person.certificate) throw new AppError('REFUSED', [{ field: 'caseId', message: 'assignee_without_key' }]);
    await this.grants.grant(staff, caseId, assigneeId);
    return { assigneeId };
  }
}
