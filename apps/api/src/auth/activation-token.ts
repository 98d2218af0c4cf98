import type { AppConfig } from '../config/config.schema.js';
import { generateActivationToken } from '../crypto/index.js';

/**
 * One-time activation links. The kind is the token's first letter; since the
 * database keeps only a keyed hash of the whole token, changing the letter
 * (to skip the password check of a second-factor reset, say) yields a token
 * that matches nothing.
 *   invite, password-reset: set a new password; the old key pair, grants and
 *     sessions go (SECURITY.md: a reset never reuses a key the old password knew)
 *   second-factor-reset: prove the current password; the key pair stays
 */
export const ACTIVATION_KINDS = { invite: 'i', 'password-reset': 'p', 'second-factor-reset': 's' } as const;
export type ActivationKind = keyof typeof ACTIVATION_KINDS;

export const ACTIVATION_LIFETIME_MS = 72 * 60 * 60_000;

export function newActivationToken(kind: ActivationKind): string {
  return `${ACTIVATION_KINDS[kind]}.${generateActivationToken()}`;
}

export function activationKindOf(token: string): ActivationKind | null {
  const prefix = /^([a-z])\.[A-Za-z0-9_-]{43}$/.exec(token)?.[1];
  const found = Object.entries(ACTIVATION_KINDS).find(([, letter]) => letter === prefix);
  return found ? (found[0] as ActivationKind) : null;
}

/**
 * The link to hand over; the token sits in the fragment, which browsers never send, so no server log holds it.
 * Without a configured URL, the address the portal listens on (not "localhost", which may resolve to ::1 where nothing answers).
 */
export function activationUrl(config: Pick<AppConfig, 'PUBLIC_URL' | 'STAFF_URL' | 'PORT'> & Partial<Pick<AppConfig, 'HOST'>>, token: string): string {
  const host = !config.HOST || config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const base = (config.STAFF_URL ?? config.PUBLIC_URL ?? `http://${host}:${config.PORT}`).replace(/\/+$/, '');
  return `${base}/personnel/activation#${token}`;
}
