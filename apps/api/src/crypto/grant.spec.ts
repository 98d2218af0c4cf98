import { describe, expect, test } from '@jest/globals';

import { generateCaseKeys } from './case-keys.js';
import { issueCertificate } from './certificate.js';
import { hashSealedKey, signGrant, verifyGrant, type GrantStatement } from './grant.js';
import { generateIdentityKeyPair } from './key-pair.js';
import { sealCaseKey } from './seal.js';
import { deriveIntakeKeyPair, generateSigningKeyPair } from './signing.js';
import { codeOf } from './error-code.testing.js';

const directory = generateSigningKeyPair();
const certify = (userId: string, role: string, publicKey: string) => issueCertificate({ tenant: 'ml', userId, role, publicKey, epoch: 1 }, directory);

const supervisor = generateIdentityKeyPair();
const caseworker = generateIdentityKeyPair();
const intake = deriveIntakeKeyPair(directory);
const supervisorCertificate = certify('sup-1', 'supervisor', supervisor.publicKey);
const caseworkerCertificate = certify('cw-1', 'caseworker', caseworker.publicKey);
const intakeCertificate = certify('intake', 'intake', intake.publicKey);

const { caseKey } = generateCaseKeys();
const sealedKey = sealCaseKey(
  caseKey,
  { tenant: 'ml', caseId: 'case-1' },
  {
    certificate: caseworkerCertificate,
    directoryPublicKey: directory.publicKey,
    expect: { tenant: 'ml', userId: 'cw-1', roles: ['caseworker'] },
  },
);
const grant: GrantStatement = {
  tenant: 'ml',
  caseId: 'case-1',
  keyKind: 'case',
  recipientId: 'cw-1',
  recipientPublicKey: caseworker.publicKey,
  sealedKey,
};
const bySupervisor = {
  certificate: supervisorCertificate,
  directoryPublicKey: directory.publicKey,
  expect: { tenant: 'ml', userId: 'sup-1', roles: ['supervisor', 'caseworker'] },
};

describe('grant signatures', () => {
  test('a grant signed by a supervisor verifies against their certificate', () => {
    const signature = signGrant(grant, supervisor);

    expect(() => verifyGrant(grant, signature, bySupervisor)).not.toThrow();
  });

  test('a grant made at intake verifies against the certified intake identity', () => {
    const signature = signGrant(grant, intake);

    expect(() =>
      verifyGrant(grant, signature, {
        certificate: intakeCertificate,
        directoryPublicKey: directory.publicKey,
        expect: { tenant: 'ml', userId: 'intake', roles: ['intake'] },
      }),
    ).not.toThrow();
  });

  test('the signature covers a hash of the sealed key, not the key itself', () => {
    expect(hashSealedKey(sealedKey)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashSealedKey(sealedKey)).not.toBe(hashSealedKey(sealedKey.slice(0, -2) + 'AA'));
  });

  const signature = signGrant(grant, supervisor);
  const otherSealedKey = sealCaseKey(
    generateCaseKeys().caseKey,
    { tenant: 'ml', caseId: 'case-1' },
    {
      certificate: caseworkerCertificate,
      directoryPublicKey: directory.publicKey,
      expect: { tenant: 'ml', userId: 'cw-1', roles: ['caseworker'] },
    },
  );

  test.each<[string, Partial<GrantStatement>]>([
    ['moved to another case', { caseId: 'case-2' }],
    ['moved to another tenant', { tenant: 'bf' }],
    ['relabelled as a thread key', { keyKind: 'thread' }],
    ['redirected to another recipient', { recipientId: 'cw-2' }],
    ['redirected to another public key', { recipientPublicKey: generateIdentityKeyPair().publicKey }],
    ['with the sealed key replaced', { sealedKey: otherSealedKey }],
  ])('refuses a grant %s (BAD_SIGNATURE)', (_name, change) => {
    expect(codeOf(() => verifyGrant({ ...grant, ...change }, signature, bySupervisor))).toBe('BAD_SIGNATURE');
  });

  test('refuses a signature by someone else presented under the supervisor certificate', () => {
    expect(codeOf(() => verifyGrant(grant, signGrant(grant, generateIdentityKeyPair()), bySupervisor))).toBe('BAD_SIGNATURE');
  });

  test('refuses a garbled signature', () => {
    expect(codeOf(() => verifyGrant(grant, 'not-a-signature', bySupervisor))).toBe('BAD_SIGNATURE');
  });

  test('refuses a granter whose certificate is not the expected one (BAD_CERTIFICATE)', () => {
    expect(codeOf(() => verifyGrant(grant, signature, { ...bySupervisor, expect: { ...bySupervisor.expect, userId: 'sup-9' } }))).toBe('BAD_CERTIFICATE');
    expect(codeOf(() => verifyGrant(grant, signature, { ...bySupervisor, expect: { ...bySupervisor.expect, roles: ['custodian'] } }))).toBe('BAD_CERTIFICATE');
  });
});
