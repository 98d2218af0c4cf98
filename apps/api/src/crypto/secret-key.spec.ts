import { inspect } from 'node:util';

import { describe, expect, test } from '@jest/globals';

import { CryptoError } from './errors.js';
import { generateKey, keyBytes, requireKind, SecretKey } from './secret-key.js';

describe('SecretKey', () => {
  test('known-answer vector: key id = crypto_kdf(key, "mnpkeyid", 1), 16 bytes', () => {
    const sut = new SecretKey('case', Buffer.alloc(32, 0x42));

    expect(sut.id).toBe('BauTHl35KY-bU81SS5IkQw');
  });

  test('different keys have different ids; the same key the same id', () => {
    const sut = generateKey('thread');

    expect(sut.id).not.toBe(generateKey('thread').id);
    expect(new SecretKey('thread', Buffer.from(keyBytes(sut))).id).toBe(sut.id);
  });

  test('never prints its bytes: JSON, String and util.inspect show kind and id only', () => {
    const bytes = Buffer.alloc(32, 0x61);
    const sut = new SecretKey('case', Buffer.from(bytes));
    const shown = [JSON.stringify({ sut }), String(sut), inspect(sut), inspect({ nested: sut })].join(' ');

    expect(shown).toContain(sut.id);
    expect(shown).not.toContain(bytes.toString('hex'));
    expect(shown).not.toContain(bytes.toString('base64'));
    expect(shown).not.toContain(bytes.toString('latin1'));
  });

  test('destroy() zeroes the bytes and any later use throws', () => {
    const bytes = Buffer.alloc(32, 7);
    const sut = new SecretKey('file', bytes);

    sut.destroy();

    expect(bytes.equals(Buffer.alloc(32))).toBe(true);
    expect(sut.destroyed).toBe(true);
    expect(() => keyBytes(sut)).toThrow(CryptoError);
  });

  test('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretKey('case', Buffer.alloc(31))).toThrow(CryptoError);
  });

  test('requireKind refuses another kind of key', () => {
    expect(() => requireKind(generateKey('file'), ['case', 'thread'])).toThrow(/expected a case or thread key/);
    expect(() => requireKind(generateKey('case'), ['case', 'thread'])).not.toThrow();
  });
});
