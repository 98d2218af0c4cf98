import { Inject, Injectable } from '@nestjs/common';
import { ESCROW_MINIMUM_WORKING_PAIRS, type ActivationLink, type PasswordResetImpact, type PasswordResetRequest } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { activationUrl } from '../auth/activation-token.js';
import { ActivationService } from '../auth/activation.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { SessionService } from '../auth/session.service.js';
import { StaffRepository, type StaffRecord } from '../auth/staff.repository.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { EscrowHealthService } from '../directory/escrow-health.service.js';
import { PasswordResetRepository } from './password-reset.repository.js';

/**
 * A password reset ends the old access at once — the old password, every
 * session, the key pair the old password unwrapped and the grants sealed to
 * it — because a reset is also the answer to a compromised account: waiting
 * for the person to use the link would leave the thief signed in. The admin
 * sees first what it will end, and what it does to the escrow when the
 * person is a custodian; a reset that leaves fewer working pairs of
 * custodians than the minimum needs that risk accepted in so many words.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly repository: PasswordResetRepository,
    private readonly activation: ActivationService,
    private readonly sessions: SessionService,
    private readonly escrow: EscrowHealthService,
    private readonly audit: AuditService,
  ) {}

  async impact(id: string, db: Db = this.prisma): Promise<PasswordResetImpact> {
    const user = await this.existing(db, id);
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const sessions = await this.repository.countSessions(db, id);
    const casesHeld = await this.repository.countCasesHeld(db, id);
    const escrowBefore = await this.escrow.health(db);
    const escrowAfter = await this.escrow.health(db, new Set([id]));
    const pairsAfter = escrowAfter.workingPairs.length;
    return {
      sessions,
      casesHeld,
      custodian: user.roles.includes('custodian'),
      escrowBefore,
      escrowAfter,
      escrowRiskToAccept: pairsAfter < ESCROW_MINIMUM_WORKING_PAIRS && pairsAfter < escrowBefore.workingPairs.length,
    };
  }

  async reset(admin: CurrentStaffMember, id: string, request: PasswordResetRequest): Promise<ActivationLink> {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.existing(tx, id);
      if (!user.active) throw new AppError('CONFLICT');
      const impact = await this.impact(id, tx);
      if (impact.escrowRiskToAccept && request.escrowRiskAccepted !== true) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'escrowRiskAccepted', message: 'escrow_risk_not_accepted' }]);
      }
      const kind = user.passwordRecord ? 'password-reset' : 'invite';
      await this.staff.update(tx, id, { passwordRecord: null, publicKey: null, certificate: null, wrappedPrivateKey: null });
      const sessions = await this.sessions.endAllOf(tx, id);
      const grants = await this.staff.deleteGrantsOf(tx, id);
      const accessEnded = { sessions, grants, keyPairDropped: user.publicKey !== null };
      await this.audit.record(
        {
          action: 'staff.password_reset',
          actorId: admin.id,
          targetType: 'staff',
          targetId: id,
          details: { ...accessEnded, escrowWorkingPairsAfter: impact.escrowAfter.workingPairs.length, escrowRiskAccepted: impact.escrowRiskToAccept },
        },
        tx,
      );
      const { token, expiresAt } = await this.activation.issue(tx, id, kind, new Date());
      return { userId: id, activationUrl: activationUrl(this.runtime.config, token), expiresAt: expiresAt.toISOString(), accessEnded };
    });
  }

  private async existing(db: Db, id: string): Promise<StaffRecord> {
    const user = await this.staff.findById(db, id);
    if (!user) throw new AppError('NOT_FOUND');
    return user;
  }
}
