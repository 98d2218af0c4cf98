import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { decodeCanonical, encodeCanonical, type CanonicalValue } from './canonical.js';
import { codeOf } from './error-code.testing.js';

const value: fc.Arbitrary<CanonicalValue> = fc.letrec<{ value: CanonicalValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.uint8Array({ maxLength: 20 }),
    fc.maxSafeNat(),
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

/** What decoding gives back: small bigints as numbers, byte arrays as Buffers. */
function normalise(v: CanonicalValue): CanonicalValue {
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(normalise);
  return v;
}

describe('encodeCanonical', () => {
  test('known-answer vector: every type, tagged and length-prefixed', () => {
    const sut = encodeCanonical(['a', 1, true, null, Buffer.from([1, 2]), ['x']]);

    expect(sut.toString('hex')).toBe('0600000006' + '020000000161' + '030000000000000001' + '0401' + '05' + '01000000020102' + '0600000001' + '020000000178');
  });

  test('known-answer vector: UTF-8 length counts bytes, not UTF-16 units', () => {
    expect(encodeCanonical('é🙂').toString('hex')).toBe('0200000006c3a9f09f9982');
  });

  test.each<[string, CanonicalValue, CanonicalValue]>([
    ['split strings', ['ab', 'c'], ['a', 'bc']],
    ['string vs integer', ['1'], [1]],
    ['string vs bytes', ['a'], [Buffer.from('a')]],
    ['null vs empty string', [null], ['']],
    ['false vs 0', [false], [0]],
    ['nested vs flat', [['a', 'b']], ['a', 'b']],
    ['empty list vs null', [[]], [null]],
  ])('different tuples never collide: %s', (_name, a, b) => {
    expect(encodeCanonical(a).equals(encodeCanonical(b))).toBe(false);
  });

  test('the same integer as number or bigint encodes the same', () => {
    expect(encodeCanonical([5])).toEqual(encodeCanonical([5n]));
  });

  test.each<[string, unknown]>([
    ['a lone surrogate', '\uD800x'],
    ['a negative integer', -1],
    ['a fraction', 1.5],
    ['an unsafe number', 2 ** 60],
    ['a bigint over 64 bits', 2n ** 64n],
    ['undefined', undefined],
    ['an object', { a: 1 }],
  ])('refuses %s', (_name, bad) => {
    expect(codeOf(() => encodeCanonical([bad as CanonicalValue]))).toBe('INVALID_INPUT');
  });
});

describe('decodeCanonical', () => {
  test('round-trips any value (so, being deterministic, the encoding is injective)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(decodeCanonical(encodeCanonical(v))).toEqual(normalise(v));
      }),
    );
  });

  test.each<[string, string]>([
    ['trailing bytes', '0500'],
    ['an unknown tag', '07'],
    ['a truncated length', '020000'],
    ['a length past the end', '0200000005616263'],
    ['a boolean other than 0 or 1', '0402'],
    ['invalid UTF-8', '0200000001ff'],
    ['an encoded surrogate (CESU-8)', '0200000003eda080'],
    ['nothing', ''],
  ])('refuses %s', (_name, hex) => {
    expect(codeOf(() => decodeCanonical(Buffer.from(hex, 'hex')))).toBe('BAD_FORMAT');
  });

  test('refuses nesting deeper than 32 levels instead of overflowing the stack', () => {
    const deep = Buffer.from('0600000001'.repeat(40) + '05', 'hex');

    expect(codeOf(() => decodeCanonical(deep))).toBe('BAD_FORMAT');
  });
});
