import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { CryptoError } from './errors.js';
import { fieldBucket, fileChunkCount, padField, padme, unpadField } from './padding.js';
import { sodium } from './sodium.js';

describe('field padding', () => {
  test.each([
    [0, 64],
    [63, 64],
    [64, 128],
    [1023, 1024],
    [1024, 2048],
    [2047, 2048],
    [2048, 4096],
    [100_000, 131_072],
  ])('a %i-byte plaintext is padded to %i bytes', (n, padded) => {
    expect(fieldBucket(n)).toBe(padded);
    expect(padField(Buffer.alloc(n, 1))).toHaveLength(padded);
  });

  test('writes exactly what libsodium sodium_pad writes (ISO/IEC 7816-4)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (plaintext) => {
        const target = fieldBucket(plaintext.length);
        const oracle = Buffer.alloc(target);
        oracle.set(plaintext);
        sodium.sodium_pad(oracle, plaintext.length, target <= 1024 ? 64 : target);

        expect(padField(plaintext).equals(oracle)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('unpadding round-trips, even when the plaintext ends in 0x80 or zeros', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(0x00, 0x80), (plaintext, tail) => {
        const withTail = Buffer.concat([plaintext, Buffer.of(tail)]);
        expect(unpadField(padField(withTail)).equals(withTail)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    ['all zeros', Buffer.alloc(64)],
    ['no 0x80 marker', Buffer.concat([Buffer.alloc(10, 1), Buffer.of(0x81), Buffer.alloc(53)])],
    ['more padding than the bucket needs', Buffer.concat([Buffer.alloc(10, 1), Buffer.of(0x80), Buffer.alloc(117)])],
    ['a length that is no bucket', Buffer.concat([Buffer.alloc(10, 1), Buffer.of(0x80), Buffer.alloc(30)])],
  ])('refuses %s', (_name, padded) => {
    expect(() => unpadField(padded)).toThrow(CryptoError);
  });

  test('refuses a plaintext over the field limit', () => {
    expect(() => padField(Buffer.alloc(4 * 1024 * 1024 + 1))).toThrow(/field plaintext over/);
  });
});

describe('file size classes', () => {
  test.each([
    [0, 0],
    [1, 1],
    [1000, 1024],
    [65_536, 65_536],
    [100_000, 100_352],
    [3_000_000, 3_014_656],
    [100 * 1024 * 1024, 100 * 1024 * 1024],
    [100 * 1024 * 1024 + 1, 102 * 1024 * 1024],
  ])('Padmé rounds %i bytes up to %i', (n, padded) => {
    expect(padme(n)).toBe(padded);
  });

  test('Padmé never adds more than 12 % and never shrinks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (n) => {
        const padded = padme(n);
        expect(padded).toBeGreaterThanOrEqual(n);
        expect(padded / n).toBeLessThanOrEqual(1.12);
      }),
    );
  });

  test('files are stored in at least one chunk, rounded to whole chunks', () => {
    expect(fileChunkCount(0, 65_536)).toBe(1);
    expect(fileChunkCount(65_536, 65_536)).toBe(1);
    expect(fileChunkCount(65_537, 65_536)).toBe(2);
    expect(fileChunkCount(100 * 1024 * 1024 + 1, 65_536)).toBe(1632);
  });
});
