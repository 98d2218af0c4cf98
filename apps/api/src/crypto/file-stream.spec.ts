import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { generateCaseKeys } from './case-keys.js';
import { CryptoError } from './errors.js';
import { generateFileKey, unwrapFileKey, wrapFileKey, type FileKey } from './file-key.js';
import { decryptFile, ENCRYPTED_CHUNK_BYTES, encryptedFileSize, encryptFile, FILE_CHUNK_SIZE, FILE_HEADER_BYTES } from './file-stream.js';
import { randomBytes } from './sodium.js';

const CHUNK = FILE_CHUNK_SIZE;

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

async function collectParts(source: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return parts;
}

/** Splits `data` into pieces of the given sizes (cycled), as a network or a file reader would. */
function* pieces(data: Buffer, sizes: number[] = [1000]): Generator<Buffer> {
  let i = 0;
  for (let offset = 0; offset < data.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] as number);
    yield data.subarray(offset, offset + size);
    offset += size;
  }
}

async function encrypt(data: Buffer, key: FileKey, sizes?: number[]): Promise<Buffer> {
  return collect(encryptFile(pieces(data, sizes), key));
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

describe('file streams', () => {
  test.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5])('round-trips %i bytes', async (size) => {
    const key = generateFileKey();
    const data = randomBytes(size);

    const sut = await collect(decryptFile(pieces(await encrypt(data, key), [7000]), key));

    expect(sut.equals(data)).toBe(true);
  });

  test('round-trips any length and any split of input and ciphertext', async () => {
    const key = generateFileKey();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * CHUNK + 100 }),
        fc.array(fc.integer({ min: 1, max: 2 * CHUNK }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 2 * CHUNK }), { minLength: 1, maxLength: 5 }),
        async (size, inSizes, outSizes) => {
          const data = randomBytes(size);
          const encrypted = await encrypt(data, key, inSizes);
          expect((await collect(decryptFile(pieces(encrypted, outSizes), key))).equals(data)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('reports size, SHA-256 of the original and the padded layout', async () => {
    const key = generateFileKey();
    const data = randomBytes(2 * CHUNK + 10);
    const encrypting = encryptFile(pieces(data), key);

    const parts = await collectParts(encrypting);
    const summary = await encrypting.summary;

    expect(summary.size).toBe(data.length);
    expect(summary.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(summary.chunkCount).toBe(3);
    expect(parts[0]).toHaveLength(FILE_HEADER_BYTES);
    expect(parts.slice(1).map((p) => p.length)).toEqual([ENCRYPTED_CHUNK_BYTES, ENCRYPTED_CHUNK_BYTES, ENCRYPTED_CHUNK_BYTES]);
    expect(summary.encryptedSize).toBe(Buffer.concat(parts).length);
  });

  test('sizes leak only the size class', async () => {
    const key = generateFileKey();
    const size = async (n: number) => (await encrypt(randomBytes(n), key, [CHUNK])).length;

    expect(await size(1)).toBe(await size(60_000));
    expect(await size(CHUNK + 1)).toBe(await size(2 * CHUNK));
    expect(encryptedFileSize(3_000_000)).toBe(encryptedFileSize(3_010_000));
    expect(encryptedFileSize(3_000_000)).toBeLessThan(encryptedFileSize(3_100_000));
  });

  test('a fingerprint recorded at upload is checked at the end', async () => {
    const key = generateFileKey();
    const data = randomBytes(CHUNK + 3);
    const encrypted = await encrypt(data, key);
    const sha256 = createHash('sha256').update(data).digest('hex');

    await expect(collect(decryptFile([encrypted], key, { expectedSha256: sha256 }))).resolves.toEqual(data);
    expect(await failure(collect(decryptFile([encrypted], key, { expectedSha256: 'ab'.repeat(32) })))).toBe('INTEGRITY_FAILED');
    expect(await failure(collect(decryptFile([encrypted], key, { expectedSha256: 'not hex' })))).toBe('INVALID_INPUT');
  });

  test('works with Node streams through stream.pipeline', async () => {
    const key = generateFileKey();
    const data = randomBytes(3 * CHUNK + 17);
    const out: Buffer[] = [];

    await pipeline(
      Readable.from(pieces(data, [4096])),
      (source: AsyncIterable<Buffer>) => encryptFile(source, key),
      (source: AsyncIterable<Buffer>) => decryptFile(source, key),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          out.push(chunk);
          done();
        },
      }),
    );

    expect(Buffer.concat(out).equals(data)).toBe(true);
  });

  test('memory stays flat: 100 MiB through encrypt and decrypt with bounded buffers', async () => {
    const key = generateFileKey();
    const piece = randomBytes(CHUNK);
    const total = 100 * 1024 * 1024;
    async function* source(): AsyncGenerator<Buffer> {
      for (let sent = 0; sent < total; sent += CHUNK) yield piece;
    }
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    let received = 0;

    for await (const part of decryptFile(encryptFile(source(), key), key)) {
      received += part.length;
      if (received % (16 * CHUNK) === 0) peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }

    expect(received).toBe(total);
    // A buffering implementation would hold the whole 100 MiB (twice) at least. The margin below that is
    // garbage the collector has not reclaimed yet: it lags on a busy machine (60 MiB seen under load).
    expect(peak - before).toBeLessThan(80 * 1024 * 1024);
  });

  describe('refuses, with a typed error', () => {
    const key = generateFileKey();
    const data = randomBytes(3 * CHUNK + 5);
    let encrypted: Buffer;
    const chunkAt = (i: number) => encrypted.subarray(FILE_HEADER_BYTES + i * ENCRYPTED_CHUNK_BYTES, FILE_HEADER_BYTES + (i + 1) * ENCRYPTED_CHUNK_BYTES);
    const header = () => encrypted.subarray(0, FILE_HEADER_BYTES);
    const decrypt = (input: Buffer, k: FileKey = key) => failure(collect(decryptFile([input], k)));

    beforeAll(async () => {
      encrypted = await encrypt(data, key);
    });

    test('(the untouched stream decrypts: header and four chunks)', async () => {
      expect(encrypted.length).toBe(FILE_HEADER_BYTES + 4 * ENCRYPTED_CHUNK_BYTES);
      expect((await collect(decryptFile([encrypted], key))).equals(data)).toBe(true);
    });

    test('a stream missing its last chunk (TRUNCATED_STREAM)', async () => {
      expect(await decrypt(encrypted.subarray(0, encrypted.length - ENCRYPTED_CHUNK_BYTES))).toBe('TRUNCATED_STREAM');
    });

    test('a stream cut inside a chunk, or after its header, or empty (TRUNCATED_STREAM)', async () => {
      expect(await decrypt(encrypted.subarray(0, encrypted.length - 100))).toBe('TRUNCATED_STREAM');
      expect(await decrypt(header())).toBe('TRUNCATED_STREAM');
      expect(await decrypt(Buffer.alloc(0))).toBe('TRUNCATED_STREAM');
    });

    test('an extra chunk after the final one (BAD_FORMAT)', async () => {
      expect(await decrypt(Buffer.concat([encrypted, chunkAt(3)]))).toBe('BAD_FORMAT');
      expect(await decrypt(Buffer.concat([encrypted, Buffer.of(0)]))).toBe('BAD_FORMAT');
    });

    test('reordered chunks (DECRYPT_FAILED)', async () => {
      const swapped = Buffer.concat([header(), chunkAt(1), chunkAt(0), chunkAt(2), chunkAt(3)]);
      expect(await decrypt(swapped)).toBe('DECRYPT_FAILED');
    });

    test('a chunk dropped from the middle (DECRYPT_FAILED)', async () => {
      expect(await decrypt(Buffer.concat([header(), chunkAt(0), chunkAt(2), chunkAt(3)]))).toBe('DECRYPT_FAILED');
    });

    test('a chunk spliced in from another file under the same key (DECRYPT_FAILED)', async () => {
      const other = await encrypt(randomBytes(3 * CHUNK + 5), key);
      const spliced = Buffer.concat([
        header(),
        chunkAt(0),
        other.subarray(FILE_HEADER_BYTES + ENCRYPTED_CHUNK_BYTES, FILE_HEADER_BYTES + 2 * ENCRYPTED_CHUNK_BYTES),
        chunkAt(2),
        chunkAt(3),
      ]);
      expect(await decrypt(spliced)).toBe('DECRYPT_FAILED');
    });

    test.each<[string, number, string]>([
      ['a flipped bit in a chunk', FILE_HEADER_BYTES + ENCRYPTED_CHUNK_BYTES + 500, 'DECRYPT_FAILED'],
      ['a flipped bit in the last tag', -1, 'DECRYPT_FAILED'],
      ['a changed stream header', FILE_HEADER_BYTES - 1, 'DECRYPT_FAILED'],
      ['a changed key id', 3, 'KEY_MISMATCH'],
      ['an unknown version', 0, 'BAD_FORMAT'],
    ])('%s', async (_name, at, code) => {
      const tampered = Buffer.from(encrypted);
      const index = at < 0 ? tampered.length + at : at;
      tampered[index]! ^= 1;
      expect(await decrypt(tampered)).toBe(code);
    });

    test('another file key (KEY_MISMATCH)', async () => {
      expect(await decrypt(encrypted, generateFileKey())).toBe('KEY_MISMATCH');
    });

    test('a source that yields strings', async () => {
      expect(await failure(collect(encryptFile(['text' as unknown as Buffer], key)))).toBe('INVALID_INPUT');
    });

    test('a summary is never given for an abandoned or failed encryption', async () => {
      const abandoned = encryptFile(pieces(randomBytes(3 * CHUNK)), key);
      for await (const _part of abandoned) break;
      expect(await failure(abandoned.summary)).toBe('INVALID_INPUT');

      async function* broken(): AsyncGenerator<Buffer> {
        yield randomBytes(10);
        throw new Error('upload aborted');
      }
      const failed = encryptFile(broken(), key);
      await expect(collect(failed)).rejects.toThrow('upload aborted');
      await expect(failed.summary).rejects.toThrow('upload aborted');
    });
  });
});

