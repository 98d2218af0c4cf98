import { Inject, Injectable } from '@nestjs/common';
import type { ActivateRequest, ActivateResponse, Locale } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { hashStaffSecret } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import { ACTIVATION_LIFETIME_MS, activationKindOf, newActivationToken, type ActivationKind } from './activation-token.js';
import { LoginFailures } from './login-failures.service.js';
import { PasswordHasher } from './password-hasher.js';
import { assertStrongPassphrase } from './password-policy.js';
import { SecondFactorService, type Enrolment } from './second-factor.service.js';
import { SessionService } from './session.service.js';
import { StaffRepository, type StaffRecord } from './staff.repository.js';

export interface IssuedActivation {
  readonly token: string;
  readonly expiresAt: Date;
}

const WRONG_PASSWORD: Record<Locale, string> = {
  fr: "Ce n'est pas votre mot de passe actuel.",
  en: 'This is not your current password.',
};

/** One-time activation links: issued by an admin, used once by the person within 72 hours. */
@Injectable()
export class ActivationService {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordHasher,
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionService,
    private readonly failures: LoginFailures,
    private readonly audit: AuditService,
  ) {}

  /** A new link for the person; any earlier one stops working. Until it is used, nothing else changes. */
  async issue(db: Db, userId: string, kind: ActivationKind, now: Date): Promise<IssuedActivation> {
    const token = newActivationToken(kind);
    const expiresAt = new Date(now.getTime() + ACTIVATION_LIFETIME_MS);
    await this.staff.update(db, userId, { activationHash: this.hash(token), activationExpires: expiresAt });
    return { token, expiresAt };
  }

  async activate(request: ActivateRequest, locale: Locale): Promise<ActivateResponse> {
    const now = new Date();
    const kind = activationKindOf(request.token);
    const tokenHash = kind ? this.hash(request.token) : null;
    const user = tokenHash ? await this.staff.findByActivationHash(this.prisma, tokenHash) : null;
    if (!kind || !tokenHash || !user?.active || !user.activationExpires || user.activationExpires <= now) {
      throw new AppError('NOT_FOUND');
    }
    const enrolment =
      kind === 'second-factor-reset'
        ? await this.proveCurrentPassword(user, request.password, locale, now)
        : await this.setPassword(user, tokenHash, kind, request.password, locale, now);
    return { email: user.email, totpUri: enrolment?.uri ?? '', totpQrSvg: enrolment?.qrSvg ?? '' };
  }

  /**
   * Invite or password reset: a new password, and the old key pair, grants
   * and sessions dropped (a supervisor re-grants the cases; the next login
   * makes a new key with a higher epoch). A second factor already confirmed
   * stays: the link alone must not be enough to sign in as the person.
   */
  private async setPassword(
    user: StaffRecord,
    tokenHash: string,
    kind: ActivationKind,
    password: string,
    locale: Locale,
    now: Date,
  ): Promise<Enrolment | null> {
    assertStrongPassphrase(password, 'password', locale);
    const next = await this.passwords.create(password);
    next.wrappingKey.destroy();
    const enrolment = user.totpConfirmed ? null : await this.secondFactor.enrol(user);
    await this.prisma.$transaction(async (tx) => {
      if (!(await this.staff.consumeActivation(tx, user.id, tokenHash, now))) throw new AppError('NOT_FOUND');
      await this.staff.update(tx, user.id, {
        passwordRecord: next.stored,
        publicKey: null,
        certificate: null,
        wrappedPrivateKey: null,
        failedLogins: 0,
        lockedUntil: null,
        ...(enrolment ? { totpSecret: enrolment.storedSecret, totpConfirmed: false } : {}),
      });
      if (enrolment) await this.secondFactor.deleteRecoveryCodes(tx, user.id);
      const grantsRemoved = await this.staff.deleteGrantsOf(tx, user.id);
      const sessionsEnded = await this.sessions.endAllOf(tx, user.id);
      await this.audit.record(
        {
          action: 'auth.activated',
          actorId: user.id,
          targetType: 'staff',
          targetId: user.id,
          details: { kind, keyPairDropped: user.publicKey !== null, grantsRemoved, sessionsEnded },
        },
        tx,
      );
    });
    return enrolment;
  }

  /** Second-factor reset: the current password proves the person; the key pair is untouched. */
  private async proveCurrentPassword(user: StaffRecord, password: string, locale: Locale, now: Date): Promise<Enrolment> {
    if (!user.passwordRecord) throw new AppError('NOT_FOUND');
    this.failures.assertNotLocked(user, now);
    const wrappingKey = await this.passwords.verify(password, user.passwordRecord);
    if (!wrappingKey) {
      await this.failures.record(user, 'wrong_password', now);
      throw new AppError('VALIDATION_FAILED', [{ field: 'password', message: WRONG_PASSWORD[locale] }]);
    }
    wrappingKey.destroy();
    const enrolment = await this.secondFactor.enrol(user);
    await this.prisma.$transaction(async (tx) => {
      const tokenHash = user.activationHash as string;
      if (!(await this.staff.consumeActivation(tx, user.id, tokenHash, now))) throw new AppError('NOT_FOUND');
      await this.staff.update(tx, user.id, { totpSecret: enrolment.storedSecret, totpConfirmed: false, failedLogins: 0, lockedUntil: null });
      await this.secondFactor.deleteRecoveryCodes(tx, user.id);
      await this.audit.record(
        { action: 'auth.activated', actorId: user.id, targetType: 'staff', targetId: user.id, details: { kind: 'second-factor-reset' } },
        tx,
      );
    });
    return enrolment;
  }

  private hash(token: string): string {
    return hashStaffSecret(this.runtime.secrets.indexKey, 'activation-token', token);
  }
}
