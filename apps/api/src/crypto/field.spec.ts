import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { decrypt, encryptWithNonce } from './aead.js';
import { generateCaseKeys } from './case-keys.js';
import { parseCiphertext, serializeCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { decryptField, decryptFieldText, encryptField, reencryptField, type FieldLocation, type MessageLocation } from './field.js';
import { generateFileKey, rewrapFileKey, unwrapFileKey, wrapFileKey } from './file-key.js';
import { generateKey, SecretKey } from './secret-key.js';
import { codeOf } from './error-code.testing.js';

const location: FieldLocation = {
  tenant: 'ml',
  caseId: 'case-1',
  table: 'protection_request',
  rowId: 'row-1',
  field: 'narrative',
};
const message: MessageLocation = {
  tenant: 'ml',
  caseId: 'case-1',
  table: 'message',
  rowId: 'msg-9',
  field: 'body',
  sender: 'defender',
  sequence: 9,
};

describe('AEAD core (known answers, cross-checked with libsodium-wrappers-sumo)', () => {
  test('fixed key, nonce and context give a fixed ciphertext', () => {
    const key = new SecretKey('case', Buffer.alloc(32, 0x42));

    const sut = encryptWithNonce(key, Buffer.from('Bamako'), ['mnpddh/test/v1', 'ml', 7], Buffer.alloc(24, 0x24));

    expect(sut.sealed.toString('hex')).toBe('e73fba04054b3b518f22d57fac8acb67b2f1e92adc53');
    expect(decrypt(key, sut, ['mnpddh/test/v1', 'ml', 7]).toString()).toBe('Bamako');
  });
});

describe('field encryption', () => {
  test('known-answer vector: a stored field value still opens (format stability)', () => {
    const key = new SecretKey('case', Buffer.alloc(32, 0x42));
    const stored =
      'AQEFq5MeXfkpj5tTzVJLkiRDJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk9p1-Ew9Wjw-OD3JVfvxkSjLxjrp8H3SdIWHmTWsQ280UkYjYNJtbnHy1sbv53SiMV00v_idIgdwSOonTkR-0-DTcxt6bYgEnCf-ZZIbZH0M';

    expect(decryptFieldText(key, stored, location)).toBe('Sévaré, Mopti');
  });

  test('known-answer vector: a stored message still opens', () => {
    const key = new SecretKey('thread', Buffer.alloc(32, 0x43));
    const stored =
      'AQGqBgYUoUxM7ZlcXNps35uxJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkZkMiNLnTh_XPl7J4TTr_cE19oWE8nHMuK5Y4o-wBGt_7xiU5hLadLS6ykQvnS45ptxAxcMkCfpilKHqEPoFlqRLezn40JgXkUo8xDPgs-GE';

    expect(decryptFieldText(key, stored, message)).toBe('On arrive demain.');
  });

  test('round-trips arbitrary Unicode text under the case key', () => {
    const { caseKey } = generateCaseKeys();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(decryptFieldText(caseKey, encryptField(caseKey, text, location), location)).toBe(text);
      }),
    );
  });

  test('round-trips arbitrary bytes as messages under the thread key', () => {
    const { threadKey } = generateCaseKeys();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), (bytes, sequence) => {
        const at = { ...message, sequence };
        expect(decryptField(threadKey, encryptField(threadKey, bytes, at), at).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  test('the value is self-describing: version 1, XChaCha20-Poly1305, the key id, a fresh nonce', () => {
    const { caseKey } = generateCaseKeys();

    const a = parseCiphertext(encryptField(caseKey, 'x', location));
    const b = parseCiphertext(encryptField(caseKey, 'x', location));

    expect([a.version, a.algorithm]).toEqual([1, 1]);
    expect(a.keyId.toString('base64url')).toBe(caseKey.id);
    expect(a.nonce.equals(b.nonce)).toBe(false);
  });

  test('lengths leak only the size bucket', () => {
    const { caseKey } = generateCaseKeys();
    const size = (n: number) => encryptField(caseKey, 'a'.repeat(n), location).length;

    expect(new Set([0, 1, 30, 63].map(size)).size).toBe(1);
    expect(size(64)).toBeGreaterThan(size(63));
    expect(size(1100)).toBe(size(2000));
  });

  describe('refuses, with a typed error', () => {
    const { caseKey } = generateCaseKeys();
    const value = encryptField(caseKey, 'Tombouctou', location);

    test.each<[string, Partial<MessageLocation>]>([
      ['another tenant', { tenant: 'bf' }],
      ['another case', { caseId: 'case-2' }],
      ['another table', { table: 'risk_assessment' }],
      ['another row', { rowId: 'row-2' }],
      ['another field', { field: 'identity' }],
    ])('a ciphertext moved to %s (DECRYPT_FAILED)', (_name, change) => {
      expect(codeOf(() => decryptField(caseKey, value, { ...location, ...change }))).toBe('DECRYPT_FAILED');
    });

    test('a message replayed under another sequence number or sender (DECRYPT_FAILED)', () => {
      const { threadKey } = generateCaseKeys();
      const sent = encryptField(threadKey, 'Je suis en sécurité.', message);

      expect(codeOf(() => decryptField(threadKey, sent, { ...message, sequence: 10 }))).toBe('DECRYPT_FAILED');
      expect(codeOf(() => decryptField(threadKey, sent, { ...message, sender: 'staff-7' }))).toBe('DECRYPT_FAILED');
      expect(codeOf(() => decryptField(threadKey, sent, { ...location, table: 'message', rowId: 'msg-9', field: 'body' }))).toBe('DECRYPT_FAILED');
    });

    test('a ciphertext under another key (KEY_MISMATCH)', () => {
      expect(codeOf(() => decryptField(generateCaseKeys().caseKey, value, location))).toBe('KEY_MISMATCH');
    });

    test('a ciphertext whose key id was rewritten to name the other key (DECRYPT_FAILED)', () => {
      const other = generateCaseKeys().caseKey;
      const bytes = serializeCiphertext(parseCiphertext(value));
      other.idBytes.copy(bytes, 2);

      expect(codeOf(() => decryptField(other, bytes, location))).toBe('DECRYPT_FAILED');
    });

    test('any single flipped bit', () => {
      const bytes = serializeCiphertext(parseCiphertext(value));
      fc.assert(
        fc.property(fc.nat(bytes.length * 8 - 1), (bit) => {
          const tampered = Buffer.from(bytes);
          tampered[bit >> 3]! ^= 1 << (bit & 7);
          expect(() => decryptField(caseKey, tampered, location)).toThrow(CryptoError);
        }),
      );
    });

    test.each<[string, (b: Buffer) => Buffer, string]>([
      ['the nonce changed', (b) => ((b[20]! ^= 1), b), 'DECRYPT_FAILED'],
      ['the tag changed', (b) => ((b[b.length - 1]! ^= 1), b), 'DECRYPT_FAILED'],
      ['the last byte cut off', (b) => b.subarray(0, -1), 'DECRYPT_FAILED'],
      ['the body cut to nothing', (b) => b.subarray(0, 42), 'BAD_FORMAT'],
      ['the version changed', (b) => ((b[0] = 2), b), 'BAD_FORMAT'],
      ['the algorithm changed', (b) => ((b[1] = 2), b), 'BAD_FORMAT'],
      ['the key id changed', (b) => ((b[5]! ^= 1), b), 'KEY_MISMATCH'],
    ])('%s', (_name, mutate, code) => {
      const tampered = mutate(Buffer.from(serializeCiphertext(parseCiphertext(value)))).toString('base64url');
      expect(codeOf(() => decryptField(caseKey, tampered, location))).toBe(code);
    });

    test('text that is not well-formed Unicode, rather than silently altering it', () => {
      expect(codeOf(() => encryptField(caseKey, 'a\uDC00b', location))).toBe('INVALID_INPUT');
    });

    test('bytes that are not UTF-8 when read as text (BAD_FORMAT)', () => {
      expect(codeOf(() => decryptFieldText(caseKey, encryptField(caseKey, Buffer.of(0xff, 0xfe), location), location))).toBe('BAD_FORMAT');
    });

    test('a key that is neither a case nor a thread key', () => {
      expect(codeOf(() => encryptField(generateKey('file') as never, 'x', location))).toBe('INVALID_INPUT');
    });

    test('an incomplete location', () => {
      expect(codeOf(() => encryptField(caseKey, 'x', { ...location, rowId: '' }))).toBe('INVALID_INPUT');
      expect(codeOf(() => encryptField(caseKey, 'x', { ...message, sequence: -1 }))).toBe('INVALID_INPUT');
    });
  });
});

describe('re-keying for cause', () => {
  test('a field re-encrypted under the new key opens with it, at the same place only, and no longer with the old key', () => {
    const old = generateCaseKeys().caseKey;
    const fresh = generateCaseKeys().caseKey;
    const sealed = encryptField(old, 'Témoignage', location);
    const moved = reencryptField(old, fresh, sealed, location);
    expect(decryptFieldText(fresh, moved, location)).toBe('Témoignage');
    expect(codeOf(() => decryptFieldText(old, moved, location))).toBe('KEY_MISMATCH');
    expect(codeOf(() => decryptFieldText(fresh, moved, { ...location, field: 'summary' }))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => reencryptField(fresh, old, sealed, location))).toBe('KEY_MISMATCH');
  });

  test('a file key re-wrapped under the new parent is the same file key', () => {
    const { caseKey: old } = generateCaseKeys();
    const { caseKey: fresh } = generateCaseKeys();
    const fileKey = generateFileKey();
    const where = { tenant: 'ml', caseId: 'case-1', fileId: 'file-1' };
    const rewrapped = rewrapFileKey(wrapFileKey(fileKey, old, where), old, fresh, where);
    expect(unwrapFileKey(rewrapped, fresh, where).id).toBe(fileKey.id);
    expect(codeOf(() => unwrapFileKey(rewrapped, old, where))).toBe('KEY_MISMATCH');
  });
});
