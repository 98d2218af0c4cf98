/**
 * Receipts: 24 random digits (≈ 79.7 bits), shown in groups of four. A typed
 * receipt is normalised (spaces and dashes removed), pre-hashed with a key
 * derived from the tenant's pepper (kept outside the database), then run
 * through Argon2id with a pepper-derived salt; crypto_kdf splits the result
 * into a lookup id (stored, unique), a wrapping key for the thread key and
 * a receipt key pair (for re-keying without the receipt, see ReceiptKeys).
 * Without the pepper a database copy cannot even test a guess.
 *
 * Malformed input still costs one full Argon2id before BAD_RECEIPT is
 * thrown, so response time does not tell a typo from a wrong receipt.
 */
import { decrypt, encrypt } from './aead.js';
import { argon2id, RECEIPT_PARAMS_V1, SALT_BYTES, type Argon2Params } from './argon2.js';
import { toBase64Url } from './bytes.js';
import type { ThreadKey } from './case-keys.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { IdentityKeyPair } from './key-pair.js';
import { keyBytes, KEY_BYTES, requireKind, SecretKey } from './secret-key.js';
import type { ReceiptPepper } from './secrets.js';
import { memzero, sodium } from './sodium.js';

export const RECEIPT_DIGITS = 24;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;
const DIGITS = new RegExp(`^[0-9]{${RECEIPT_DIGITS}}$`);
const PLACEHOLDER = '0'.repeat(RECEIPT_DIGITS);

export type ReceiptWrappingKey = SecretKey<'receipt-wrap'>;

export interface ReceiptKeys {
  /** stored in the receipts table (unique index), base64url 32 bytes */
  readonly lookupId: string;
  /** the pepper version used: store it with the receipt */
  readonly pepperVersion: number;
  /** wraps the thread key for this receipt; destroy() after use */
  readonly wrappingKey: ReceiptWrappingKey;
  /**
   * A key pair only this receipt can re-derive. Certify its public key (role
   * 'receipt', user id = receipt id) when the receipt is issued: a re-keyed
   * thread key can then be sealed to the receipt with sealCaseKey without
   * the defender being present, and opened at their next visit with
   * openCaseKey. destroy() after use.
   */
  readonly identity: IdentityKeyPair;
}

export interface ReceiptWrapContext {
  readonly tenant: string;
  readonly caseId: string;
  /** the receipt row's id */
  readonly receiptId: string;
}

/** A new receipt, e.g. "0483 1290 5531 7702 9964 1208" (uniform digits from the CSPRNG). */
export function generateReceipt(): string {
  let digits = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) digits += String(sodium.randombytes_uniform(10));
  return formatReceipt(digits);
}

export function formatReceipt(digits: string): string {
  return (digits.match(/.{1,4}/g) ?? []).join(' ');
}

/** The 24 digits of a typed receipt, or null if it is not one (callers use deriveReceiptKeys). */
function normalise(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 200) return null;
  const digits = input.replace(SEPARATORS, '');
  return DIGITS.test(digits) ? digits : null;
}

/**
 * Derives the lookup id and wrapping key for a typed receipt. Always spends
 * one Argon2id, then throws BAD_RECEIPT if the input was malformed.
 */
export async function deriveReceiptKeys(input: string, pepper: ReceiptPepper, params: Argon2Params = RECEIPT_PARAMS_V1): Promise<ReceiptKeys> {
  requireKind(pepper.value, ['receipt-pepper']);
  const digits = normalise(input);
  const pepperBytes = keyBytes(pepper.value);
  const prehashKey = deriveSubkey(pepperBytes, KDF_CONTEXT.pepper, 1);
  const salt = deriveSubkey(pepperBytes, KDF_CONTEXT.pepper, 2, SALT_BYTES);
  const prehash = hashCanonical('mnpddh/receipt/v1', [digits ?? PLACEHOLDER], prehashKey);
  let master: Buffer;
  try {
    master = await argon2id(prehash, salt, params);
  } finally {
    memzero(prehashKey, prehash);
  }
  try {
    if (digits === null) throw new CryptoError('BAD_RECEIPT', 'not a receipt: expected 24 digits');
    return {
      lookupId: toBase64Url(deriveSubkey(master, KDF_CONTEXT.receipt, 1)),
      pepperVersion: pepper.version,
      wrappingKey: new SecretKey('receipt-wrap', deriveSubkey(master, KDF_CONTEXT.receipt, 2)),
      identity: new IdentityKeyPair(deriveSubkey(master, KDF_CONTEXT.receipt, 3)),
    };
  } finally {
    memzero(master);
  }
}

function context(ctx: ReceiptWrapContext) {
  return ['mnpddh/receipt-thread-key/v1', ctx.tenant, ctx.caseId, ctx.receiptId] as const;
}

/** The thread key wrapped for one receipt (never the case key). */
export function wrapThreadKeyForReceipt(threadKey: ThreadKey, wrappingKey: ReceiptWrappingKey, ctx: ReceiptWrapContext): string {
  requireKind(threadKey, ['thread']);
  requireKind(wrappingKey, ['receipt-wrap']);
  return encodeCiphertext(encrypt(wrappingKey, keyBytes(threadKey), context(ctx)));
}

export function unwrapThreadKeyWithReceipt(wrapped: string, wrappingKey: ReceiptWrappingKey, ctx: ReceiptWrapContext): ThreadKey {
  requireKind(wrappingKey, ['receipt-wrap']);
  const bytes = decrypt(wrappingKey, parseCiphertext(wrapped), context(ctx));
  if (bytes.length !== KEY_BYTES) throw new CryptoError('BAD_FORMAT', 'wrapped thread key: wrong length');
  return new SecretKey('thread', bytes);
}
