import { describe, expect, test } from '@jest/globals';

import { encodeCertificate, issueCertificate, parseCertificate, verifyCertificate, type Certificate, type CertificateExpectation } from './certificate.js';
import { generateIdentityKeyPair, IdentityKeyPair, parsePublicKey } from './key-pair.js';
import { deriveIntakeKeyPair, generateSigningKeyPair, SigningKeyPair } from './signing.js';
import { sodium } from './sodium.js';
import { codeOf } from './error-code.testing.js';

const directory = new SigningKeyPair(Buffer.alloc(32, 0x11));
const staffPublicKey = new IdentityKeyPair(Buffer.alloc(32, 1)).publicKey;
const claims = { tenant: 'ml', userId: 'user-1', role: 'supervisor', publicKey: staffPublicKey, epoch: 1 };
const expectation: CertificateExpectation = { tenant: 'ml', userId: 'user-1', roles: ['supervisor', 'caseworker'] };

describe('certificates', () => {
  test('known-answer vector: the signed message is the canonical encoding of the claims', () => {
    const message = Buffer.from(
      '060000000602000000156d6e706464682f63657274696669636174652f763102000000026d6c0200000006757365722d31020000000a73757065727669736f7201000000403134f41162cce450e0de6b207b9d666ee6f6ae47d36fbfc9d6e7c02c9f0c1e05a488102353d26a1a68cfc16dad6dae0a5b0c3d3f5c2a03de7fac1bc1c858eae6030000000000000001',
      'hex',
    );

    const sut = issueCertificate(claims, directory);

    expect(sut.signature).toBe('PeufA0UncFb5Yk6ccsfQqnpnH2vUU-FlVO3sdHP9NS2i8ryhkDrEQwKepfL38wGjYNcr_-vBSiE9ptMs8HinDQ');
    expect(sodium.crypto_sign_verify_detached(Buffer.from(sut.signature, 'base64url'), message, Buffer.from(directory.publicKey, 'base64url'))).toBe(true);
  });

  test('known-answer vector: stored text form', () => {
    const sut = encodeCertificate(issueCertificate(claims, directory));

    expect(sut).toBe(
      'BgAAAAcCAAAAFW1ucGRkaC9jZXJ0aWZpY2F0ZS92MQIAAAACbWwCAAAABnVzZXItMQIAAAAKc3VwZXJ2aXNvcgEAAABAMTT0EWLM5FDg3msge51mbub2rkfTb7_J1ufALJ8MHgWkiBAjU9JqGmjPwW2tba4KWww9P1wqA95_rBvByFjq5gMAAAAAAAAAAQEAAABAPeufA0UncFb5Yk6ccsfQqnpnH2vUU-FlVO3sdHP9NS2i8ryhkDrEQwKepfL38wGjYNcr_-vBSiE9ptMs8HinDQ',
    );
    expect(parseCertificate(sut)).toEqual(issueCertificate(claims, directory));
  });

  test('a valid certificate verifies and yields the certified keys', () => {
    const sut = verifyCertificate(issueCertificate(claims, directory), directory.publicKey, expectation);

    expect(sut.box.equals(parsePublicKey(staffPublicKey).box)).toBe(true);
  });

  const valid = issueCertificate(claims, directory);
  test.each<[string, Certificate, CertificateExpectation]>([
    ['signed by another key (forged)', issueCertificate(claims, generateSigningKeyPair()), expectation],
    ['with a swapped public key', { ...valid, publicKey: generateIdentityKeyPair().publicKey }, expectation],
    ['with a changed role', { ...valid, role: 'caseworker' }, expectation],
    ['with a changed user', { ...valid, userId: 'user-2' }, { ...expectation, userId: 'user-2' }],
    ['with a changed epoch', { ...valid, epoch: 2 }, expectation],
    ['with a garbled signature', { ...valid, signature: 'AAAA' }, expectation],
    ['for another role than expected', valid, { ...expectation, roles: ['custodian'] }],
    ['for another user than expected', valid, { ...expectation, userId: 'user-2' }],
    ['for another tenant than expected', valid, { ...expectation, tenant: 'bf' }],
    ['for an older epoch than expected', valid, { ...expectation, epoch: 2 }],
    ['with a malformed public key', { ...valid, publicKey: 'short' }, expectation],
    ['with a fractional epoch', { ...valid, epoch: 1.5 }, expectation],
    ['with a user id that is not well-formed Unicode', { ...valid, userId: 'user-1\uD800' }, expectation],
  ])('refuses a certificate %s (BAD_CERTIFICATE)', (_name, certificate, expect_) => {
    expect(codeOf(() => verifyCertificate(certificate, directory.publicKey, expect_))).toBe('BAD_CERTIFICATE');
  });

  test('refuses a certificate checked against another directory key', () => {
    expect(codeOf(() => verifyCertificate(valid, generateSigningKeyPair().publicKey, expectation))).toBe('BAD_CERTIFICATE');
  });

  test('parsing refuses anything but a certificate (BAD_FORMAT)', () => {
    expect(codeOf(() => parseCertificate('AAAA'))).toBe('BAD_FORMAT');
    expect(codeOf(() => parseCertificate(Buffer.from('0600000000', 'hex').toString('base64url')))).toBe('BAD_FORMAT');
  });

  test('the intake identity is derived from the directory key: stable, distinct, certifiable', () => {
    const intake = deriveIntakeKeyPair(directory);

    expect(intake.publicKey).toBe('0YIVGU1XPK__0EmmylzPIPyB5wxNmr0ksHuNkEltzXMWlpwWc0DS_2zD15TtarRjcD59cOF9BuU4DCTGO8elIQ');
    expect(deriveIntakeKeyPair(directory).publicKey).toBe(intake.publicKey);
    const certificate = issueCertificate({ tenant: 'ml', userId: 'intake', role: 'intake', publicKey: intake.publicKey, epoch: 1 }, directory);
    expect(() => verifyCertificate(certificate, directory.publicKey, { tenant: 'ml', userId: 'intake', roles: ['intake'] })).not.toThrow();
  });
});
