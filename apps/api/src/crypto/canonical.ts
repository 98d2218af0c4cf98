/**
 * The one canonical encoding used for everything that is signed, MACed,
 * hashed or bound as associated data. Every value carries a type tag and,
 * where variable, a length, so the encoding is injective: two different
 * values never encode to the same bytes ("ab","c" vs "a","bc"; "1" vs 1;
 * bytes vs string; null vs ""; a list vs its flattened items).
 *
 *   bytes   0x01 u32be(len) raw
 *   string  0x02 u32be(len) utf8        (well-formed Unicode only)
 *   uint    0x03 u64be(value)           (safe integer or bigint < 2^64)
 *   bool    0x04 0x00|0x01
 *   null    0x05
 *   list    0x06 u32be(count) items...
 *
 * By convention the first item of every top-level list is a domain label such
 * as 'mnpddh/field/v1', so one context's bytes can never be replayed as
 * another's.
 */
import { fromUtf8, isBytes, isWellFormedUnicode } from './bytes.js';
import { CryptoError } from './errors.js';

export type CanonicalValue = string | Uint8Array | number | bigint | boolean | null | readonly CanonicalValue[];

const TAG = { bytes: 0x01, string: 0x02, uint: 0x03, bool: 0x04, null: 0x05, list: 0x06 } as const;
const MAX_DEPTH = 32;

const MAX_U64 = 0xffff_ffff_ffff_ffffn;

/** Validates `value` and returns its encoded size, so encoding needs one allocation. */
function sizeOf(value: CanonicalValue, depth: number): number {
  if (depth > MAX_DEPTH) throw new CryptoError('INVALID_INPUT', 'canonical: nesting too deep');
  if (value === null) return 1;
  switch (typeof value) {
    case 'string':
      if (!isWellFormedUnicode(value)) throw new CryptoError('INVALID_INPUT', 'canonical string: not well-formed Unicode');
      return 5 + Buffer.byteLength(value, 'utf8');
    case 'number':
      if (!Number.isSafeInteger(value) || value < 0) throw new CryptoError('INVALID_INPUT', 'canonical integer: not unsigned');
      return 9;
    case 'bigint':
      if (value < 0n || value > MAX_U64) throw new CryptoError('INVALID_INPUT', 'canonical integer: out of range');
      return 9;
    case 'boolean':
      return 2;
    default:
      if (isBytes(value)) return 5 + value.byteLength;
      if (Array.isArray(value)) {
        let size = 5;
        for (const item of value as readonly CanonicalValue[]) size += sizeOf(item, depth + 1);
        return size;
      }
      throw new CryptoError('INVALID_INPUT', 'canonical: unsupported value type');
  }
}

function writeValue(value: CanonicalValue, out: Buffer, offset: number): number {
  if (value === null) return out.writeUInt8(TAG.null, offset);
  switch (typeof value) {
    case 'string': {
      out[offset] = TAG.string;
      const length = out.write(value, offset + 5, 'utf8');
      out.writeUInt32BE(length, offset + 1);
      return offset + 5 + length;
    }
    case 'number':
    case 'bigint':
      out[offset] = TAG.uint;
      return out.writeBigUInt64BE(BigInt(value), offset + 1);
    case 'boolean':
      out[offset] = TAG.bool;
      return out.writeUInt8(value ? 1 : 0, offset + 1);
    default:
      if (isBytes(value)) {
        out[offset] = TAG.bytes;
        out.writeUInt32BE(value.byteLength, offset + 1);
        out.set(value, offset + 5);
        return offset + 5 + value.byteLength;
      }
      out[offset] = TAG.list;
      offset = out.writeUInt32BE((value as readonly CanonicalValue[]).length, offset + 1);
      for (const item of value as readonly CanonicalValue[]) offset = writeValue(item, out, offset);
      return offset;
  }
}

export function encodeCanonical(value: CanonicalValue): Buffer {
  const out = Buffer.alloc(sizeOf(value, 0));
  writeValue(value, out, 0);
  return out;
}

class Reader {
  private offset = 0;

  constructor(private readonly bytes: Buffer) {}

  take(length: number): Buffer {
    if (length > this.bytes.length - this.offset) {
      throw new CryptoError('BAD_FORMAT', 'canonical: truncated');
    }
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u8(): number {
    return this.take(1)[0] as number;
  }

  u32(): number {
    return this.take(4).readUInt32BE(0);
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

function decodeFrom(reader: Reader, depth: number): CanonicalValue {
  if (depth > MAX_DEPTH) throw new CryptoError('BAD_FORMAT', 'canonical: nesting too deep');
  const tag = reader.u8();
  switch (tag) {
    case TAG.bytes:
      return Buffer.from(reader.take(reader.u32()));
    case TAG.string:
      return fromUtf8(reader.take(reader.u32()), 'canonical string');
    case TAG.uint: {
      const big = reader.take(8).readBigUInt64BE(0);
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    case TAG.bool: {
      const b = reader.u8();
      if (b > 1) throw new CryptoError('BAD_FORMAT', 'canonical: bad boolean');
      return b === 1;
    }
    case TAG.null:
      return null;
    case TAG.list: {
      const count = reader.u32();
      const items: CanonicalValue[] = [];
      for (let i = 0; i < count; i++) items.push(decodeFrom(reader, depth + 1));
      return items;
    }
    default:
      throw new CryptoError('BAD_FORMAT', `canonical: unknown tag ${tag}`);
  }
}

/** Strict inverse of `encodeCanonical`: trailing bytes and unknown tags are refused. */
export function decodeCanonical(bytes: Uint8Array): CanonicalValue {
  const reader = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const value = decodeFrom(reader, 0);
  if (!reader.done) throw new CryptoError('BAD_FORMAT', 'canonical: trailing bytes');
  return value;
}
