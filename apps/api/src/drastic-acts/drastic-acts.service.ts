import { Injectable } from '@nestjs/common';
import type { DrasticActList, DrasticActRequest, DrasticActView } from '@mnpddh/shared';
import { StaffAdminService } from '../admin/staff-admin.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { StaffRepository } from '../auth/staff.repository.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import { RekeyJobs } from '../rekey/rekey-jobs.service.js';
import { DrasticActStore, type PendingDrasticAct } from './drastic-act-store.js';

/**
 * Acts two people make: one admin or supervisor asks, another confirms
 * (never the one who asked, never the person concerned), and the act is then
 * done once, audited as one entry with both names.
 */
@Injectable()
export class DrasticActs {
  private readonly store = new DrasticActStore();

  constructor(
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly staffAdmin: StaffAdminService,
    private readonly rekey: RekeyJobs,
  ) {}

  async request(requester: CurrentStaffMember, request: DrasticActRequest, now = new Date()): Promise<DrasticActView> {
    if (request.staffId === requester.id) throw new AppError('FORBIDDEN');
    if (!(await this.staff.findById(this.prisma, request.staffId))) throw new AppError('NOT_FOUND');
    return this.view(this.store.add(request, requester, now));
  }

  async list(now = new Date()): Promise<DrasticActList> {
    return { items: await Promise.all(this.store.list(now).map((act) => this.view(act))) };
  }

  /** The second person: the act is done now, in their name and the requester's. */
  async confirm(confirmer: CurrentStaffMember, id: string, now = new Date()): Promise<void> {
    const waiting = this.store.peek(id, now);
    if (!waiting) throw new AppError('REFUSED', [{ field: 'id', message: 'drastic_act_expired' }]);
    if (waiting.requestedBy.id === confirmer.id) throw new AppError('REFUSED', [{ field: 'id', message: 'own_drastic_act' }]);
    if (waiting.staffId === confirmer.id) throw new AppError('REFUSED', [{ field: 'id', message: 'drastic_act_about_you' }]);
    const act = this.store.take(id, now);
    if (!act) throw new AppError('REFUSED', [{ field: 'id', message: 'drastic_act_expired' }]);
    await this.perform(confirmer, act);
  }

  private async perform(confirmer: CurrentStaffMember, act: PendingDrasticAct): Promise<void> {
    if (act.kind === 'deactivate') await this.staffAdmin.deactivate(confirmer, act.staffId, act.requestedBy);
    else if (act.kind === 'reinstate') await this.staffAdmin.reinstate(confirmer, act.staffId, act.requestedBy);
    else if (act.reason) await this.rekey.revokeForCause(confirmer, { staffId: act.staffId, reason: act.reason }, new Date(), act.requestedBy);
  }

  private async view(act: PendingDrasticAct): Promise<DrasticActView> {
    const person = await this.staff.findById(this.prisma, act.staffId);
    return {
      id: act.id,
      kind: act.kind,
      staffId: act.staffId,
      staffName: person?.name ?? '',
      reason: act.reason ?? null,
      requestedById: act.requestedBy.id,
      requestedByName: act.requestedBy.name,
      expiresAt: act.expiresAt.toISOString(),
    };
  }
}
