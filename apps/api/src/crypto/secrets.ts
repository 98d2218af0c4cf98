/**
 * The secrets kept outside the database (configuration, backed up apart):
 *
 *   receipt-pepper.v<n>.<base64url 32 bytes>          per tenant, versioned
 *   directory-signing-key.v<n>.<base64url 32-byte Ed25519 seed>
 *   index-key.v<n>.<base64url 32 bytes>
 *   audit-checkpoint-key.v<n>.<base64url 32-byte Ed25519 seed>
 *
 * The kind in the text stops one secret being pasted in place of another.
 * Parse errors are BAD_SECRET and name the setting, never its value. The
 * directory's public key (pinned separately) is plain base64url.
 */
import { fromBase64Url, toBase64Url } from './bytes.js';
import { CryptoError } from './errors.js';
import { SecretKey } from './secret-key.js';
import { generateSigningKeyPair, parseSigningPublicKey, SigningKeyPair, signingKeySeed } from './signing.js';
import { randomBytes } from './sodium.js';

export const SECRET_KINDS = ['receipt-pepper', 'directory-signing-key', 'index-key', 'audit-checkpoint-key'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

const FORMAT = /^([a-z-]+)\.v([1-9][0-9]{0,8})\.([A-Za-z0-9_-]+)$/;

export interface Versioned<T> {
  readonly version: number;
  readonly value: T;
}

export type ReceiptPepper = Versioned<SecretKey<'receipt-pepper'>>;
export type IndexKey = Versioned<SecretKey<'index'>>;

/** A fresh secret in its configuration form. */
export function generateSecret(kind: SecretKind, version = 1): string {
  if (!Number.isSafeInteger(version) || version < 1 || version > 999_999_999) {
    throw new CryptoError('INVALID_INPUT', 'secret version must be a positive integer');
  }
  let bytes: Buffer;
  if (kind === 'directory-signing-key' || kind === 'audit-checkpoint-key') {
    const pair = generateSigningKeyPair();
    bytes = Buffer.from(signingKeySeed(pair));
    pair.destroy();
  } else if (kind === 'receipt-pepper' || kind === 'index-key') {
    bytes = randomBytes(32);
  } else {
    throw new CryptoError('INVALID_INPUT', 'unknown secret kind');
  }
  return `${kind}.v${version}.${toBase64Url(bytes)}`;
}

function parse(text: string | undefined, kind: SecretKind, name: string): Versioned<Buffer> {
  if (typeof text !== 'string' || text.trim() === '') throw new CryptoError('BAD_SECRET', `${name} is missing`);
  const match = FORMAT.exec(text.trim());
  if (match === null) throw new CryptoError('BAD_SECRET', `${name} is malformed (expected ${kind}.v<n>.<base64url>)`);
  const [, foundKind, version, body] = match as unknown as [string, string, string, string];
  if (foundKind !== kind) throw new CryptoError('BAD_SECRET', `${name} holds a ${foundKind}, not a ${kind}`);
  try {
    return { version: Number(version), value: fromBase64Url(body, name, 32) };
  } catch {
    throw new CryptoError('BAD_SECRET', `${name} must hold exactly 32 bytes of base64url`);
  }
}

export function parseReceiptPepper(text: string | undefined, name = 'RECEIPT_PEPPER'): ReceiptPepper {
  const { version, value } = parse(text, 'receipt-pepper', name);
  return { version, value: new SecretKey('receipt-pepper', value) };
}

export function parseIndexKey(text: string | undefined, name = 'INDEX_KEY'): IndexKey {
  const { version, value } = parse(text, 'index-key', name);
  return { version, value: new SecretKey('index', value) };
}

export function parseDirectorySigningKey(text: string | undefined, name = 'DIRECTORY_SIGNING_KEY'): Versioned<SigningKeyPair> {
  const { version, value } = parse(text, 'directory-signing-key', name);
  return { version, value: new SigningKeyPair(value) };
}

export function parseAuditCheckpointKey(text: string | undefined, name = 'AUDIT_CHECKPOINT_KEY'): Versioned<SigningKeyPair> {
  const { version, value } = parse(text, 'audit-checkpoint-key', name);
  return { version, value: new SigningKeyPair(value) };
}

/** The pinned public half of the directory key (or of the checkpoint key), base64url, 32 bytes. */
export function parsePinnedPublicKey(text: string | undefined, name = 'DIRECTORY_PUBLIC_KEY'): string {
  if (typeof text !== 'string' || text.trim() === '') throw new CryptoError('BAD_SECRET', `${name} is missing`);
  try {
    parseSigningPublicKey(text.trim(), name);
  } catch {
    throw new CryptoError('BAD_SECRET', `${name} must be a 32-byte Ed25519 public key in base64url`);
  }
  return text.trim();
}

/** At boot: the configured signing key must be the one whose public half is pinned. */
export function assertMatchesPinnedKey(pair: SigningKeyPair, pinnedPublicKey: string, name = 'DIRECTORY_SIGNING_KEY'): void {
  if (pair.publicKey !== pinnedPublicKey) {
    throw new CryptoError('BAD_SECRET', `${name} does not match its pinned public key`);
  }
}
