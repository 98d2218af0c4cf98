/**
 * Argon2id through libsodium's crypto_pwhash, always on the libuv thread pool
 * (sodium-native's async variant), so a 0.5 s derivation never blocks the
 * event loop. Parameters are data: stored with each password record,
 * versioned, and small in tests.
 */
import { CryptoError } from './errors.js';
import { memzero, sodium } from './sodium.js';

export interface Argon2Params {
  /** Identifies this parameter set in stored records; bump it when the values change. */
  readonly version: number;
  /** passes over memory (crypto_pwhash opslimit) */
  readonly opslimit: number;
  /** bytes of memory (crypto_pwhash memlimit) */
  readonly memlimit: number;
}

const MIB = 1024 * 1024;

/**
 * Staff passwords: 128 MiB, 8 passes ≈ 0.57 s on the reference machine
 * (bench/RESULTS.md). Raise `version` with any change.
 */
export const PASSWORD_PARAMS_V1: Argon2Params = { version: 1, opslimit: 8, memlimit: 128 * MIB };

/**
 * Receipts: 64 MiB, 3 passes ≈ 0.1 s. The receipt's 79 bits of entropy and
 * the pepper kept outside the database are what protect it; Argon2id is the
 * second line should both the database and the pepper leak, and a cheaper
 * setting keeps the intake worker pool responsive under a guessing flood.
 */
export const RECEIPT_PARAMS_V1: Argon2Params = { version: 1, opslimit: 3, memlimit: 64 * MIB };

/** libsodium's INTERACTIVE limits (2 passes, 64 MiB), for comparison in the bench. */
export const INTERACTIVE_PARAMS: Argon2Params = {
  version: 0,
  opslimit: sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
  memlimit: sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
};

/** The smallest parameters libsodium accepts: for tests only, never for stored records. */
export const TEST_ONLY_ARGON2_PARAMS: Argon2Params = {
  version: 1,
  opslimit: sodium.crypto_pwhash_OPSLIMIT_MIN,
  memlimit: sodium.crypto_pwhash_MEMLIMIT_MIN,
};

export const SALT_BYTES = 16;

export function assertArgon2Params(params: Argon2Params): void {
  const ok =
    Number.isSafeInteger(params.version) &&
    params.version >= 0 &&
    Number.isSafeInteger(params.opslimit) &&
    params.opslimit >= sodium.crypto_pwhash_OPSLIMIT_MIN &&
    params.opslimit <= sodium.crypto_pwhash_OPSLIMIT_MAX &&
    Number.isSafeInteger(params.memlimit) &&
    params.memlimit >= sodium.crypto_pwhash_MEMLIMIT_MIN &&
    params.memlimit <= sodium.crypto_pwhash_MEMLIMIT_MAX;
  if (!ok) throw new CryptoError('INVALID_INPUT', 'Argon2id parameters out of range');
}

/** Argon2id(input, salt) → 32 bytes; the caller zeroes the output when done. */
export async function argon2id(input: Uint8Array, salt: Uint8Array, params: Argon2Params): Promise<Buffer> {
  assertArgon2Params(params);
  if (salt.byteLength !== SALT_BYTES) throw new CryptoError('INVALID_INPUT', 'Argon2id salt must be 16 bytes');
  const out = Buffer.alloc(32);
  try {
    await sodium.crypto_pwhash_async(out, input, salt, params.opslimit, params.memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  } catch {
    memzero(out);
    throw new CryptoError('INVALID_INPUT', 'Argon2id failed (out of memory?)');
  }
  return out;
}
