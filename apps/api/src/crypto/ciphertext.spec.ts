import { describe, expect, test } from '@jest/globals';

import { ciphertextKeyId, encodeCiphertext, parseCiphertext, serializeCiphertext } from './ciphertext.js';
import { codeOf } from './error-code.testing.js';

const bytes = Buffer.concat([Buffer.of(1, 1), Buffer.alloc(16, 0xaa), Buffer.alloc(24, 0xbb), Buffer.alloc(20, 0xcc)]);
const text = bytes.toString('base64url');

describe('ciphertext value', () => {
  test('parses the text form into version, algorithm, key id, nonce and sealed bytes', () => {
    const sut = parseCiphertext(text);

    expect(sut.version).toBe(1);
    expect(sut.algorithm).toBe(1);
    expect(sut.keyId.equals(Buffer.alloc(16, 0xaa))).toBe(true);
    expect(sut.nonce.equals(Buffer.alloc(24, 0xbb))).toBe(true);
    expect(sut.sealed.equals(Buffer.alloc(20, 0xcc))).toBe(true);
  });

  test('text and binary forms round-trip', () => {
    expect(encodeCiphertext(parseCiphertext(text))).toBe(text);
    expect(serializeCiphertext(parseCiphertext(bytes)).equals(bytes)).toBe(true);
  });

  test('ciphertextKeyId names the key without decrypting', () => {
    expect(ciphertextKeyId(text)).toBe(Buffer.alloc(16, 0xaa).toString('base64url'));
  });

  test.each<[string, string | Buffer, string]>([
    ['a character outside base64url', text.slice(0, -1) + '+', 'BAD_FORMAT'],
    ['base64 padding', text + '=', 'BAD_FORMAT'],
    ['non-zero trailing bits (a second spelling)', text.slice(0, -1) + (text.endsWith('w') ? 'x' : 'w'), 'BAD_FORMAT'],
    ['a value shorter than header, nonce and tag', bytes.subarray(0, 57), 'BAD_FORMAT'],
    ['an unknown version', Buffer.concat([Buffer.of(2), bytes.subarray(1)]), 'BAD_FORMAT'],
    ['an unknown algorithm', Buffer.concat([Buffer.of(1, 9), bytes.subarray(2)]), 'BAD_FORMAT'],
  ])('refuses %s', (_name, input, code) => {
    expect(codeOf(() => parseCiphertext(input))).toBe(code);
  });

  test('refuses something that is neither text nor bytes', () => {
    expect(codeOf(() => parseCiphertext(42 as unknown as string))).toBe('BAD_FORMAT');
  });
});
