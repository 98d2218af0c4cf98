import { describe, expect, test } from '@jest/globals';

import { issueCertificate } from './certificate.js';
import { openEscrowInnerLayer, openEscrowOuterLayer, sealEscrowForCustodians } from './escrow.js';
import { generateIdentityKeyPair, keyPairSecrets } from './key-pair.js';
import type { SealRecipient } from './seal.js';
import { generateSigningKeyPair } from './signing.js';
import { codeOf } from './error-code.testing.js';

const directory = generateSigningKeyPair();
const escrow = generateIdentityKeyPair();
const context = { tenant: 'ml', escrowPublicKey: escrow.publicKey };
const custodianA = generateIdentityKeyPair();
const custodianB = generateIdentityKeyPair();
const recipient = (userId: string, publicKey: string, role = 'custodian'): SealRecipient => ({
  certificate: issueCertificate({ tenant: 'ml', userId, role, publicKey, epoch: 1 }, directory),
  directoryPublicKey: directory.publicKey,
  expect: { tenant: 'ml', userId, roles: ['custodian'] },
});
const a = recipient('cust-a', custodianA.publicKey);
const b = recipient('cust-b', custodianB.publicKey);

describe('escrow key sealed to a pair of custodians', () => {
  const sealed = sealEscrowForCustodians(escrow, context, a, b);

  test('needs B then A, and gives back the escrow key pair', () => {
    const inner = openEscrowOuterLayer(sealed, custodianB, context);

    const sut = openEscrowInnerLayer(inner, custodianA, context);

    expect(sut.publicKey).toBe(escrow.publicKey);
    expect(keyPairSecrets(sut).seed.equals(keyPairSecrets(escrow).seed)).toBe(true);
  });

  test('one custodian alone cannot open it, in either order (DECRYPT_FAILED)', () => {
    expect(codeOf(() => openEscrowOuterLayer(sealed, custodianA, context))).toBe('DECRYPT_FAILED');
    const inner = openEscrowOuterLayer(sealed, custodianB, context);
    expect(codeOf(() => openEscrowInnerLayer(inner, custodianB, context))).toBe('DECRYPT_FAILED');
  });

  test('a layer presented for another escrow key or tenant is refused (KEY_MISMATCH)', () => {
    const other = { tenant: 'ml', escrowPublicKey: generateIdentityKeyPair().publicKey };
    expect(codeOf(() => openEscrowOuterLayer(sealed, custodianB, other))).toBe('KEY_MISMATCH');
    expect(codeOf(() => openEscrowOuterLayer(sealed, custodianB, { ...context, tenant: 'bf' }))).toBe('KEY_MISMATCH');
  });

  test('the same custodian twice is refused', () => {
    expect(codeOf(() => sealEscrowForCustodians(escrow, context, a, a))).toBe('INVALID_INPUT');
  });

  test('an admin (not a custodian) receives nothing (BAD_CERTIFICATE)', () => {
    const admin = recipient('admin-1', generateIdentityKeyPair().publicKey, 'admin');
    expect(codeOf(() => sealEscrowForCustodians(escrow, context, a, admin))).toBe('BAD_CERTIFICATE');
  });

  test('the escrow key named must be the one sealed', () => {
    expect(codeOf(() => sealEscrowForCustodians(generateIdentityKeyPair(), context, a, b))).toBe('KEY_MISMATCH');
  });
});
