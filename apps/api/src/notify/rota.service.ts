import { Injectable } from '@nestjs/common';
import type { RotaUpdate, StaffDirectory } from '@mnpddh/shared';
import { staffSummary } from '../admin/staff-summary.js';
import { TRIAGE_TEAM_MINIMUM } from '../admin/staff-admin.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { StaffKeysService } from '../auth/staff-keys.service.js';
import { StaffRepository } from '../auth/staff.repository.js';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { StaffUser } from '../generated/prisma/client.js';
import { orderRota } from './rota.js';
import { RotaRepository } from './rota.repository.js';

/** Who can be on call: they will hold every new case, so never an admin or auditor alone. */
const ROTA_ROLES = new Set(['supervisor', 'caseworker']);

/**
 * The on-call rota. Being on call is in the directory certificate (it makes
 * someone a recipient of every new case), so a change goes the way an
 * admin's does (StaffAdminService.update): the row, then the certificate
 * re-issued in the same transaction.
 */
@Injectable()
export class RotaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: RotaRepository,
    private readonly staff: StaffRepository,
    private readonly keys: StaffKeysService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  /** On call, active, and certified as on call: the order alerts escalate through. */
  async onCallRota(db: Db): Promise<StaffUser[]> {
    const candidates = await this.repository.onCallCandidates(db);
    return orderRota(candidates.filter((member) => this.keys.isCertified(member)));
  }

  supervisorIds(db: Db): Promise<string[]> {
    return this.repository.activeSupervisorIds(db);
  }

  /** The rota first, in order, then everyone else active (who could be added). */
  async view(db: Db = this.prisma): Promise<StaffDirectory> {
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const rota = await this.onCallRota(db);
    const active = await this.repository.activeStaff(db);
    const team = await this.directory.triageTeam(db);
    const onRota = new Set(rota.map((member) => member.id));
    const users = [...rota, ...active.filter((member) => !onRota.has(member.id))];
    return {
      users: users.map((user) => staffSummary(user, this.keys.hasKeyPair(user) && this.keys.isCertified(user))),
      triageTeamSize: team.length,
      triageTeamWarning: team.length < TRIAGE_TEAM_MINIMUM,
    };
  }

  async update(actor: CurrentStaffMember, update: RotaUpdate): Promise<StaffDirectory> {
    // A name given twice keeps its first place.
    const staffIds = [...new Set(update.staffIds)];
    return this.prisma.$transaction(async (tx) => {
      await this.checkEligible(tx, staffIds);
      const leaving = (await this.staffFlaggedOnCall(tx)).filter((id) => !staffIds.includes(id));
      for (const [position, id] of staffIds.entries()) await this.putOnCall(tx, id, position);
      for (const id of leaving) await this.takeOffCall(tx, id);
      await this.audit.record(
        {
          action: 'staff.rota_updated',
          actorId: actor.id,
          targetType: 'staff',
          details: { staffIds: staffIds.join(','), size: staffIds.length, removed: leaving.length },
        },
        tx,
      );
      return this.view(tx);
    });
  }

  /** Every id an active supervisor or caseworker whose certified key can receive cases. */
  private async checkEligible(db: Db, staffIds: string[]): Promise<void> {
    const found = new Map((await this.repository.findMany(db, staffIds)).map((member) => [member.id, member]));
    const refused = staffIds.flatMap((id, index) => {
      const member = found.get(id);
      const eligible = member?.active && member.roles.some((role) => ROTA_ROLES.has(role)) && this.keys.hasKeyPair(member) && this.keys.isCertified(member);
      return eligible ? [] : [{ field: `staffIds.${index}`, message: 'assignee_not_certified' }];
    });
    if (refused.length > 0) throw new AppError('VALIDATION_FAILED', refused);
  }

  private async staffFlaggedOnCall(db: Db): Promise<string[]> {
    return (await this.repository.flaggedOnCall(db)).map((member) => member.id);
  }

  private async putOnCall(db: Db, id: string, position: number): Promise<void> {
    const member = await this.staff.findById(db, id);
    if (member && !member.onCall) {
      await this.staff.update(db, id, { onCall: true });
      await this.directory.recertifyStaff(db, id);
    }
    await this.repository.setRotaPosition(db, id, position);
  }

  private async takeOffCall(db: Db, id: string): Promise<void> {
    await this.staff.update(db, id, { onCall: false });
    await this.directory.recertifyStaff(db, id);
    await this.repository.setRotaPosition(db, id, null);
  }
}
