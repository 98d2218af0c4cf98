/**
 * Staff passwords: one Argon2id derivation per login (per-user random salt,
 * stored and upgradable parameters), split with crypto_kdf into
 *   - a verifier, stored, compared in constant time at login, and
 *   - a wrapping key, never stored, that unwraps the user's private key.
 * Neither half reveals the other. Passwords are NFC-normalised first, so
 * "é" typed as one code point or as e + accent is the same password.
 */
import { argon2id, assertArgon2Params, PASSWORD_PARAMS_V1, SALT_BYTES, type Argon2Params } from './argon2.js';
import { constantTimeEqual, fromBase64Url, toBase64Url, utf8 } from './bytes.js';
import { CryptoError } from './errors.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { SecretKey } from './secret-key.js';
import { memzero, randomBytes } from './sodium.js';

export interface PasswordRecord {
  /** 16 random bytes, base64url */
  readonly salt: string;
  readonly params: Argon2Params;
  /** 32 bytes, base64url */
  readonly verifier: string;
}

export type PasswordWrappingKey = SecretKey<'password-wrap'>;

export interface PasswordDerivation {
  readonly record: PasswordRecord;
  /** Unwraps the private key; `destroy()` it when the login is done. */
  readonly wrappingKey: PasswordWrappingKey;
}

async function derive(password: string, salt: Buffer, params: Argon2Params): Promise<{ verifier: Buffer; wrappingKey: PasswordWrappingKey }> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new CryptoError('INVALID_INPUT', 'password must be a non-empty string');
  }
  const input = utf8(password.normalize('NFC'), 'password');
  const master = await argon2id(input, salt, params);
  try {
    return {
      verifier: deriveSubkey(master, KDF_CONTEXT.password, 1),
      wrappingKey: new SecretKey('password-wrap', deriveSubkey(master, KDF_CONTEXT.password, 2)),
    };
  } finally {
    memzero(master, input);
  }
}

/** For a new password (first login, reset, or a parameter upgrade at login). */
export async function createPasswordRecord(password: string, params: Argon2Params = PASSWORD_PARAMS_V1): Promise<PasswordDerivation> {
  const salt = randomBytes(SALT_BYTES);
  const { verifier, wrappingKey } = await derive(password, salt, params);
  return {
    record: { salt: toBase64Url(salt), params: { ...params }, verifier: toBase64Url(verifier) },
    wrappingKey,
  };
}

/** Throws WRONG_PASSWORD on mismatch; on success returns the wrapping key. */
export async function verifyPassword(password: string, record: PasswordRecord): Promise<PasswordWrappingKey> {
  assertArgon2Params(record.params);
  const salt = fromBase64Url(record.salt, 'password salt', SALT_BYTES);
  const stored = fromBase64Url(record.verifier, 'password verifier', 32);
  const { verifier, wrappingKey } = await derive(password, salt, record.params);
  const ok = constantTimeEqual(verifier, stored);
  memzero(verifier);
  if (!ok) {
    wrappingKey.destroy();
    throw new CryptoError('WRONG_PASSWORD', 'password does not match');
  }
  return wrappingKey;
}

/**
 * For a login name that does not exist: spends the same Argon2id work and
 * then fails exactly like a wrong password, so timing does not reveal which
 * accounts exist.
 */
export async function rejectUnknownAccount(password: string, params: Argon2Params = PASSWORD_PARAMS_V1): Promise<never> {
  const usable = typeof password === 'string' && password.length > 0 ? password : ' ';
  const { verifier, wrappingKey } = await derive(usable, randomBytes(SALT_BYTES), params);
  memzero(verifier);
  wrappingKey.destroy();
  throw new CryptoError('WRONG_PASSWORD', 'password does not match');
}

/** True when the record was made with other parameters than the current ones. */
export function passwordNeedsRehash(record: PasswordRecord, current: Argon2Params = PASSWORD_PARAMS_V1): boolean {
  return record.params.version !== current.version || record.params.opslimit !== current.opslimit || record.params.memlimit !== current.memlimit;
}
