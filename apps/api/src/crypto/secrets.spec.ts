import { describe, expect, test } from '@jest/globals';

import { CryptoError } from './errors.js';
import {
  assertMatchesPinnedKey,
  generateSecret,
  parseAuditCheckpointKey,
  parseDirectorySigningKey,
  parseIndexKey,
  parsePinnedPublicKey,
  parseReceiptPepper,
  SECRET_KINDS,
} from './secrets.js';

function errorOf(fn: () => unknown): CryptoError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CryptoError) return error;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

describe('secrets kept outside the database', () => {
  test.each(SECRET_KINDS)('a generated %s has the kind, a version and 32 bytes of base64url', (kind) => {
    expect(generateSecret(kind, 7)).toMatch(new RegExp(`^${kind}\\.v7\\.[A-Za-z0-9_-]{43}$`));
    expect(generateSecret(kind)).not.toBe(generateSecret(kind));
  });

  test('each parser reads back what was generated, with its version', () => {
    const pepper = parseReceiptPepper(generateSecret('receipt-pepper', 2));
    const index = parseIndexKey(generateSecret('index-key', 5));
    const directory = parseDirectorySigningKey(generateSecret('directory-signing-key'));
    const checkpoint = parseAuditCheckpointKey(generateSecret('audit-checkpoint-key'));

    expect([pepper.version, pepper.value.kind]).toEqual([2, 'receipt-pepper']);
    expect([index.version, index.value.kind]).toEqual([5, 'index']);
    expect(directory.value.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkpoint.value.publicKey).not.toBe(directory.value.publicKey);
  });

  test('a signing key is the same key after a round trip through its text form', () => {
    const text = generateSecret('directory-signing-key');

    expect(parseDirectorySigningKey(text).value.publicKey).toBe(parseDirectorySigningKey(text).value.publicKey);
  });

  test.each<[string, string | undefined, RegExp]>([
    ['missing', undefined, /^RECEIPT_PEPPER is missing$/],
    ['empty', '  ', /^RECEIPT_PEPPER is missing$/],
    ['without kind and version', 'A'.repeat(43), /RECEIPT_PEPPER is malformed/],
    ['of another kind (index key pasted as pepper)', generateSecret('index-key'), /RECEIPT_PEPPER holds a index-key, not a receipt-pepper/],
    ['too short', 'receipt-pepper.v1.' + 'A'.repeat(42), /RECEIPT_PEPPER must hold exactly 32 bytes/],
    ['version 0', 'receipt-pepper.v0.' + 'A'.repeat(43), /RECEIPT_PEPPER is malformed/],
  ])('a pepper %s is BAD_SECRET, named, without echoing the value', (_name, text, message) => {
    const error = errorOf(() => parseReceiptPepper(text));

    expect(error.code).toBe('BAD_SECRET');
    expect(error.message).toMatch(message);
    if (text !== undefined && text.trim() !== '') expect(error.message).not.toContain(text.split('.').pop());
  });

  test('the setting name in errors is the caller’s', () => {
    expect(errorOf(() => parseIndexKey('nope', 'TENANT_ML_INDEX_KEY')).message).toMatch(/^TENANT_ML_INDEX_KEY /);
  });

  test('pinned public keys: 32 bytes of base64url, and the signing key must match its pin', () => {
    const directory = parseDirectorySigningKey(generateSecret('directory-signing-key')).value;

    expect(parsePinnedPublicKey(directory.publicKey)).toBe(directory.publicKey);
    expect(errorOf(() => parsePinnedPublicKey('abc')).code).toBe('BAD_SECRET');
    expect(() => assertMatchesPinnedKey(directory, directory.publicKey)).not.toThrow();
    expect(errorOf(() => assertMatchesPinnedKey(directory, parseDirectorySigningKey(generateSecret('directory-signing-key')).value.publicKey)).code).toBe(
      'BAD_SECRET',
    );
  });
});
