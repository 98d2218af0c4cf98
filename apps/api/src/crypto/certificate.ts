/**
 * Directory certificates: the directory signing key's Ed25519 signature over
 * (tenant, user id, role, public key, epoch). Nothing is ever sealed to a key
 * without first verifying its certificate against the pinned directory
 * public key and the expected tenant, user and role, so a database writer
 * cannot slip in a key of its own.
 */
import { fromBase64Url, toBase64Url } from './bytes.js';
import { decodeCanonical, encodeCanonical, type CanonicalValue } from './canonical.js';
import { CryptoError } from './errors.js';
import { parsePublicKey, PUBLIC_KEY_BYTES, type PublicKeyParts } from './key-pair.js';
import { parseSigningPublicKey, signStatement, statementVerifies, type SigningKeyPair } from './signing.js';

const LABEL = 'mnpddh/certificate/v1';

export interface CertificateClaims {
  readonly tenant: string;
  readonly userId: string;
  /** e.g. 'caseworker', 'supervisor', 'custodian', 'escrow', 'intake' */
  readonly role: string;
  /** IdentityKeyPair.publicKey (box ‖ sign, base64url) */
  readonly publicKey: string;
  /** increases with every new key pair of the same user */
  readonly epoch: number;
}

export interface Certificate extends CertificateClaims {
  /** Ed25519 signature by the directory key, base64url */
  readonly signature: string;
}

export interface CertificateExpectation {
  readonly tenant: string;
  /** omit only where any user of the roles is acceptable (never for grants) */
  readonly userId?: string;
  readonly roles: readonly string[];
  /** when known, the exact epoch (refuses an older, superseded certificate) */
  readonly epoch?: number;
}

function claimValues(claims: CertificateClaims): CanonicalValue[] {
  for (const field of ['tenant', 'userId', 'role'] as const) {
    if (typeof claims[field] !== 'string' || claims[field].length === 0) {
      throw new CryptoError('INVALID_INPUT', `certificate ${field} must be a non-empty string`);
    }
  }
  if (!Number.isSafeInteger(claims.epoch) || claims.epoch < 0) {
    throw new CryptoError('INVALID_INPUT', 'certificate epoch must be a non-negative integer');
  }
  return [claims.tenant, claims.userId, claims.role, fromBase64Url(claims.publicKey, 'certificate public key', PUBLIC_KEY_BYTES), claims.epoch];
}

export function issueCertificate(claims: CertificateClaims, directoryKey: SigningKeyPair): Certificate {
  const signature = signStatement(directoryKey, LABEL, claimValues(claims));
  return { ...pick(claims), signature };
}

function pick(claims: CertificateClaims): CertificateClaims {
  const { tenant, userId, role, publicKey, epoch } = claims;
  return { tenant, userId, role, publicKey, epoch };
}

/**
 * Verifies the signature and that the certificate is the one expected;
 * returns the certified public key. Throws BAD_CERTIFICATE otherwise.
 */
export function verifyCertificate(certificate: Certificate, directoryPublicKey: string, expect: CertificateExpectation): PublicKeyParts {
  let values: CanonicalValue[];
  try {
    values = claimValues(certificate);
  } catch {
    throw new CryptoError('BAD_CERTIFICATE', 'certificate is malformed');
  }
  const directory = parseSigningPublicKey(directoryPublicKey, 'directory public key');
  if (!verifiesQuietly(() => statementVerifies(directory, LABEL, values, certificate.signature))) {
    throw new CryptoError('BAD_CERTIFICATE', 'certificate signature does not verify');
  }
  if (certificate.tenant !== expect.tenant) throw new CryptoError('BAD_CERTIFICATE', 'certificate is for another tenant');
  if (expect.userId !== undefined && certificate.userId !== expect.userId) {
    throw new CryptoError('BAD_CERTIFICATE', 'certificate is for another user');
  }
  if (!expect.roles.includes(certificate.role)) throw new CryptoError('BAD_CERTIFICATE', 'certificate is for another role');
  if (expect.epoch !== undefined && certificate.epoch !== expect.epoch) {
    throw new CryptoError('BAD_CERTIFICATE', 'certificate is for another key epoch');
  }
  return parsePublicKey(certificate.publicKey);
}

/** Compact text form for storage: base64url of the canonical encoding. */
export function encodeCertificate(certificate: Certificate): string {
  return toBase64Url(encodeCanonical([LABEL, ...claimValues(certificate), fromBase64Url(certificate.signature, 'signature', 64)]));
}

export function parseCertificate(text: string): Certificate {
  const decoded = decodeCanonical(fromBase64Url(text, 'certificate'));
  if (!Array.isArray(decoded) || decoded.length !== 7 || decoded[0] !== LABEL) {
    throw new CryptoError('BAD_FORMAT', 'certificate: unexpected structure');
  }
  const [, tenant, userId, role, publicKey, epoch, signature] = decoded as CanonicalValue[];
  if (
    typeof tenant !== 'string' ||
    typeof userId !== 'string' ||
    typeof role !== 'string' ||
    !(publicKey instanceof Buffer) ||
    typeof epoch !== 'number' ||
    !(signature instanceof Buffer)
  ) {
    throw new CryptoError('BAD_FORMAT', 'certificate: unexpected field types');
  }
  return { tenant, userId, role, publicKey: toBase64Url(publicKey), epoch, signature: toBase64Url(signature) };
}

/** A signature check that throws (e.g. on a string that is not well-formed Unicode) did not verify. */
function verifiesQuietly(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
