import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { lockedUntilAfter, secondsLocked } from './login-throttle.js';
import { RateLimitedError } from '../common/rate-limited.js';
import { StaffRepository, type StaffRecord } from './staff.repository.js';

/** Reason codes of `auth.login_failed` (the audit log carries the code only). */
export type FailureReason = 'unknown_account' | 'not_activated' | 'inactive' | 'wrong_password' | 'wrong_second_factor' | 'certificate_invalid';

/** Counts failed password checks per account and locks it as login-throttle.ts says. */
@Injectable()
export class LoginFailures {
  constructor(
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly audit: AuditService,
  ) {}

  /** 429 with Retry-After while the account is locked. */
  assertNotLocked(user: Pick<StaffRecord, 'lockedUntil'>, now: Date): void {
    const seconds = secondsLocked(user.lockedUntil, now);
    if (seconds > 0) throw new RateLimitedError(seconds);
  }

  /** One more failure, the lock it earns, and the audit event, together. */
  async record(user: Pick<StaffRecord, 'id'>, reason: FailureReason, now: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const lockedUntil = lockedUntilAfter(await this.staff.addFailure(tx, user.id), now);
      if (lockedUntil) await this.staff.update(tx, user.id, { lockedUntil });
      await this.audit.record({ action: 'auth.login_failed', actorId: user.id, targetType: 'staff', targetId: user.id, details: { reason } }, tx);
    });
  }

  /** For an address with no account: the audit event alone, without an actor. */
  async recordUnknown(): Promise<void> {
    await this.audit.record({ action: 'auth.login_failed', actorId: null, details: { reason: 'unknown_account' } });
  }
}
