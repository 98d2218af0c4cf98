import {
  CryptoError,
  parseCertificate,
  sealCaseKey,
  signGrant,
  verifyGrant,
  type CaseKey,
  type GrantStatement,
  type IdentityKeyPair,
  type SealRecipient,
  type Signer,
  type ThreadKey,
} from '../crypto/index.js';

/*
 * Grant statements, written once. Every path that hands a case or thread key
 * to someone (intake, a staff grant, the custodians' escrow, the escrow
 * rotation, a re-key, a receipt's re-sealed thread key) seals and signs here,
 * and every path that opens one checks here: a second copy that drifted (a
 * field left out of what is signed, a granter resolved differently) would let
 * a database writer move a key to a case or person of their choosing.
 */

/** Where a sealed key belongs: the tenant and the case (bound into the seal and the signature). */
export interface GrantContext {
  readonly tenant: string;
  readonly caseId: string;
}

export type GrantKeyKind = 'case' | 'thread';

/** The signed columns of a grant row (or of a receipt's re-sealed thread key). */
export interface SignedSeal {
  readonly recipientPublicKey: string;
  readonly sealedKey: string;
  readonly signature: string;
}

/** Who signed a grant: no one recorded means the intake identity; a staff member carries the certificate they held then. */
export interface GrantSigner {
  readonly grantedBy: string | null;
  readonly granterCertificate: string | null;
}

/** A staff member signing grants now (a completing custodian, an admin re-keying): their key pair and certificate. */
export interface Granter {
  readonly id: string;
  readonly keyPair: IdentityKeyPair;
  readonly certificate: string;
}

/** What checking a granter needs from the directory: the tenant, its public key and the intake identity. */
export interface GranterDirectory {
  readonly tenant: string;
  readonly directoryPublicKey: string;
  intakeSigner(): SealRecipient;
}

/**
 * The statement a grant's signature covers. The grantee is the staff member,
 * the escrow key's id or the receipt's id: whoever the key is sealed to.
 */
export function grantStatement(context: GrantContext, keyKind: GrantKeyKind, granteeId: string, recipientPublicKey: string, sealedKey: string): GrantStatement {
  return { tenant: context.tenant, caseId: context.caseId, keyKind, recipientId: granteeId, recipientPublicKey, sealedKey };
}

/** Seals the key to the recipient's certified key and signs the grant as the granter. */
export function sealAndSignGrant(
  key: CaseKey | ThreadKey,
  context: GrantContext,
  keyKind: GrantKeyKind,
  granteeId: string,
  recipient: SealRecipient,
  granter: Signer,
): SignedSeal {
  const sealedKey = sealCaseKey(key, context, recipient);
  const recipientPublicKey = recipient.certificate.publicKey;
  const signature = signGrant(grantStatement(context, keyKind, granteeId, recipientPublicKey, sealedKey), granter);
  return { recipientPublicKey, sealedKey, signature };
}

/**
 * Checks a stored grant's signature against the granter it names: the
 * intake identity, or the staff member as certified by the directory when
 * they granted. Throws CryptoError (BAD_CERTIFICATE, BAD_SIGNATURE).
 */
export function verifyGrantSignature(directory: GranterDirectory, statement: GrantStatement, signature: string, signer: GrantSigner): void {
  verifyGrant(statement, signature, granterOf(directory, signer));
}

function granterOf(directory: GranterDirectory, signer: GrantSigner) {
  if (signer.grantedBy === null) return directory.intakeSigner();
  if (!signer.granterCertificate) throw new CryptoError('BAD_CERTIFICATE', 'grant without granter certificate');
  const certificate = parseCertificate(signer.granterCertificate);
  return {
    certificate,
    directoryPublicKey: directory.directoryPublicKey,
    expect: { tenant: directory.tenant, userId: signer.grantedBy, roles: [certificate.role] },
  };
}
