/**
 * Field encryption: XChaCha20-Poly1305 under the case or thread key, with
 * associated data binding the value to where it lives — format version, key
 * id (both via the ciphertext header), tenant, case id, table, row id, field
 * name, and for messages the sender and the per-case sequence number. A
 * ciphertext copied to another case, row or field, or a message replayed
 * under another sequence number, fails with DECRYPT_FAILED. Plaintexts are
 * padded to size buckets first (padding.ts).
 */
import { decrypt, encrypt, type AeadContext } from './aead.js';
import { fromUtf8, isBytes, utf8 } from './bytes.js';
import type { CaseKeyKind } from './case-keys.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { padField, unpadField } from './padding.js';
import { requireKind, type SecretKey } from './secret-key.js';
import { memzero } from './sodium.js';

export interface FieldLocation {
  readonly tenant: string;
  readonly caseId: string;
  readonly table: string;
  readonly rowId: string;
  readonly field: string;
}

export interface MessageLocation extends FieldLocation {
  /** who wrote it: a staff user id, or a fixed id for the defender side */
  readonly sender: string;
  /** per-case message sequence number */
  readonly sequence: number;
}

function context(location: FieldLocation | MessageLocation): AeadContext {
  const { tenant, caseId, table, rowId, field } = location;
  for (const [name, value] of Object.entries({ tenant, caseId, table, rowId, field })) {
    if (typeof value !== 'string' || value.length === 0) {
      throw new CryptoError('INVALID_INPUT', `field location: ${name} must be a non-empty string`);
    }
  }
  if ('sequence' in location || 'sender' in location) {
    const { sender, sequence } = location as MessageLocation;
    if (typeof sender !== 'string' || sender.length === 0 || !Number.isSafeInteger(sequence) || sequence < 0) {
      throw new CryptoError('INVALID_INPUT', 'message location: needs a sender and a sequence number');
    }
    return ['mnpddh/message/v1', tenant, caseId, table, rowId, field, sender, sequence];
  }
  return ['mnpddh/field/v1', tenant, caseId, table, rowId, field];
}

/** Encrypts text (well-formed Unicode) or bytes; returns the ciphertext value (base64url). */
export function encryptField(key: SecretKey<CaseKeyKind>, plaintext: string | Uint8Array, location: FieldLocation | MessageLocation): string {
  requireKind(key, ['case', 'thread']);
  const ad = context(location);
  const bytes = typeof plaintext === 'string' ? utf8(plaintext, 'field plaintext') : isBytes(plaintext) ? plaintext : null;
  if (bytes === null) throw new CryptoError('INVALID_INPUT', 'field plaintext must be a string or bytes');
  const padded = padField(bytes);
  try {
    return encodeCiphertext(encrypt(key, padded, ad));
  } finally {
    memzero(padded);
    if (typeof plaintext === 'string') memzero(bytes);
  }
}

/** Decrypts to bytes; the caller zeroes them when done if they are sensitive. */
export function decryptField(key: SecretKey<CaseKeyKind>, ciphertext: string | Uint8Array, location: FieldLocation | MessageLocation): Buffer {
  requireKind(key, ['case', 'thread']);
  const padded = decrypt(key, parseCiphertext(ciphertext), context(location));
  try {
    return unpadField(padded);
  } finally {
    memzero(padded);
  }
}

export function decryptFieldText(key: SecretKey<CaseKeyKind>, ciphertext: string | Uint8Array, location: FieldLocation | MessageLocation): string {
  const bytes = decryptField(key, ciphertext, location);
  try {
    return fromUtf8(bytes, 'field');
  } finally {
    memzero(bytes);
  }
}

/**
 * Re-keying for cause: the same value at the same place under a new key.
 * The plaintext exists only inside this call and is zeroed before it returns.
 */
export function reencryptField(
  oldKey: SecretKey<CaseKeyKind>,
  newKey: SecretKey<CaseKeyKind>,
  ciphertext: string,
  location: FieldLocation | MessageLocation,
): string {
  const plaintext = decryptField(oldKey, ciphertext, location);
  try {
    return encryptField(newKey, plaintext, location);
  } finally {
    memzero(plaintext);
  }
}
