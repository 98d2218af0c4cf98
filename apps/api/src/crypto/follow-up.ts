/**
 * The defender's side of the vault, without an account:
 *   - a follow-up session holds the thread key only for its short life,
 *     wrapped under the session key that lives in the defender's cookie;
 *   - an idempotency key (random, from the browser) finds a retried
 *     submission by a hash, and keeps the first answer (the receipt) for a
 *     few minutes encrypted under a key only that idempotency key derives.
 */
import { decrypt, encrypt } from './aead.js';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import type { ThreadKey } from './case-keys.js';
import { keyBytes, KEY_BYTES, requireKind, SecretKey } from './secret-key.js';
import { memzero } from './sodium.js';

export interface FollowUpBinding {
  readonly sessionIdHash: string;
  readonly caseId: string;
}

function sessionKey(text: string): SecretKey<'session'> {
  return new SecretKey('session', fromBase64Url(text, 'session key', KEY_BYTES));
}

const threadContext = (binding: FollowUpBinding) => ['mnpddh/follow-up-thread-key/v1', binding.sessionIdHash, binding.caseId] as const;

export function wrapThreadKeyForSession(threadKey: ThreadKey, sessionKeyText: string, binding: FollowUpBinding): string {
  requireKind(threadKey, ['thread']);
  const key = sessionKey(sessionKeyText);
  try {
    return encodeCiphertext(encrypt(key, keyBytes(threadKey), threadContext(binding)));
  } finally {
    key.destroy();
  }
}

export function unwrapThreadKeyForSession(wrapped: string, sessionKeyText: string, binding: FollowUpBinding): ThreadKey {
  const key = sessionKey(sessionKeyText);
  try {
    const bytes = decrypt(key, parseCiphertext(wrapped), threadContext(binding));
    if (bytes.length !== KEY_BYTES) {
      memzero(bytes);
      throw new CryptoError('BAD_FORMAT', 'follow-up thread key: wrong length');
    }
    return new SecretKey('thread', bytes);
  } finally {
    key.destroy();
  }
}

const MIN_IDEMPOTENCY_KEY = 16;

function idempotencyBytes(idempotencyKey: string): Buffer {
  if (typeof idempotencyKey !== 'string' || idempotencyKey.length < MIN_IDEMPOTENCY_KEY || idempotencyKey.length > 200) {
    throw new CryptoError('INVALID_INPUT', 'idempotency key must be 16 to 200 characters');
  }
  return utf8(idempotencyKey, 'idempotency key');
}

/** What the database stores to recognise a retried submission (the key itself is never stored). */
export function idempotencyLookupId(idempotencyKey: string, tenant: string): string {
  return toBase64Url(hashCanonical('mnpddh/idempotency-id/v1', [tenant, idempotencyBytes(idempotencyKey)]));
}

function replayKey(idempotencyKey: string, tenant: string): SecretKey<'replay'> {
  return new SecretKey('replay', hashCanonical('mnpddh/idempotency-key/v1', [tenant, idempotencyBytes(idempotencyKey)]));
}

/** The first answer to a submission, readable only by whoever holds the idempotency key. */
export function sealReplay(answer: string, idempotencyKey: string, tenant: string): string {
  const key = replayKey(idempotencyKey, tenant);
  try {
    return encodeCiphertext(encrypt(key, utf8(answer, 'replay answer'), ['mnpddh/intake-replay/v1', tenant]));
  } finally {
    key.destroy();
  }
}

export function openReplay(sealed: string, idempotencyKey: string, tenant: string): string {
  const key = replayKey(idempotencyKey, tenant);
  try {
    return fromUtf8(decrypt(key, parseCiphertext(sealed), ['mnpddh/intake-replay/v1', tenant]), 'replay answer');
  } finally {
    key.destroy();
  }
}
