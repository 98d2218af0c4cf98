import { Injectable } from '@nestjs/common';
import type { SessionInfo, SignInRequest } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { PasswordWrappingKey } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { IntegrityAnchor } from '../integrity/integrity-anchor.service.js';
import type { StaffSessionContext } from '../common/current-staff.js';
import { LoginFailures, type FailureReason } from './login-failures.service.js';
import { MAX_LOCK_SECONDS, secondsLocked, UnknownAccountThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { RateLimitedError } from '../common/rate-limited.js';
import { SecondFactorService, type SecondFactorMatch } from './second-factor.service.js';
import type { SessionCookieValue } from './session-cookie.js';
import { SessionService, sessionInfo } from './session.service.js';
import { StaffKeysService } from './staff-keys.service.js';
import { StaffWork } from './staff-work.js';
import { StaffRepository, type StaffRecord } from './staff.repository.js';
import { SecurityKeyService, type SecurityKeyMatch } from './webauthn.service.js';

/** A TOTP code, a recovery code or a security key. */
type FactorMatch = SecondFactorMatch | SecurityKeyMatch;

export interface SignedIn {
  /** the new session cookie's value */
  readonly cookie: string;
  readonly info: SessionInfo;
}

/**
 * Password, then second factor, then the key pair, then a new session.
 * Every refusal is the same 401, whatever went wrong, and an unknown address
 * costs the same Argon2id work as a real one.
 */
@Injectable()
export class SignInService {
  readonly #unknownAccounts = new UnknownAccountThrottle();

  constructor(
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordHasher,
    private readonly secondFactor: SecondFactorService,
    private readonly keys: StaffKeysService,
    private readonly sessions: SessionService,
    private readonly failures: LoginFailures,
    private readonly audit: AuditService,
    private readonly securityKeys: SecurityKeyService,
    private readonly work: StaffWork,
    private readonly anchor: IntegrityAnchor,
  ) {}

  async signIn(credentials: SignInRequest, presented: SessionCookieValue | null): Promise<SignedIn> {
    const user = await this.staff.findByEmail(this.prisma, credentials.email);
    if (!user?.passwordRecord) return this.refuseWithoutPassword(credentials, user, new Date());
    // Matched before the line, so that the owner of the account is served ahead of guesses at it.
    const factor = await this.matchFactor(user, credentials, new Date());
    return this.work.run(factor ? 'proven' : 'anonymous', () => this.attempt(user.id, credentials, factor, presented));
  }

  /** Within a slot of the staff work pool: the password, the factor, then a session or a counted failure. */
  private async attempt(userId: string, credentials: SignInRequest, factor: FactorMatch | null, presented: SessionCookieValue | null): Promise<SignedIn> {
    const now = new Date();
    // Read again after the wait in line: a lock set meanwhile applies to the guesses that queued before it.
    const user = await this.staff.findById(this.prisma, userId);
    if (!user?.passwordRecord) throw new AppError('UNAUTHENTICATED');
    // Never more than a lock can last: a concurrent failure may have set the lock after `now` was taken.
    const locked = Math.min(secondsLocked(user.lockedUntil, now), MAX_LOCK_SECONDS);
    // Checked even while locked, so that every answer costs the same whatever was right.
    const wrappingKey = await this.passwords.verify(credentials.password, user.passwordRecord);
    if (locked > 0 && !(factor && wrappingKey)) {
      wrappingKey?.destroy();
      return this.refuseLocked(user, wrappingKey ? 'wrong_second_factor' : 'wrong_password', locked, now);
    }
    if (!wrappingKey) return this.refuse(user, 'wrong_password', now);
    try {
      // The row's flag and the anchored status: a deactivation flipped back in SQL does not let anyone in.
      if (!user.active || !(await this.anchor.isActiveStaff(user.id))) return await this.refuse(user, 'inactive', now);
      if (!factor || !(await this.consumeFactor(user, factor, now))) {
        return await this.refuse(user, 'wrong_second_factor', now);
      }
      if (factor.kind === 'recovery-code') {
        await this.audit.record({ action: 'auth.recovery_code_used', actorId: user.id, targetType: 'staff', targetId: user.id });
      }
      // A certificate that no longer matches the row means roles were changed in SQL: no session on that basis.
      if (this.keys.hasKeyPair(user) && !this.keys.isCertified(user)) return await this.refuse(user, 'certificate_invalid', now);
      const signedIn = await this.complete({ ...user, passwordRecord: user.passwordRecord }, credentials.password, wrappingKey, factor, presented, now);
      return factor.kind !== 'security-key' && (await this.securityKeys.isNeeded(this.prisma, user))
        ? { ...signedIn, info: { ...signedIn.info, securityKeyNeeded: true } }
        : signedIn;
    } finally {
      wrappingKey.destroy();
    }
  }

  async signOut(session: StaffSessionContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.sessions.end(tx, session.idHash);
      await this.audit.record({ action: 'auth.logout', actorId: session.staff.id, targetType: 'staff', targetId: session.staff.id }, tx);
    });
  }

  /**
   * While an account is locked only the right password with a valid second
   * factor gets through (the owner always can). Anything else — a wrong code,
   * or a right code with a wrong password — gets the same 429 with the same
   * Retry-After after the same Argon2id work, and counts as a failure: a
   * locked account is no oracle for its second factor.
   */
  private async refuseLocked(user: StaffRecord, reason: FailureReason, seconds: number, now: Date): Promise<never> {
    await this.failures.record(user, reason, now);
    throw new RateLimitedError(seconds);
  }

  /** The second factor presented, if valid now (not yet used up). */
  private async matchFactor(user: StaffRecord, credentials: SignInRequest, now: Date): Promise<FactorMatch | null> {
    if (credentials.securityKey) return this.securityKeys.match(this.prisma, user, credentials.securityKey, now);
    const match = await this.secondFactor.match(this.prisma, user, credentials.totp ?? '', now);
    // Required of their role and enrolled: a TOTP code alone no longer does (a recovery code still does, for a lost key).
    // Asked whatever the code, so that a right code costs no more time than a wrong one.
    const totpRefused = await this.securityKeys.refusesTotp(this.prisma, user);
    return match?.kind === 'totp' && totpRefused ? null : match;
  }

  private consumeFactor(user: StaffRecord, factor: FactorMatch, now: Date): Promise<boolean> {
    if (factor.kind === 'security-key') return this.securityKeys.consume(this.prisma, user, factor, now);
    return this.secondFactor.consume(this.prisma, user.id, factor, now);
  }

  private async complete(
    user: StaffRecord & { passwordRecord: string },
    password: string,
    wrappingKey: PasswordWrappingKey,
    factor: FactorMatch,
    presented: SessionCookieValue | null,
    now: Date,
  ): Promise<SignedIn> {
    // New Argon2id parameters take effect at the next successful login (README rotation rule 3).
    const rehashed = this.passwords.needsRehash(user.passwordRecord) ? await this.passwords.create(password) : null;
    try {
      return await this.prisma.$transaction(async (tx) => {
        await this.staff.update(tx, user.id, { failedLogins: 0, lockedUntil: null, totpConfirmed: true });
        const recoveryCodes = user.totpConfirmed ? undefined : await this.secondFactor.issueRecoveryCodes(tx, user.id);
        const paramsVersion = this.passwords.paramsVersionOf(user.passwordRecord);
        const keyPair = this.keys.hasKeyPair(user)
          ? this.keys.unwrap(user, wrappingKey, paramsVersion)
          : await this.keys.create(tx, user, wrappingKey, paramsVersion);
        try {
          if (rehashed) await this.keys.rewrap(tx, user.id, keyPair, rehashed);
          await this.sessions.endPresented(tx, presented);
          await this.sessions.purgeExpired(tx, now);
          const session = await this.sessions.open(tx, user.id, keyPair, now);
          await this.audit.record(
            { action: 'auth.login', actorId: user.id, targetType: 'staff', targetId: user.id, details: { secondFactor: factor.kind } },
            tx,
          );
          return { cookie: session.cookie, info: sessionInfo(user, session, recoveryCodes) };
        } finally {
          keyPair.destroy();
        }
      });
    } finally {
      rehashed?.wrappingKey.destroy();
    }
  }

  private async refuse(user: StaffRecord, reason: FailureReason, now: Date): Promise<never> {
    await this.failures.record(user, reason, now);
    throw new AppError('UNAUTHENTICATED');
  }

  /** No account, or one never activated: same cost, same answer, same lock arithmetic. */
  private async refuseWithoutPassword(credentials: SignInRequest, user: StaffRecord | null, now: Date): Promise<never> {
    if (user) this.failures.assertNotLocked(user, now);
    const locked = user ? 0 : this.#unknownAccounts.secondsLocked(credentials.email, now);
    if (locked > 0) throw new RateLimitedError(locked);
    return this.work.run('anonymous', async () => {
      await this.passwords.spendUnknownAccount(credentials.password);
      if (user) return this.refuse(user, 'not_activated', now);
      this.#unknownAccounts.recordFailure(credentials.email, now);
      await this.failures.recordUnknown();
      throw new AppError('UNAUTHENTICATED');
    });
  }
}
