import { describe, expect, test } from '@jest/globals';

import { csrfTokenMatches, deriveCsrfToken, generateActivationToken, generateOneTimePassword, generateRecoveryCode, hashStaffSecret } from './auth-tokens.js';
import { generateSecret, parseIndexKey } from './secrets.js';
import { createSessionSecrets } from './session.js';

const indexKey = parseIndexKey(generateSecret('index-key'));

describe('staff one-time secrets', () => {
  test('activation tokens are 32 random bytes; codes use the unambiguous alphabet', () => {
    expect(generateActivationToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateActivationToken()).not.toBe(generateActivationToken());
    expect(generateRecoveryCode()).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(generateOneTimePassword()).toMatch(/^([0-9a-hjkmnp-tv-z]{5}-){4}[0-9a-hjkmnp-tv-z]{5}$/);
  });

  test('stored hashes depend on the index key, the purpose and the user', () => {
    const sut = hashStaffSecret(indexKey, 'recovery-code', 'abcde12345', 'user-1');
    expect(sut).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashStaffSecret(indexKey, 'recovery-code', 'abcde12345', 'user-1')).toBe(sut);
    expect(hashStaffSecret(indexKey, 'recovery-code', 'abcde12345', 'user-2')).not.toBe(sut);
    expect(hashStaffSecret(indexKey, 'activation-token', 'abcde12345', 'user-1')).not.toBe(sut);
    expect(hashStaffSecret(parseIndexKey(generateSecret('index-key')), 'recovery-code', 'abcde12345', 'user-1')).not.toBe(sut);
  });
});

describe('CSRF tokens', () => {
  const session = createSessionSecrets();

  test('the token of a session matches; another session, a changed or malformed token does not', () => {
    const sut = deriveCsrfToken(session.sessionKey, session.sessionIdHash);
    expect(csrfTokenMatches(session.sessionKey, session.sessionIdHash, sut)).toBe(true);
    const other = createSessionSecrets();
    expect(csrfTokenMatches(other.sessionKey, other.sessionIdHash, sut)).toBe(false);
    expect(csrfTokenMatches(session.sessionKey, session.sessionIdHash, `${sut.slice(0, -1)}${sut.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(csrfTokenMatches(session.sessionKey, session.sessionIdHash, undefined)).toBe(false);
    expect(csrfTokenMatches(session.sessionKey, session.sessionIdHash, ['x'])).toBe(false);
    expect(csrfTokenMatches(session.sessionKey, session.sessionIdHash, '')).toBe(false);
  });

  test('needs the session key: the stored id hash alone does not give the token', () => {
    const sut = deriveCsrfToken(session.sessionKey, session.sessionIdHash);
    expect(deriveCsrfToken(createSessionSecrets().sessionKey, session.sessionIdHash)).not.toBe(sut);
  });
});
