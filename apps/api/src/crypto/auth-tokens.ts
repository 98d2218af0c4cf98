/**
 * The one-time secrets of staff sign-in.
 *   - Activation tokens (32 random bytes) and recovery codes (50 bits) are
 *     stored only as keyed BLAKE2b under a subkey of the index key, so a
 *     database leak can neither use them nor test guesses offline.
 *   - The CSRF token is keyed BLAKE2b of the session id hash under the
 *     session key from the cookie: nothing is stored, and only the holder of
 *     the cookie can compute it.
 */
import { constantTimeEqual, fromBase64Url, toBase64Url, utf8 } from './bytes.js';
import { hashCanonical } from './hash.js';
import { keyBytes, requireKind } from './secret-key.js';
import type { IndexKey } from './secrets.js';
import { memzero, randomBytes } from './sodium.js';

/** Crockford's base32, lower case: no i, l, o, u to misread when typed from paper. */
const CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type StaffSecretPurpose = 'activation-token' | 'recovery-code' | 'security-key';

/** 32 random bytes, base64url: the secret half of an activation link. */
export function generateActivationToken(): string {
  return toBase64Url(randomBytes(32));
}

/** `groups` groups of five base32 characters (5 bits each), joined by dashes. */
function randomCode(groups: number): string {
  const bytes = randomBytes(groups * 5);
  // 256 is a multiple of 32: masking keeps every character equally likely.
  const characters = Array.from(bytes, (byte) => CODE_ALPHABET[byte & 31]);
  memzero(bytes);
  const parts: string[] = [];
  for (let index = 0; index < groups; index++) parts.push(characters.slice(index * 5, index * 5 + 5).join(''));
  return parts.join('-');
}

/** A recovery code, `xxxxx-xxxxx` (50 bits): typed at login instead of a TOTP code. */
export function generateRecoveryCode(): string {
  return randomCode(2);
}

/** A random one-time password, `xxxxx-xxxxx-xxxxx-xxxxx-xxxxx` (125 bits), for a bootstrap admin. */
export function generateOneTimePassword(): string {
  return randomCode(5);
}

/**
 * What the database stores for an activation token or a recovery code:
 * keyed BLAKE2b under a subkey of the index key, bound to its purpose and
 * (for recovery codes) to the user.
 */
export function hashStaffSecret(indexKey: IndexKey, purpose: StaffSecretPurpose, value: string, userId = ''): string {
  requireKind(indexKey.value, ['index']);
  const subkey = hashCanonical('mnpddh/staff-secret-key/v1', [], keyBytes(indexKey.value));
  const input = utf8(value, purpose);
  try {
    return toBase64Url(hashCanonical(`mnpddh/${purpose}/v1`, [userId, input], subkey));
  } finally {
    memzero(subkey, input);
  }
}

/** The session's CSRF token (base64url, 32 bytes), from the cookie's session key and the stored id hash. */
export function deriveCsrfToken(sessionKey: string, sessionIdHash: string): string {
  const key = fromBase64Url(sessionKey, 'session key', 32);
  try {
    return toBase64Url(hashCanonical('mnpddh/csrf-token/v1', [sessionIdHash], key));
  } finally {
    memzero(key);
  }
}

/** Constant-time check of a presented token; a malformed one is simply wrong. */
export function csrfTokenMatches(sessionKey: string, sessionIdHash: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(presented)) return false;
  const expected = Buffer.from(deriveCsrfToken(sessionKey, sessionIdHash), 'utf8');
  return constantTimeEqual(expected, Buffer.from(presented, 'utf8'));
}
