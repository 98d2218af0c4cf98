import { Secret, TOTP } from 'otpauth';

/** What every authenticator app understands (RFC 6238 defaults). */
const TOTP_OPTIONS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** One step either side: 30 s of clock drift between phone and server. */
const WINDOW = 1;

/** A fresh 160-bit secret, base32 (what otpauth URIs and apps use). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, issuer: string, account: string): string {
  return new TOTP({ ...TOTP_OPTIONS, issuer, label: account, secret: Secret.fromBase32(secret) }).toString();
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * Checks TOTP codes and refuses a step that was already used (or an older
 * one), so a code seen over a shoulder or replayed from a phished page is
 * worth nothing once its owner has signed in. The last step used per
 * account (a key the caller chooses: a user and their current secret) lives
 * in memory: a restart forgets it, which at most re-opens the 90 s window of
 * codes that were valid at that moment.
 */
export class TotpSteps {
  readonly #lastUsed = new Map<string, number>();

  /** The step a code belongs to, if it is valid now and newer than the account's last; else null. */
  match(account: string, secret: string, code: string, now: Date): number | null {
    if (!isTotpCode(code)) return null;
    const timestamp = now.getTime();
    const delta = TOTP.validate({ ...TOTP_OPTIONS, token: code, secret: Secret.fromBase32(secret), timestamp, window: WINDOW });
    if (delta === null) return null;
    const step = TOTP.counter({ period: TOTP_OPTIONS.period, timestamp }) + delta;
    return step > (this.#lastUsed.get(account) ?? -1) ? step : null;
  }

  /** Records the step as used; false if it (or a later one) already was — a concurrent replay. */
  markUsed(account: string, step: number): boolean {
    if (step <= (this.#lastUsed.get(account) ?? -1)) return false;
    this.#lastUsed.set(account, step);
    return true;
  }
}
