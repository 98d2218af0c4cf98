import {
  deriveIntakeKeyPair,
  encodeCertificate,
  generateCaseKeys,
  IdentityKeyPair,
  issueCertificate,
  openCaseKey,
  signGrant,
  SigningKeyPair,
  type SealRecipient,
} from '../crypto/index.js';
import { codeOf } from '../crypto/error-code.testing.js';
import { grantStatement, sealAndSignGrant, verifyGrantSignature, type GranterDirectory, type GrantSigner } from './grant-statements.js';

/*
 * Fixed keys, so the statement's signature is a known answer: the bytes a
 * grant's signature covers must never change silently (every stored grant
 * would stop opening), and a grant changed in any signed part must not verify.
 */
const tenant = 'ml';
const directoryKey = new SigningKeyPair(Buffer.alloc(32, 1));
const intake = deriveIntakeKeyPair(directoryKey);
const supervisor = new IdentityKeyPair(Buffer.alloc(32, 2));
const caseworker = new IdentityKeyPair(Buffer.alloc(32, 3));

const certify = (userId: string, role: string, publicKey: string) => issueCertificate({ tenant, userId, role, publicKey, epoch: 1 }, directoryKey);
const directory: GranterDirectory = {
  tenant,
  directoryPublicKey: directoryKey.publicKey,
  intakeSigner: () => ({
    certificate: certify('intake', 'intake', intake.publicKey),
    directoryPublicKey: directoryKey.publicKey,
    expect: { tenant, userId: 'intake', roles: ['intake'], epoch: 1 },
  }),
};
const caseworkerRecipient: SealRecipient = {
  certificate: certify('cw-1', 'caseworker', caseworker.publicKey),
  directoryPublicKey: directoryKey.publicKey,
  expect: { tenant, userId: 'cw-1', roles: ['caseworker'] },
};

const context = { tenant, caseId: '0b6f3c1e-2a55-4d7e-9d51-6a2f0c8e4b10' };
const sealedKey = Buffer.alloc(96, 7).toString('base64url');
const statement = grantStatement(context, 'case', 'cw-1', caseworker.publicKey, sealedKey);
const bySupervisor: GrantSigner = { grantedBy: 'sup-1', granterCertificate: encodeCertificate(certify('sup-1', 'supervisor', supervisor.publicKey)) };

/** Ed25519 over the canonical grant statement, by the fixed supervisor key: computed once, pinned. */
const KNOWN_SIGNATURE = 'vNdDgSLw4LHBz9T-n2bmD8--d2Zb0dfMT6ol5_sT_9ogrrrU3rS_upYlSnRBVGPz0TMqSiN4SQ_mK2zNX8c6Cg';

describe('grant statements, built and checked in one place', () => {
  it('builds the statement from its parts, the grantee as the recipient', () => {
    expect(statement).toEqual({ tenant, caseId: context.caseId, keyKind: 'case', recipientId: 'cw-1', recipientPublicKey: caseworker.publicKey, sealedKey });
  });

  it('signs the known statement to the known answer, and that answer verifies', () => {
    expect(signGrant(statement, supervisor)).toBe(KNOWN_SIGNATURE);
    expect(codeOf(() => verifyGrantSignature(directory, statement, KNOWN_SIGNATURE, bySupervisor))).toBe('NO_ERROR');
  });

  it('refuses the known grant tampered in any signed part', () => {
    const otherKey = new IdentityKeyPair(Buffer.alloc(32, 4)).publicKey;
    const tampered = [
      grantStatement({ ...context, tenant: 'sn' }, 'case', 'cw-1', caseworker.publicKey, sealedKey),
      grantStatement({ ...context, caseId: '0b6f3c1e-2a55-4d7e-9d51-6a2f0c8e4b11' }, 'case', 'cw-1', caseworker.publicKey, sealedKey),
      grantStatement(context, 'thread', 'cw-1', caseworker.publicKey, sealedKey),
      grantStatement(context, 'case', 'cw-2', caseworker.publicKey, sealedKey),
      grantStatement(context, 'case', 'cw-1', otherKey, sealedKey),
      grantStatement(context, 'case', 'cw-1', caseworker.publicKey, Buffer.alloc(96, 8).toString('base64url')),
    ];
    for (const changed of tampered) expect(codeOf(() => verifyGrantSignature(directory, changed, KNOWN_SIGNATURE, bySupervisor))).toBe('BAD_SIGNATURE');
    const flipped = (KNOWN_SIGNATURE[0] === 'A' ? 'B' : 'A') + KNOWN_SIGNATURE.slice(1);
    expect(codeOf(() => verifyGrantSignature(directory, statement, flipped, bySupervisor))).toBe('BAD_SIGNATURE');
  });

  it('checks the granter it names: not the intake identity, not another staff member, never a grant without a certificate', () => {
    expect(codeOf(() => verifyGrantSignature(directory, statement, KNOWN_SIGNATURE, { grantedBy: null, granterCertificate: null }))).toBe('BAD_SIGNATURE');
    expect(codeOf(() => verifyGrantSignature(directory, statement, KNOWN_SIGNATURE, { ...bySupervisor, grantedBy: 'sup-2' }))).toBe('BAD_CERTIFICATE');
    expect(codeOf(() => verifyGrantSignature(directory, statement, KNOWN_SIGNATURE, { grantedBy: 'sup-1', granterCertificate: null }))).toBe('BAD_CERTIFICATE');
    const selfCertified = encodeCertificate(
      issueCertificate({ tenant, userId: 'sup-1', role: 'supervisor', publicKey: supervisor.publicKey, epoch: 1 }, new SigningKeyPair(Buffer.alloc(32, 9))),
    );
    expect(codeOf(() => verifyGrantSignature(directory, statement, KNOWN_SIGNATURE, { grantedBy: 'sup-1', granterCertificate: selfCertified }))).toBe(
      'BAD_CERTIFICATE',
    );
  });

  it('seals and signs a grant that the recipient opens and that verifies as the intake identity signed it', () => {
    const { caseKey } = generateCaseKeys();
    const seal = sealAndSignGrant(caseKey, context, 'case', 'cw-1', caseworkerRecipient, intake);
    const sealed = grantStatement(context, 'case', 'cw-1', seal.recipientPublicKey, seal.sealedKey);
    expect(seal.recipientPublicKey).toBe(caseworker.publicKey);
    expect(codeOf(() => verifyGrantSignature(directory, sealed, seal.signature, { grantedBy: null, granterCertificate: null }))).toBe('NO_ERROR');
    const opened = openCaseKey(seal.sealedKey, 'case', context, caseworker, caseKey.id);
    expect(opened.id).toBe(caseKey.id);
    opened.destroy();
    caseKey.destroy();
  });
});
