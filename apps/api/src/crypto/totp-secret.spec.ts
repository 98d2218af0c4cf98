import { describe, expect, test } from '@jest/globals';

import { generateSecret, parseIndexKey } from './secrets.js';
import { decryptTotpSecret, encryptTotpSecret } from './totp-secret.js';
import { codeOf } from './error-code.testing.js';

const indexKey = parseIndexKey(generateSecret('index-key'));
const binding = { tenant: 'ml-mnpddh', userId: '0b5f9a52-4c1e-4b44-9f1e-0d3c2b1a0f00' };
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secrets at rest', () => {
  test('round-trip, and the stored value does not contain the secret', () => {
    const sut = encryptTotpSecret(indexKey, secret, binding);
    expect(sut).not.toContain(secret);
    expect(decryptTotpSecret(indexKey, sut, binding)).toBe(secret);
  });

  test('a value moved to another user, another tenant or opened with another index key fails', () => {
    const sut = encryptTotpSecret(indexKey, secret, binding);
    expect(codeOf(() => decryptTotpSecret(indexKey, sut, { ...binding, userId: 'someone-else' }))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => decryptTotpSecret(indexKey, sut, { ...binding, tenant: 'other' }))).toBe('DECRYPT_FAILED');
    const otherKey = parseIndexKey(generateSecret('index-key'));
    expect(codeOf(() => decryptTotpSecret(otherKey, sut, binding))).toBe('KEY_MISMATCH');
  });
});
