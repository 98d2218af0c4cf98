import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, Locale } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { PrismaService } from '../database/prisma.service.js';
import type { StaffSessionContext } from '../common/current-staff.js';
import { LoginFailures } from './login-failures.service.js';
import { PasswordHasher } from './password-hasher.js';
import { assertStrongPassphrase } from './password-policy.js';
import { SessionService } from './session.service.js';
import { StaffKeysService } from './staff-keys.service.js';
import { StaffRepository } from './staff.repository.js';

const WRONG_PASSWORD: Record<Locale, string> = {
  fr: "Ce n'est pas votre mot de passe actuel.",
  en: 'This is not your current password.',
};

/**
 * A signed-in person changes their password: the same key pair (from the
 * session) is wrapped again under the new password, so no grant is lost.
 * Their other sessions end, in case the old password was the reason.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordHasher,
    private readonly keys: StaffKeysService,
    private readonly sessions: SessionService,
    private readonly failures: LoginFailures,
    private readonly audit: AuditService,
  ) {}

  async change(session: StaffSessionContext, request: ChangePasswordRequest, locale: Locale): Promise<void> {
    const now = new Date();
    assertStrongPassphrase(request.newPassword, 'newPassword', locale);
    const user = await this.staff.findById(this.prisma, session.staff.id);
    if (!user?.passwordRecord) throw new AppError('UNAUTHENTICATED');
    this.failures.assertNotLocked(user, now);
    const current = await this.passwords.verify(request.currentPassword, user.passwordRecord);
    if (!current) {
      await this.failures.record(user, 'wrong_password', now);
      // Not 401: the session is fine, only this field is wrong.
      throw new AppError('VALIDATION_FAILED', [{ field: 'currentPassword', message: WRONG_PASSWORD[locale] }]);
    }
    current.destroy();
    const next = await this.passwords.create(request.newPassword);
    try {
      await this.prisma.$transaction(async (tx) => {
        await this.keys.rewrap(tx, user.id, session.staff.keyPair, next);
        await this.staff.update(tx, user.id, { failedLogins: 0, lockedUntil: null });
        const sessionsEnded = await this.sessions.endAllOf(tx, user.id, session.idHash);
        await this.audit.record({ action: 'auth.password_changed', actorId: user.id, targetType: 'staff', targetId: user.id, details: { sessionsEnded } }, tx);
      });
    } finally {
      next.wrappingKey.destroy();
    }
  }
}
