import { describe, expect, test } from '@jest/globals';

import { generateCaseKeys } from './case-keys.js';
import { createDetailsKey, openDetails, sealDetails } from './details-seal.js';
import { generateIdentityKeyPair } from './key-pair.js';
import { codeOf } from './error-code.testing.js';

const intake = generateIdentityKeyPair();
const where = { tenant: 'ml', caseId: 'case-1' };
const words = '{"incidents":[{"place":"Kidal, près du marché"}]}';

describe('details sealed to the case holders', () => {
  test('a holder of the case key opens what the server sealed', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);

    const sealed = sealDetails(words, where, key, intake.publicKey);

    expect(sealed).not.toContain('Kidal');
    expect(openDetails(sealed, caseKey, where, key)).toBe(words);
  });

  test('the thread key (what a receipt opens) does not open them', () => {
    const { caseKey, threadKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);
    const sealed = sealDetails(words, where, key, intake.publicKey);

    expect(codeOf(() => openDetails(sealed, threadKey as never, where, key))).not.toBe('NO_ERROR');
  });

  test('a public key a database writer put in place of the signed one receives nothing', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);
    const attacker = generateIdentityKeyPair();

    expect(codeOf(() => sealDetails(words, where, { ...key, publicKey: attacker.publicKey }, intake.publicKey))).toBe('BAD_SIGNATURE');
  });

  test('a signed key moved to another case receives nothing', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);

    expect(codeOf(() => sealDetails(words, { ...where, caseId: 'case-2' }, key, intake.publicKey))).toBe('BAD_SIGNATURE');
  });

  test('a key signed by anyone but the intake key receives nothing', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, generateIdentityKeyPair());

    expect(codeOf(() => sealDetails(words, where, key, intake.publicKey))).toBe('BAD_SIGNATURE');
  });

  test('sealed details moved to another case do not open there', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);
    const sealed = sealDetails(words, where, key, intake.publicKey);

    expect(codeOf(() => openDetails(sealed, caseKey, { ...where, caseId: 'case-2' }, key))).toBe('DECRYPT_FAILED');
  });

  test('an altered sealed value does not open', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);
    const sealed = Buffer.from(sealDetails(words, where, key, intake.publicKey), 'base64url');
    sealed.writeUInt8(sealed.readUInt8(sealed.length - 1) ^ 1, sealed.length - 1);

    expect(codeOf(() => openDetails(sealed.toString('base64url'), caseKey, where, key))).toBe('DECRYPT_FAILED');
  });

  test('lengths are padded: short and slightly longer details seal to the same size', () => {
    const { caseKey } = generateCaseKeys();
    const key = createDetailsKey(caseKey, where, intake);

    expect(sealDetails('{"a":1}', where, key, intake.publicKey).length).toBe(sealDetails('{"a":"twenty characters"}', where, key, intake.publicKey).length);
  });
});
