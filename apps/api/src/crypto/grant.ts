/**
 * Grant signatures. A grant row (a case or thread key sealed to one
 * recipient) carries the granter's Ed25519 signature over (tenant, case id,
 * key kind, recipient id, recipient public key, hash of the sealed key). The
 * granter is a staff member (their identity key) or the server at intake
 * (the intake signing key, certified with role 'intake'). A database writer
 * can neither forge a grant nor move one to another case or recipient.
 */
import { fromBase64Url, toBase64Url } from './bytes.js';
import type { CaseKeyKind } from './case-keys.js';
import { verifyCertificate, type Certificate, type CertificateExpectation } from './certificate.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import { PUBLIC_KEY_BYTES } from './key-pair.js';
import { signStatement, statementVerifies, type Signer } from './signing.js';

const LABEL = 'mnpddh/grant/v1';

export interface GrantStatement {
  readonly tenant: string;
  readonly caseId: string;
  readonly keyKind: CaseKeyKind;
  readonly recipientId: string;
  /** the recipient's certified public key */
  readonly recipientPublicKey: string;
  /** the sealed key exactly as stored (sealCaseKey output) */
  readonly sealedKey: string;
}

/** BLAKE2b-256 of the sealed key, base64url: what the signature covers. */
export function hashSealedKey(sealedKey: string): string {
  return toBase64Url(hashCanonical('mnpddh/sealed-key-hash/v1', [fromBase64Url(sealedKey, 'sealed key')]));
}

function values(grant: GrantStatement) {
  if (grant.keyKind !== 'case' && grant.keyKind !== 'thread') {
    throw new CryptoError('INVALID_INPUT', 'grant key kind must be case or thread');
  }
  return [
    grant.tenant,
    grant.caseId,
    grant.keyKind,
    grant.recipientId,
    fromBase64Url(grant.recipientPublicKey, 'recipient public key', PUBLIC_KEY_BYTES),
    fromBase64Url(hashSealedKey(grant.sealedKey), 'sealed key hash'),
  ];
}

/** Signature (base64url) by the granter over the grant. */
export function signGrant(grant: GrantStatement, granter: Signer): string {
  return signStatement(granter, LABEL, values(grant));
}

/**
 * Checks the granter's certificate (tenant, user, role) and then the
 * signature; throws BAD_CERTIFICATE or BAD_SIGNATURE.
 */
export function verifyGrant(
  grant: GrantStatement,
  signature: string,
  granter: { readonly certificate: Certificate; readonly directoryPublicKey: string; readonly expect: CertificateExpectation },
): void {
  const publicKey = verifyCertificate(granter.certificate, granter.directoryPublicKey, granter.expect);
  if (!statementVerifies(publicKey.sign, LABEL, values(grant), signature)) {
    throw new CryptoError('BAD_SIGNATURE', 'grant signature does not verify');
  }
}
