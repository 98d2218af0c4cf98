import { describe, expect, test } from '@jest/globals';

import { TEST_ONLY_ARGON2_PARAMS } from './argon2.js';
import { generateCaseKey } from './case-keys.js';
import { CryptoError } from './errors.js';
import { generateIdentityKeyPair, IdentityKeyPair, keyPairFromSeed, keyPairSecrets, parsePublicKey, unwrapPrivateKey, wrapPrivateKey } from './key-pair.js';
import { createPasswordRecord } from './password.js';
import { codeOf } from './error-code.testing.js';

const { wrappingKey } = await createPasswordRecord('un mot de passe assez long', TEST_ONLY_ARGON2_PARAMS);
const { wrappingKey: otherWrappingKey } = await createPasswordRecord('un autre mot de passe', TEST_ONLY_ARGON2_PARAMS);

describe('identity key pairs', () => {
  test('known-answer vector: the seed determines both public keys (cross-checked with the WASM build)', () => {
    const sut = new IdentityKeyPair(Buffer.alloc(32, 1));

    expect(sut.publicKey).toBe('MTT0EWLM5FDg3msge51mbub2rkfTb7_J1ufALJ8MHgWkiBAjU9JqGmjPwW2tba4KWww9P1wqA95_rBvByFjq5g');
  });

  test('the public key is 32 bytes of X25519 then 32 of Ed25519', () => {
    const sut = generateIdentityKeyPair();

    const { box, sign } = parsePublicKey(sut.publicKey);

    expect(box).toHaveLength(32);
    expect(sign).toHaveLength(32);
    expect(box.equals(sign)).toBe(false);
  });

  test('destroy() zeroes the seed and secret keys, and prints nothing secret', () => {
    const sut = generateIdentityKeyPair();
    const secrets = keyPairSecrets(sut);
    const seedHex = secrets.seed.toString('hex');

    expect(JSON.stringify(sut)).not.toContain(seedHex);
    sut.destroy();

    expect(secrets.seed.equals(Buffer.alloc(32))).toBe(true);
    expect(secrets.boxSecret.equals(Buffer.alloc(32))).toBe(true);
    expect(secrets.signSecret.equals(Buffer.alloc(64))).toBe(true);
    expect(() => keyPairSecrets(sut)).toThrow(CryptoError);
  });

  test('a seed that does not give the expected public key is refused (KEY_MISMATCH)', () => {
    const other = generateIdentityKeyPair();

    expect(codeOf(() => keyPairFromSeed(Buffer.alloc(32, 1), other.publicKey))).toBe('KEY_MISMATCH');
  });
});

describe('private key wrapped under the password', () => {
  const pair = generateIdentityKeyPair();
  const binding = { userId: 'user-1', paramsVersion: 1 };
  const wrapped = wrapPrivateKey(pair, wrappingKey, binding);

  test('unwraps to the same key pair', () => {
    const sut = unwrapPrivateKey(wrapped, wrappingKey, { ...binding, publicKey: pair.publicKey });

    expect(sut.publicKey).toBe(pair.publicKey);
    expect(keyPairSecrets(sut).seed.equals(keyPairSecrets(pair).seed)).toBe(true);
  });

  test.each<[string, () => unknown, string]>([
    ['another password', () => unwrapPrivateKey(wrapped, otherWrappingKey, { ...binding, publicKey: pair.publicKey }), 'KEY_MISMATCH'],
    ['another user', () => unwrapPrivateKey(wrapped, wrappingKey, { ...binding, userId: 'user-2', publicKey: pair.publicKey }), 'DECRYPT_FAILED'],
    ['another parameter version', () => unwrapPrivateKey(wrapped, wrappingKey, { ...binding, paramsVersion: 2, publicKey: pair.publicKey }), 'DECRYPT_FAILED'],
    [
      'another certified public key',
      () => unwrapPrivateKey(wrapped, wrappingKey, { ...binding, publicKey: generateIdentityKeyPair().publicKey }),
      'DECRYPT_FAILED',
    ],
    [
      'a case key in place of the password key',
      () => unwrapPrivateKey(wrapped, generateCaseKey() as never, { ...binding, publicKey: pair.publicKey }),
      'INVALID_INPUT',
    ],
    ['a truncated value', () => unwrapPrivateKey(wrapped.slice(0, -4), wrappingKey, { ...binding, publicKey: pair.publicKey }), 'DECRYPT_FAILED'],
  ])('refuses %s', (_name, attempt, code) => {
    expect(codeOf(attempt)).toBe(code);
  });
});
