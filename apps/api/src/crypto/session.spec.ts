import { describe, expect, test } from '@jest/globals';

import { generateIdentityKeyPair } from './key-pair.js';
import { createSessionSecrets, hashSessionId, unwrapPrivateKeyForSession, wrapPrivateKeyForSession } from './session.js';
import { codeOf } from './error-code.testing.js';

describe('sessions', () => {
  test('known-answer vector: the stored hash of a session id', () => {
    expect(hashSessionId(Buffer.alloc(32, 5).toString('base64url'))).toBe('J4fnWHf5xRvb777ioTvog9BEcPxKy1Wh_wnMfcmpykM');
  });

  test('new sessions have fresh 32-byte ids and keys; the database gets only the hash', () => {
    const a = createSessionSecrets();
    const b = createSessionSecrets();

    expect(a.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.sessionKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(a.sessionIdHash).toBe(hashSessionId(a.sessionId));
    expect(a.sessionIdHash).not.toBe(a.sessionId);
  });

  test('a malformed cookie value is BAD_FORMAT', () => {
    expect(codeOf(() => hashSessionId('not a session id'))).toBe('BAD_FORMAT');
  });

  describe('private key wrapped for the session', () => {
    const pair = generateIdentityKeyPair();
    const session = createSessionSecrets();
    const binding = { sessionIdHash: session.sessionIdHash, userId: 'user-1' };
    const wrapped = wrapPrivateKeyForSession(pair, session.sessionKey, binding);

    test('opens with the cookie key', () => {
      const sut = unwrapPrivateKeyForSession(wrapped, session.sessionKey, { ...binding, publicKey: pair.publicKey });

      expect(sut.publicKey).toBe(pair.publicKey);
    });

    test.each<[string, () => unknown, string]>([
      [
        'another session key',
        () => unwrapPrivateKeyForSession(wrapped, createSessionSecrets().sessionKey, { ...binding, publicKey: pair.publicKey }),
        'KEY_MISMATCH',
      ],
      [
        'another session row',
        () =>
          unwrapPrivateKeyForSession(wrapped, session.sessionKey, {
            ...binding,
            sessionIdHash: createSessionSecrets().sessionIdHash,
            publicKey: pair.publicKey,
          }),
        'DECRYPT_FAILED',
      ],
      [
        'another user',
        () => unwrapPrivateKeyForSession(wrapped, session.sessionKey, { ...binding, userId: 'user-2', publicKey: pair.publicKey }),
        'DECRYPT_FAILED',
      ],
      [
        'another public key',
        () => unwrapPrivateKeyForSession(wrapped, session.sessionKey, { ...binding, publicKey: generateIdentityKeyPair().publicKey }),
        'KEY_MISMATCH',
      ],
    ])('refuses %s', (_name, attempt, code) => {
      expect(codeOf(attempt)).toBe(code);
    });
  });
});
