/**
 * Sealing keys to people: crypto_box_seal to a certified X25519 key only.
 * The seal function takes the certificate and the pinned directory public key
 * and verifies them (tenant, user, role) before sealing; a key without a
 * valid certificate receives nothing. The sealed payload also names the
 * tenant, case and key kind, so a sealed key moved to another case's grant
 * row, or a thread key passed off as a case key, does not open.
 */
import { fromBase64Url, isBytes, toBase64Url } from './bytes.js';
import { decodeCanonical, encodeCanonical, type CanonicalValue } from './canonical.js';
import type { CaseKeyKind } from './case-keys.js';
import { verifyCertificate, type Certificate, type CertificateExpectation } from './certificate.js';
import { CryptoError } from './errors.js';
import { keyPairSecrets, parsePublicKey, type IdentityKeyPair } from './key-pair.js';
import { keyBytes, KEY_BYTES, requireKind, SecretKey } from './secret-key.js';
import { memzero, sodium } from './sodium.js';

export interface SealRecipient {
  readonly certificate: Certificate;
  /** pinned in configuration, never read from the database */
  readonly directoryPublicKey: string;
  readonly expect: CertificateExpectation;
}

export interface SealedKeyContext {
  readonly tenant: string;
  readonly caseId: string;
}

const LABEL = 'mnpddh/sealed-key/v1';

/** Verifies the recipient's certificate, then seals `payload` to its box key. */
export function sealToCertifiedRecipient(payload: Uint8Array, recipient: SealRecipient): Buffer {
  const publicKey = verifyCertificate(recipient.certificate, recipient.directoryPublicKey, recipient.expect);
  const sealed = Buffer.alloc(payload.byteLength + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(sealed, payload, publicKey.box);
  return sealed;
}

/** Opens a sealed box with one's own key pair; DECRYPT_FAILED if it was not sealed to it or was altered. */
export function openSealed(sealed: Uint8Array, recipient: IdentityKeyPair): Buffer {
  if (sealed.byteLength < sodium.crypto_box_SEALBYTES) throw new CryptoError('BAD_FORMAT', 'sealed value too short');
  const out = Buffer.alloc(sealed.byteLength - sodium.crypto_box_SEALBYTES);
  const { box } = parsePublicKey(recipient.publicKey);
  if (!sodium.crypto_box_seal_open(out, sealed, box, keyPairSecrets(recipient).boxSecret)) {
    throw new CryptoError('DECRYPT_FAILED', 'sealed value did not open with this key pair');
  }
  return out;
}

/** Seals a case or thread key for a grant to a certified staff or escrow key. Returns base64url. */
export function sealCaseKey(key: SecretKey<CaseKeyKind>, context: SealedKeyContext, recipient: SealRecipient): string {
  requireKind(key, ['case', 'thread']);
  const payload = encodeCanonical([LABEL, context.tenant, context.caseId, key.kind, keyBytes(key)]);
  try {
    return toBase64Url(sealToCertifiedRecipient(payload, recipient));
  } finally {
    memzero(payload);
  }
}

/**
 * Opens a grant's sealed key. Checks it is a key of `kind` for this case and,
 * when given, that its id is `expectedKeyId` (KEY_MISMATCH otherwise).
 */
export function openCaseKey<K extends CaseKeyKind>(
  sealed: string,
  kind: K,
  context: SealedKeyContext,
  recipient: IdentityKeyPair,
  expectedKeyId?: string,
): SecretKey<K> {
  const payload = openSealed(fromBase64Url(sealed, 'sealed key'), recipient);
  let fields: CanonicalValue;
  try {
    fields = decodeCanonical(payload);
  } finally {
    memzero(payload);
  }
  if (!Array.isArray(fields) || fields.length !== 5 || fields[0] !== LABEL) {
    throw new CryptoError('BAD_FORMAT', 'sealed key: unexpected structure');
  }
  const [, tenant, caseId, sealedKind, bytes] = fields as CanonicalValue[];
  if (!isBytes(bytes) || bytes.byteLength !== KEY_BYTES) throw new CryptoError('BAD_FORMAT', 'sealed key: bad key');
  if (tenant !== context.tenant || caseId !== context.caseId || sealedKind !== kind) {
    memzero(bytes);
    throw new CryptoError('KEY_MISMATCH', 'sealed key belongs to another case or is another kind of key');
  }
  const key = new SecretKey(kind, Buffer.from(bytes));
  memzero(bytes);
  if (expectedKeyId !== undefined && key.id !== expectedKeyId) {
    key.destroy();
    throw new CryptoError('KEY_MISMATCH', 'sealed key is not the expected key');
  }
  return key;
}
