import { describe, expect, jest, test } from '@jest/globals';

import { generateCaseKeys } from './case-keys.js';
import { issueCertificate } from './certificate.js';
import { generateIdentityKeyPair } from './key-pair.js';
import { openCaseKey, sealCaseKey, type SealRecipient } from './seal.js';
import { generateSigningKeyPair } from './signing.js';
import { sodium } from './sodium.js';
import { codeOf } from './error-code.testing.js';

const directory = generateSigningKeyPair();
const supervisor = generateIdentityKeyPair();
const certificate = issueCertificate({ tenant: 'ml', userId: 'sup-1', role: 'supervisor', publicKey: supervisor.publicKey, epoch: 3 }, directory);
const recipient: SealRecipient = {
  certificate,
  directoryPublicKey: directory.publicKey,
  expect: { tenant: 'ml', userId: 'sup-1', roles: ['supervisor', 'caseworker'] },
};
const where = { tenant: 'ml', caseId: 'case-1' };

describe('sealing case keys to certified keys', () => {
  test('the recipient opens the case key and the thread key it was sent', () => {
    const { caseKey, threadKey } = generateCaseKeys();

    const openedCase = openCaseKey(sealCaseKey(caseKey, where, recipient), 'case', where, supervisor, caseKey.id);
    const openedThread = openCaseKey(sealCaseKey(threadKey, where, recipient), 'thread', where, supervisor);

    expect(openedCase.id).toBe(caseKey.id);
    expect(openedCase.kind).toBe('case');
    expect(openedThread.id).toBe(threadKey.id);
  });

  describe('refused before sealing: nothing reaches crypto_box_seal', () => {
    const attacker = generateIdentityKeyPair();
    const cases: [string, SealRecipient][] = [
      [
        'a forged certificate (signed by a key other than the directory)',
        { ...recipient, certificate: issueCertificate({ ...certificate, publicKey: attacker.publicKey }, generateSigningKeyPair()) },
      ],
      ['a certificate whose public key was swapped by a database writer', { ...recipient, certificate: { ...certificate, publicKey: attacker.publicKey } }],
      [
        'a genuine certificate for another role',
        {
          ...recipient,
          certificate: issueCertificate({ ...certificate, role: 'auditor' }, directory),
        },
      ],
      ['a genuine certificate for another user', { ...recipient, expect: { ...recipient.expect, userId: 'sup-2' } }],
      ['a genuine certificate for another tenant', { ...recipient, expect: { ...recipient.expect, tenant: 'ne' } }],
      ['a superseded certificate (older epoch)', { ...recipient, expect: { ...recipient.expect, epoch: 4 } }],
    ];

    test('(control: a valid certificate does reach crypto_box_seal once)', () => {
      const seal = jest.spyOn(sodium, 'crypto_box_seal');
      try {
        sealCaseKey(generateCaseKeys().caseKey, where, recipient);
        expect(seal).toHaveBeenCalledTimes(1);
      } finally {
        seal.mockRestore();
      }
    });

    test.each(cases)('%s', (_name, badRecipient) => {
      const seal = jest.spyOn(sodium, 'crypto_box_seal');
      try {
        expect(codeOf(() => sealCaseKey(generateCaseKeys().caseKey, where, badRecipient))).toBe('BAD_CERTIFICATE');
        expect(seal).not.toHaveBeenCalled();
      } finally {
        seal.mockRestore();
      }
    });
  });

  describe('opening refuses', () => {
    const { caseKey, threadKey } = generateCaseKeys();
    const sealed = sealCaseKey(caseKey, where, recipient);

    test("another person's key pair (DECRYPT_FAILED)", () => {
      expect(codeOf(() => openCaseKey(sealed, 'case', where, generateIdentityKeyPair()))).toBe('DECRYPT_FAILED');
    });

    test('a sealed key moved to another case (KEY_MISMATCH)', () => {
      expect(codeOf(() => openCaseKey(sealed, 'case', { ...where, caseId: 'case-2' }, supervisor))).toBe('KEY_MISMATCH');
    });

    test('a thread key passed off as a case key (KEY_MISMATCH)', () => {
      const sealedThread = sealCaseKey(threadKey, where, recipient);
      expect(codeOf(() => openCaseKey(sealedThread, 'case', where, supervisor))).toBe('KEY_MISMATCH');
    });

    test('a key other than the one the ciphertexts name (KEY_MISMATCH)', () => {
      expect(codeOf(() => openCaseKey(sealed, 'case', where, supervisor, generateCaseKeys().caseKey.id))).toBe('KEY_MISMATCH');
    });

    test('a tampered sealed value (DECRYPT_FAILED)', () => {
      const bytes = Buffer.from(sealed, 'base64url');
      bytes[bytes.length - 5]! ^= 1;
      expect(codeOf(() => openCaseKey(bytes.toString('base64url'), 'case', where, supervisor))).toBe('DECRYPT_FAILED');
    });

    test('a file key or other kind of key is never sealed', () => {
      expect(codeOf(() => sealCaseKey({ kind: 'file' } as never, where, recipient))).toBe('INVALID_INPUT');
    });
  });
});