describe('file keys', () => {
  const where = { tenant: 'ml', caseId: 'case-1', fileId: 'file-1' };

  test('wrapped by the case key or the thread key, and unwrapped to a working key', async () => {
    const { caseKey, threadKey } = generateCaseKeys();
    const fileKey = generateFileKey();
    const encrypted = await encrypt(Buffer.from('photo'), fileKey);

    for (const parent of [caseKey, threadKey]) {
      const sut = unwrapFileKey(wrapFileKey(fileKey, parent, where), parent, where);
      expect(sut.id).toBe(fileKey.id);
      expect((await collect(decryptFile([encrypted], sut))).toString()).toBe('photo');
    }
  });

  test.each<[string, Partial<typeof where>]>([
    ['another file', { fileId: 'file-2' }],
    ['another case', { caseId: 'case-2' }],
  ])('a wrapped key moved to %s does not open (DECRYPT_FAILED)', (_name, change) => {
    const { caseKey } = generateCaseKeys();
    const wrapped = wrapFileKey(generateFileKey(), caseKey, where);

    expect(() => unwrapFileKey(wrapped, caseKey, { ...where, ...change })).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
  });

  test('a wrapped key opened with the other case key is KEY_MISMATCH', () => {
    const wrapped = wrapFileKey(generateFileKey(), generateCaseKeys().caseKey, where);

    expect(() => unwrapFileKey(wrapped, generateCaseKeys().caseKey, where)).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH' }));
  });
});
