import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { decryptTotpSecret, encryptTotpSecret, generateRecoveryCode, hashStaffSecret } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { RecoveryCodeRepository } from './recovery-code.repository.js';
import type { StaffRecord } from './staff.repository.js';
import { isTotpCode, newTotpSecret, totpUri, TotpSteps } from './totp.js';

export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorMatch = { kind: 'totp'; ledger: string; step: number } | { kind: 'recovery-code'; codeHash: string };

export interface Enrolment {
  /** the new secret, encrypted, for `staff_user.totp_secret` */
  readonly storedSecret: string;
  /** for the authenticator app (and the bootstrap admin's printout) */
  readonly secret: string;
  readonly uri: string;
  readonly qrSvg: string;
}

/**
 * The mandatory second factor: a TOTP code (each 30-s step usable once), or
 * a one-time recovery code stored only as a keyed hash.
 */
@Injectable()
export class SecondFactorService {
  readonly #steps = new TotpSteps();

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly recoveryCodes: RecoveryCodeRepository,
  ) {}

  /** Whether `code` is a valid second factor for the user right now, without using it up. */
  async match(db: Db, user: StaffRecord, code: string, now: Date): Promise<SecondFactorMatch | null> {
    if (!user.totpSecret) return null;
    if (isTotpCode(code)) {
      // Steps are remembered per secret: a newly enrolled one starts afresh.
      const ledger = `${user.id}/${user.totpSecret}`;
      const step = this.#steps.match(ledger, this.secretOf(user.id, user.totpSecret), code, now);
      return step === null ? null : { kind: 'totp', ledger, step };
    }
    // Recovery codes exist only once the TOTP was confirmed.
    if (!user.totpConfirmed) return null;
    const codeHash = this.hashRecoveryCode(user.id, code);
    return (await this.recoveryCodes.isUnused(db, user.id, codeHash)) ? { kind: 'recovery-code', codeHash } : null;
  }

  /** Uses the factor up; false when a concurrent request used it first. */
  consume(db: Db, userId: string, match: SecondFactorMatch, now: Date): Promise<boolean> {
    if (match.kind === 'totp') return Promise.resolve(this.#steps.markUsed(match.ledger, match.step));
    return this.recoveryCodes.use(db, userId, match.codeHash, now);
  }

  /** A fresh TOTP secret for the person to scan (stored unconfirmed by the caller). */
  async enrol(user: Pick<StaffRecord, 'id' | 'email'>): Promise<Enrolment> {
    const secret = newTotpSecret();
    const uri = totpUri(secret, this.runtime.config.TENANT, user.email);
    return {
      storedSecret: encryptTotpSecret(this.runtime.secrets.indexKey, secret, this.binding(user.id)),
      secret,
      uri,
      qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }

  /** Replaces the person's recovery codes with new ones; returns them (shown once, never stored). */
  async issueRecoveryCodes(db: Db, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
    await this.recoveryCodes.replace(
      db,
      userId,
      codes.map((code) => this.hashRecoveryCode(userId, code)),
    );
    return codes;
  }

  deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
    return this.recoveryCodes.deleteAllOf(db, userId);
  }

  private secretOf(userId: string, stored: string): string {
    return decryptTotpSecret(this.runtime.secrets.indexKey, stored, this.binding(userId));
  }

  private hashRecoveryCode(userId: string, code: string): string {
    return hashStaffSecret(this.runtime.secrets.indexKey, 'recovery-code', normalizeRecoveryCode(code), userId);
  }

  private binding(userId: string) {
    return { tenant: this.runtime.config.TENANT, userId };
  }
}

/** As typed from paper: any case, dashes and spaces ignored, o/i/l read as 0/1 (Crockford). */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}
