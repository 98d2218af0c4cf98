/**
 * Details the defender adds later, sealed to the case's holders.
 *
 * A receipt opens the thread key only, never the case key; yet what the
 * defender adds later (who they are, incidents, other people at risk) belongs
 * to the request, which only staff may read. So each case gets, at intake, a
 * "details" key pair (an identity key pair: only its X25519 half is used):
 *   - its public key stays in the clear on the case row, signed by the intake
 *     key over (tenant, case id, public key), so a database writer cannot put
 *     a key of their own in its place (the seal checks the signature first);
 *   - its seed is stored only encrypted under the case key (a field at its
 *     own place on the case row), so only the case's holders can open.
 * The server, which holds the defender's words in clear only while handling
 * the request, seals them with crypto_box_seal to that public key (padded
 * like any field, bound to tenant and case). The sealed value then travels
 * inside a thread message (under the thread key too), so a receipt holder
 * sees that something was sent but cannot read it back.
 */
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './bytes.js';
import { decodeCanonical, encodeCanonical, type CanonicalValue } from './canonical.js';
import type { CaseKey } from './case-keys.js';
import { CryptoError } from './errors.js';
import { decryptField, encryptField, type FieldLocation } from './field.js';
import { generateIdentityKeyPair, keyPairFromSeed, keyPairSecrets, parsePublicKey, PUBLIC_KEY_BYTES, type IdentityKeyPair } from './key-pair.js';
import { padField, unpadField } from './padding.js';
import { openSealed } from './seal.js';
import { signStatement, statementVerifies } from './signing.js';
import { memzero, sodium } from './sodium.js';

const KEY_LABEL = 'mnpddh/details-key/v1';
const PAYLOAD_LABEL = 'mnpddh/sealed-details/v1';

export interface DetailsKeyContext {
  readonly tenant: string;
  readonly caseId: string;
}

/** What the case row keeps of its details key: the public half and its signature in clear, the seed under the case key. */
export interface DetailsKey {
  readonly publicKey: string;
  readonly signature: string;
  readonly encryptedSeed: string;
}

/** Where the seed is bound (re-keying re-encrypts it at the same place). */
export function detailsKeyLocation(context: DetailsKeyContext): FieldLocation {
  return { tenant: context.tenant, caseId: context.caseId, table: 'protection_case', rowId: context.caseId, field: 'details_key' };
}

const statement = (context: DetailsKeyContext, publicKey: string): CanonicalValue[] => [
  context.tenant,
  context.caseId,
  fromBase64Url(publicKey, 'details public key', PUBLIC_KEY_BYTES),
];

/** A fresh details key pair for a new case: signed by the intake key, its seed encrypted under the case key. */
export function createDetailsKey(caseKey: CaseKey, context: DetailsKeyContext, intakeKey: IdentityKeyPair): DetailsKey {
  const pair = generateIdentityKeyPair();
  try {
    return {
      publicKey: pair.publicKey,
      signature: signStatement(intakeKey, KEY_LABEL, statement(context, pair.publicKey)),
      encryptedSeed: encryptField(caseKey, keyPairSecrets(pair).seed, detailsKeyLocation(context)),
    };
  } finally {
    pair.destroy();
  }
}

/**
 * Seals the defender's details (text) to the case's details key, after
 * checking the intake key signed that key for this case (BAD_SIGNATURE
 * otherwise: nothing is sealed to a key a database writer put there).
 */
export function sealDetails(text: string, context: DetailsKeyContext, key: Pick<DetailsKey, 'publicKey' | 'signature'>, intakePublicKey: string): string {
  const intakeSign = parsePublicKey(intakePublicKey).sign;
  if (!statementVerifies(intakeSign, KEY_LABEL, statement(context, key.publicKey), key.signature)) {
    throw new CryptoError('BAD_SIGNATURE', 'details key is not signed by the intake key for this case');
  }
  const plaintext = utf8(text, 'details');
  const padded = padField(plaintext);
  const payload = encodeCanonical([PAYLOAD_LABEL, context.tenant, context.caseId, padded]);
  try {
    const sealed = Buffer.alloc(payload.byteLength + sodium.crypto_box_SEALBYTES);
    sodium.crypto_box_seal(sealed, payload, parsePublicKey(key.publicKey).box);
    return toBase64Url(sealed);
  } finally {
    memzero(plaintext, padded, payload);
  }
}

/** Opens sealed details with the case key (a holder's): the seed is decrypted, checked against the public key, and wiped. */
export function openDetails(sealed: string, caseKey: CaseKey, context: DetailsKeyContext, key: Pick<DetailsKey, 'publicKey' | 'encryptedSeed'>): string {
  const seed = decryptField(caseKey, key.encryptedSeed, detailsKeyLocation(context));
  const pair = keyPairFromSeed(seed, key.publicKey);
  try {
    const payload = openSealed(fromBase64Url(sealed, 'sealed details'), pair);
    let fields: CanonicalValue;
    try {
      fields = decodeCanonical(payload);
    } finally {
      memzero(payload);
    }
    if (!Array.isArray(fields) || fields.length !== 4 || fields[0] !== PAYLOAD_LABEL) {
      throw new CryptoError('BAD_FORMAT', 'sealed details: unexpected structure');
    }
    const [, tenant, caseId, padded] = fields;
    if (tenant !== context.tenant || caseId !== context.caseId) throw new CryptoError('KEY_MISMATCH', 'sealed details belong to another case');
    if (!(padded instanceof Uint8Array)) throw new CryptoError('BAD_FORMAT', 'sealed details: bad payload');
    return fromUtf8(unpadField(padded), 'details');
  } finally {
    pair.destroy();
  }
}
