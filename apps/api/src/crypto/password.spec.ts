import { describe, expect, jest, test } from '@jest/globals';

import { argon2id, PASSWORD_PARAMS_V1, TEST_ONLY_ARGON2_PARAMS } from './argon2.js';
import { createPasswordRecord, passwordNeedsRehash, rejectUnknownAccount, verifyPassword, type PasswordRecord } from './password.js';
import { sodium } from './sodium.js';

const params = TEST_ONLY_ARGON2_PARAMS;
const password = 'Correct horse: Sévaré 2024';

describe('Argon2id', () => {
  test('known-answer vector through the module wrapper (cross-checked with the WASM build)', async () => {
    const sut = await argon2id(Buffer.from('password'), Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'), params);

    expect(sut.toString('hex')).toBe('3a008963c65f7ffa7331a90babd1fd17ea9f03bd05356b857ceb43f7b7080adc');
  });

  test('runs on the thread pool (async), never the blocking variant', async () => {
    const sync = jest.spyOn(sodium, 'crypto_pwhash');
    const async_ = jest.spyOn(sodium, 'crypto_pwhash_async');
    try {
      await argon2id(Buffer.from('x'), Buffer.alloc(16), params);
      expect(sync).not.toHaveBeenCalled();
      expect(async_).toHaveBeenCalledTimes(1);
    } finally {
      sync.mockRestore();
      async_.mockRestore();
    }
  });

  test('production parameters stay in the range SECURITY.md asks for (64-128 MiB, several passes)', () => {
    expect(PASSWORD_PARAMS_V1.memlimit).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(PASSWORD_PARAMS_V1.memlimit).toBeLessThanOrEqual(128 * 1024 * 1024);
    expect(PASSWORD_PARAMS_V1.opslimit).toBeGreaterThanOrEqual(3);
  });

  test('refuses parameters out of range and salts of the wrong size', async () => {
    await expect(argon2id(Buffer.from('x'), Buffer.alloc(16), { version: 1, opslimit: 0, memlimit: 8192 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(argon2id(Buffer.from('x'), Buffer.alloc(8), params)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('staff passwords', () => {
  test('known-answer vector: a stored record verifies and yields the same wrapping key', async () => {
    const record: PasswordRecord = {
      salt: 'AAECAwQFBgcICQoLDA0ODw',
      params,
      verifier: 'SL2CRgiyc7hwFXiAGycvjocT3n3mcWevhqrZao9s9o8',
    };

    const sut = await verifyPassword(password, record);

    expect(sut.kind).toBe('password-wrap');
    expect(sut.id).toBe('vaFmffq_0FkWiSsKLvMUUA');
  });

  test('a new record verifies with the same password and gives the same wrapping key', async () => {
    const created = await createPasswordRecord(password, params);

    const sut = await verifyPassword(password, created.record);

    expect(sut.id).toBe(created.wrappingKey.id);
    expect(created.record.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.record.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.record.verifier).not.toBe(created.wrappingKey.id);
  });

  test('the same password gets a different salt, verifier and wrapping key for each record', async () => {
    const a = await createPasswordRecord(password, params);
    const b = await createPasswordRecord(password, params);

    expect(a.record.salt).not.toBe(b.record.salt);
    expect(a.record.verifier).not.toBe(b.record.verifier);
    expect(a.wrappingKey.id).not.toBe(b.wrappingKey.id);
  });

  test('a wrong password throws WRONG_PASSWORD', async () => {
    const { record } = await createPasswordRecord(password, params);

    await expect(verifyPassword('Correct horse: Sevare 2024', record)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  test('accents typed decomposed (NFD) match the same password typed composed (NFC)', async () => {
    const { record } = await createPasswordRecord('Ségou', params);

    await expect(verifyPassword('Se\u0301gou', record)).resolves.toBeDefined();
  });

  test('an unknown account spends the same work and fails like a wrong password', async () => {
    const hash = jest.spyOn(sodium, 'crypto_pwhash_async');
    try {
      await expect(rejectUnknownAccount(password, params)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
      expect(hash).toHaveBeenCalledTimes(1);
      expect(hash.mock.calls[0]?.[4]).toBe(params.memlimit);
    } finally {
      hash.mockRestore();
    }
  });

  test('a tampered record is refused (BAD_FORMAT), an empty password too (INVALID_INPUT)', async () => {
    const { record } = await createPasswordRecord(password, params);

    await expect(verifyPassword(password, { ...record, salt: 'short' })).rejects.toMatchObject({ code: 'BAD_FORMAT' });
    await expect(verifyPassword(password, { ...record, verifier: record.verifier + 'A' })).rejects.toMatchObject({
      code: 'BAD_FORMAT',
    });
    await expect(createPasswordRecord('', params)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  test('a record made with other parameters needs a rehash at the next login', async () => {
    const { record } = await createPasswordRecord(password, params);

    expect(passwordNeedsRehash(record, params)).toBe(false);
    expect(passwordNeedsRehash(record, PASSWORD_PARAMS_V1)).toBe(true);
    expect(passwordNeedsRehash(record, { ...params, version: params.version + 1 })).toBe(true);
  });
});
