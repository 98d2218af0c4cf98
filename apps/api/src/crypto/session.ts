/**
 * Server-side sessions. The cookie carries a random session id and a random
 * 32-byte session key; the database stores only a hash of the id and the
 * user's private key wrapped under the session key, bound to (session id
 * hash, user id). A database leak therefore yields no usable session and no
 * private key; the cookie alone without the row is useless too.
 */
import { decrypt, encrypt } from './aead.js';
import { fromBase64Url, toBase64Url } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import { keyPairFromSeed, keyPairSecrets, SEED_BYTES, type IdentityKeyPair } from './key-pair.js';
import { SecretKey } from './secret-key.js';
import { randomBytes } from './sodium.js';

export interface SessionSecrets {
  /** for the cookie only; 32 random bytes, base64url */
  readonly sessionId: string;
  /** for the cookie only; 32 random bytes, base64url */
  readonly sessionKey: string;
  /** for the database: BLAKE2b of the id */
  readonly sessionIdHash: string;
}

export interface SessionBinding {
  readonly sessionIdHash: string;
  readonly userId: string;
}

export function createSessionSecrets(): SessionSecrets {
  const sessionId = toBase64Url(randomBytes(32));
  return { sessionId, sessionKey: toBase64Url(randomBytes(32)), sessionIdHash: hashSessionId(sessionId) };
}

/** What the database stores and looks sessions up by. Throws BAD_FORMAT for a malformed cookie value. */
export function hashSessionId(sessionId: string): string {
  const id = fromBase64Url(sessionId, 'session id', 32);
  return toBase64Url(hashCanonical('mnpddh/session-id/v1', [id]));
}

function sessionKeyFrom(sessionKey: string): SecretKey<'session'> {
  return new SecretKey('session', fromBase64Url(sessionKey, 'session key', 32));
}

function context(binding: SessionBinding) {
  return ['mnpddh/session-private-key/v1', binding.sessionIdHash, binding.userId] as const;
}

export function wrapPrivateKeyForSession(pair: IdentityKeyPair, sessionKey: string, binding: SessionBinding): string {
  const key = sessionKeyFrom(sessionKey);
  try {
    return encodeCiphertext(encrypt(key, keyPairSecrets(pair).seed, context(binding)));
  } finally {
    key.destroy();
  }
}

/** On each request: the session key from the cookie opens the private key; it must match `publicKey`. */
export function unwrapPrivateKeyForSession(wrapped: string, sessionKey: string, binding: SessionBinding & { readonly publicKey: string }): IdentityKeyPair {
  const key = sessionKeyFrom(sessionKey);
  try {
    const seed = decrypt(key, parseCiphertext(wrapped), context(binding));
    if (seed.length !== SEED_BYTES) throw new CryptoError('BAD_FORMAT', 'session private key: wrong length');
    return keyPairFromSeed(seed, binding.publicKey);
  } finally {
    key.destroy();
  }
}
