import { Inject, Injectable } from '@nestjs/common';
import type { ActivationLink, InviteStaffRequest, StaffDirectory, StaffSummary, UpdateStaffRequest } from '@mnpddh/shared';
import { needsTwoPeople, twoNames, type Person } from './two-people.js';
import { SignedStaffStatus } from '../integrity/signed-staff-status.js';
import { AuditService } from '../audit/audit.service.js';
import { activationUrl, type ActivationKind } from '../auth/activation-token.js';
import { ActivationService } from '../auth/activation.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { SessionService } from '../auth/session.service.js';
import { StaffKeysService } from '../auth/staff-keys.service.js';
import { StaffRepository, type StaffRecord } from '../auth/staff.repository.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { StaffAccounts } from './staff-accounts.service.js';
import { staffSummary } from './staff-summary.js';

/** Below this, admins and supervisors see a loud warning (SECURITY.md); intake goes on regardless. */
export const TRIAGE_TEAM_MINIMUM = 2;

/**
 * What admins do to accounts. Every action is audited with the admin as
 * actor. Admins never learn a password or hold anyone's key: they issue
 * links, change roles (re-certified at once) and end access.
 */
@Injectable()
export class StaffAdminService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly accounts: StaffAccounts,
    private readonly activation: ActivationService,
    private readonly sessions: SessionService,
    private readonly keys: StaffKeysService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly signedStatus: SignedStaffStatus,
  ) {}

  async directoryOfStaff(): Promise<StaffDirectory> {
    const [users, team] = await Promise.all([this.staff.list(this.prisma), this.directory.triageTeam(this.prisma)]);
    return {
      users: users.map((user) => this.summary(user)),
      triageTeamSize: team.length,
      triageTeamWarning: team.length < TRIAGE_TEAM_MINIMUM,
    };
  }

  async invite(admin: CurrentStaffMember, request: InviteStaffRequest): Promise<ActivationLink> {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.accounts.create(tx, request, admin.id);
      return this.link(tx, user.id, 'invite');
    });
  }

  /** Roles and on-call are in the certificate: it is re-issued in the same transaction. */
  async update(admin: CurrentStaffMember, id: string, request: UpdateStaffRequest): Promise<StaffSummary> {
    if (id === admin.id && request.roles && !request.roles.includes('admin')) throw new AppError('FORBIDDEN');
    const user = await this.prisma.$transaction(async (tx) => {
      await this.existing(tx, id);
      await this.staff.update(tx, id, {
        ...(request.roles ? { roles: [...new Set(request.roles)] } : {}),
        ...(request.onCall !== undefined ? { onCall: request.onCall } : {}),
        ...(request.alertPhone !== undefined ? { alertPhone: request.alertPhone } : {}),
      });
      await this.directory.recertifyStaff(tx, id);
      const updated = await this.existing(tx, id);
      await this.record(tx, admin, 'staff.updated', id, {
        roles: [...updated.roles].sort().join(','),
        onCall: updated.onCall,
        alertPhoneSet: updated.alertPhone !== null,
      });
      return updated;
    });
    return this.summary(user);
  }

  /**
   * Ends all access at once: sessions, grants, any pending link. An admin
   * cannot lock themselves out. An admin, a custodian or an auditor only
   * through two people: `requestedBy` is the first, who asked (drastic acts).
   */
  async deactivate(admin: CurrentStaffMember, id: string, requestedBy?: Person): Promise<StaffSummary> {
    if (id === admin.id) throw new AppError('FORBIDDEN');
    const user = await this.prisma.$transaction(async (tx) => {
      const target = await this.existing(tx, id);
      if (!requestedBy && needsTwoPeople(target.roles)) throw new AppError('REFUSED', [{ field: 'staffId', message: 'second_person_required' }]);
      const updated = await this.staff.update(tx, id, { active: false, activationHash: null, activationExpires: null });
      const sessionsEnded = await this.sessions.endAllOf(tx, id);
      const grantsRemoved = await this.staff.deleteGrantsOf(tx, id);
      const statusEpoch = await this.signedStatus.record(tx, id, 'deactivated');
      await this.record(tx, admin, 'staff.deactivated', id, { sessionsEnded, grantsRemoved, statusEpoch, ...twoNames(requestedBy, admin) });
      return updated;
    });
    return this.summary(user);
  }

  /** Two people give back an account deactivated or revoked by mistake or under coercion: active again, as a new signed status. */
  async reinstate(confirmer: CurrentStaffMember, id: string, requestedBy: Person): Promise<StaffSummary> {
    const user = await this.prisma.$transaction(async (tx) => {
      const target = await this.existing(tx, id);
      if (target.active) throw new AppError('REFUSED', [{ field: 'staffId', message: 'not_reinstatable' }]);
      const updated = await this.staff.update(tx, id, { active: true });
      const statusEpoch = await this.signedStatus.record(tx, id, 'active');
      await this.record(tx, confirmer, 'staff.reinstated', id, { statusEpoch, ...twoNames(requestedBy, confirmer) });
      return updated;
    });
    return this.summary(user);
  }

  async endSessions(admin: CurrentStaffMember, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.existing(tx, id);
      const sessionsEnded = await this.sessions.endAllOf(tx, id);
      await this.record(tx, admin, 'staff.sessions_ended', id, { sessionsEnded });
    });
  }

  /** A link where the person proves their password and enrols a new TOTP; keys untouched. */
  async resetSecondFactor(admin: CurrentStaffMember, id: string): Promise<ActivationLink> {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.existing(tx, id);
      if (!user.active || !user.passwordRecord) throw new AppError('CONFLICT');
      await this.record(tx, admin, 'staff.second_factor_reset', id);
      return this.link(tx, id, 'second-factor-reset');
    });
  }

  private async link(db: Db, userId: string, kind: ActivationKind): Promise<ActivationLink> {
    const { token, expiresAt } = await this.activation.issue(db, userId, kind, new Date());
    return { userId, activationUrl: activationUrl(this.runtime.config, token), expiresAt: expiresAt.toISOString() };
  }

  private async existing(db: Db, id: string): Promise<StaffRecord> {
    const user = await this.staff.findById(db, id);
    if (!user) throw new AppError('NOT_FOUND');
    return user;
  }

  private summary(user: StaffRecord): StaffSummary {
    return staffSummary(user, this.keys.hasKeyPair(user) && this.keys.isCertified(user));
  }

  private record(
    db: Db,
    admin: CurrentStaffMember,
    action: 'staff.updated' | 'staff.deactivated' | 'staff.reinstated' | 'staff.sessions_ended' | 'staff.second_factor_reset',
    targetId: string,
    details?: Record<string, string | number | boolean>,
  ): Promise<void> {
    return this.audit.record({ action, actorId: admin.id, targetType: 'staff', targetId, ...(details ? { details } : {}) }, db);
  }
}
