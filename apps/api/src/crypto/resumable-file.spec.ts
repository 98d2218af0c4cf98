import { createHash } from 'node:crypto';

import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { CryptoError } from './errors.js';
import { generateFileKey, type FileKey } from './file-key.js';
import { decryptFile, encryptedFileSize, FILE_CHUNK_SIZE, FILE_HEADER_BYTES } from './file-stream.js';
import { Sha256 } from './hash.js';
import { continueResumableFile, fingerprintStoredPrefix, resumableFileProgress, startResumableFile, type ResumableFileBinding } from './resumable-file.js';
import { randomBytes } from './sodium.js';

const binding: ResumableFileBinding = { tenant: 'ml-mnpddh', caseId: 'case-1', uploadId: 'upload-1' };

interface Upload {
  pieces: Buffer[];
  state: string;
  /** What the server keeps in memory between two PATCHes. */
  fingerprint: Sha256;
  sha256?: string;
}

function start(key: FileKey, size: number, bind = binding): Upload {
  const step = startResumableFile(key, size, bind);
  expect(step.firstIndex).toBe(0);
  return { pieces: [...step.pieces], state: step.state, fingerprint: new Sha256() };
}

/** One PATCH: what the server does between two requests (state and pieces go to the database). */
function patch(key: FileKey, upload: Upload, bytes: Uint8Array, bind = binding): Upload {
  const fingerprint = upload.fingerprint.copy();
  const step = continueResumableFile(key, upload.state, bytes, bind, upload.pieces.length, fingerprint);
  expect(step.firstIndex).toBe(upload.pieces.length);
  return { pieces: [...upload.pieces, ...step.pieces], state: step.state, fingerprint, ...(step.summary ? { sha256: step.summary.sha256 } : {}) };
}

/** The server restarted between two PATCHes: the fingerprint is recomputed from the stored pieces and the sealed state. */
async function restarted(key: FileKey, upload: Upload, stored = upload.pieces): Promise<Upload> {
  const fingerprint = await fingerprintStoredPrefix(key, upload.state, binding, upload.pieces.length, pieces(stored));
  return { ...upload, fingerprint };
}

/** Stored bytes as the file store reads them: pieces of 1 MiB whatever the chunks. */
async function* pieces(stored: Buffer[]): AsyncGenerator<Buffer> {
  const all = Buffer.concat(stored);
  for (let at = 0; at < all.length; at += 1024 * 1024) yield all.subarray(at, at + 1024 * 1024);
}

function uploadIn(key: FileKey, data: Buffer, cuts: number[]): Upload {
  let upload = start(key, data.length);
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < data.length)].sort((a, b) => a - b).concat(data.length)) {
    if (cut === from) continue;
    upload = patch(key, upload, data.subarray(from, cut));
    from = cut;
  }
  return upload;
}

async function read(key: FileKey, pieces: Buffer[], sha256?: string): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const part of decryptFile(pieces, key, sha256 ? { expectedSha256: sha256 } : {})) out.push(part);
  return Buffer.concat(out);
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function codeOf(error: unknown): string {
  return error instanceof CryptoError ? error.code : String(error);
}

describe('resumable file encryption', () => {
  test('same format as encryptFile: decryptFile reads it and the fingerprint is the SHA-256 of the original', async () => {
    const key = generateFileKey();
    const data = randomBytes(3 * FILE_CHUNK_SIZE + 123);
    const upload = uploadIn(key, data, [10, FILE_CHUNK_SIZE + 7, 2 * FILE_CHUNK_SIZE]);
    expect(upload.sha256).toBe(sha(data));
    expect(upload.pieces[0]?.length).toBe(FILE_HEADER_BYTES);
    expect(Buffer.concat(upload.pieces).length).toBe(encryptedFileSize(data.length));
    expect((await read(key, upload.pieces, upload.sha256)).equals(data)).toBe(true);
  });

  test('any split of the input into PATCH pieces gives the same plaintext back', async () => {
    const key = generateFileKey();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 * FILE_CHUNK_SIZE + 5 }),
        fc.array(fc.integer({ min: 0, max: 3 * FILE_CHUNK_SIZE + 5 }), { maxLength: 8 }),
        async (size, cuts) => {
          const data = randomBytes(size);
          const upload = uploadIn(key, data, cuts);
          expect(upload.sha256).toBe(sha(data));
          expect((await read(key, upload.pieces, upload.sha256)).equals(data)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('a fingerprint lost between two PATCHes (a restart) is recomputed from the stored chunks: the same SHA-256', async () => {
    const key = generateFileKey();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 * FILE_CHUNK_SIZE + 5 }),
        fc.array(fc.integer({ min: 0, max: 3 * FILE_CHUNK_SIZE + 5 }), { maxLength: 6 }),
        async (size, cuts) => {
          const data = randomBytes(size);
          let upload = await restarted(key, start(key, data.length));
          let from = 0;
          for (const cut of [...new Set(cuts.filter((c) => c > 0 && c < size))].sort((a, b) => a - b).concat(size)) {
            upload = patch(key, await restarted(key, upload), data.subarray(from, cut));
            from = cut;
          }
          expect(upload.sha256).toBe(sha(data));
        },
      ),
      { numRuns: 30 },
    );
  });

  test('several buffers in one step are the same as their concatenation', async () => {
    const key = generateFileKey();
    const data = randomBytes(2 * FILE_CHUNK_SIZE + 77);
    const upload = start(key, data.length);
    const parts = [data.subarray(0, 5), data.subarray(5, FILE_CHUNK_SIZE + 3), data.subarray(FILE_CHUNK_SIZE + 3)];
    const step = continueResumableFile(key, upload.state, parts, binding, 1, new Sha256());
    expect(step.summary?.sha256).toBe(sha(data));
    expect((await read(key, [...upload.pieces, ...step.pieces], step.summary?.sha256)).equals(data)).toBe(true);
  });

  test('the recompute reads only authentic chunks of this upload: a flipped byte, another key, missing bytes are refused', async () => {
    const key = generateFileKey();
    const data = randomBytes(3 * FILE_CHUNK_SIZE);
    const upload = patch(key, start(key, data.length), data.subarray(0, 2 * FILE_CHUNK_SIZE + 10));
    const codeOfRecompute = async (stored: Buffer[], fileKey = key) => {
      try {
        await fingerprintStoredPrefix(fileKey, upload.state, binding, upload.pieces.length, pieces(stored));
        return 'none';
      } catch (error) {
        return codeOf(error);
      }
    };
    expect(await codeOfRecompute(upload.pieces)).toBe('none');
    // bytes after the committed pieces (a write whose commit failed) are not read
    expect(await codeOfRecompute([...upload.pieces, randomBytes(100)])).toBe('none');
    const flipped = upload.pieces.map((p) => Buffer.from(p));
    const second = flipped[1] as Buffer;
    second[40] = (second[40] as number) ^ 1;
    expect(await codeOfRecompute(flipped)).toBe('DECRYPT_FAILED');
    const other = generateFileKey();
    const foreign = patch(other, start(other, data.length), data.subarray(0, 2 * FILE_CHUNK_SIZE + 10));
    expect(await codeOfRecompute(foreign.pieces)).toBe('KEY_MISMATCH');
    expect(await codeOfRecompute([upload.pieces[0] as Buffer, ...foreign.pieces.slice(1)])).toBe('DECRYPT_FAILED');
    expect(await codeOfRecompute(upload.pieces.slice(0, -1))).toBe('TRUNCATED_STREAM');
    expect(await codeOfRecompute(upload.pieces, generateFileKey())).not.toBe('none');
  });

  test('exact multiples of the chunk size and one-byte files', async () => {
    const key = generateFileKey();
    for (const size of [1, FILE_CHUNK_SIZE, 2 * FILE_CHUNK_SIZE]) {
      const data = randomBytes(size);
      const upload = uploadIn(key, data, [FILE_CHUNK_SIZE]);
      expect((await read(key, upload.pieces, upload.sha256)).equals(data)).toBe(true);
    }
  });

  test('resumes from the sealed state only: progress is readable, a state for another upload or index does not open', () => {
    const key = generateFileKey();
    const data = randomBytes(FILE_CHUNK_SIZE + 50);
    const upload = patch(key, start(key, data.length), data.subarray(0, 100));
    expect(resumableFileProgress(key, upload.state, binding, upload.pieces.length)).toEqual({ offset: 100, size: data.length });
    expect(() => resumableFileProgress(key, upload.state, { ...binding, uploadId: 'upload-2' }, upload.pieces.length)).toThrow(CryptoError);
    expect(() => resumableFileProgress(key, upload.state, binding, upload.pieces.length + 1)).toThrow(CryptoError);
    expect(() => resumableFileProgress(generateFileKey(), upload.state, binding, upload.pieces.length)).toThrow(CryptoError);
    // the partial plaintext is not in the sealed state
    expect(Buffer.from(upload.state).includes(data.subarray(0, 32).toString('base64url').slice(0, 20))).toBe(false);
    // an older state put back beside newer chunks does not open
    const later = patch(key, upload, data.subarray(100, FILE_CHUNK_SIZE + 10));
    expect(later.pieces.length).toBeGreaterThan(upload.pieces.length);
    expect(() => continueResumableFile(key, upload.state, data.subarray(100, 110), binding, later.pieces.length, new Sha256())).toThrow(CryptoError);
  });

  test('refuses bytes past the declared size and bytes after completion', () => {
    const key = generateFileKey();
    const upload = start(key, 10);
    let code = '';
    try {
      continueResumableFile(key, upload.state, randomBytes(11), binding, 1, new Sha256());
    } catch (error) {
      code = codeOf(error);
    }
    expect(code).toBe('INVALID_INPUT');
    const done = patch(key, upload, randomBytes(10));
    expect(() => continueResumableFile(key, done.state, randomBytes(1), binding, done.pieces.length, new Sha256())).toThrow(CryptoError);
  });

  test('tampered, reordered, truncated or extended output is rejected by decryptFile', async () => {
    const key = generateFileKey();
    const data = randomBytes(2 * FILE_CHUNK_SIZE + 9);
    const { pieces, sha256 } = uploadIn(key, data, [5000, FILE_CHUNK_SIZE + 1]);
    const failure = async (variant: Buffer[], expected?: string) => {
      try {
        await read(key, variant, expected);
        return 'none';
      } catch (error) {
        return codeOf(error);
      }
    };
    const tampered = pieces.map((p) => Buffer.from(p));
    const flipped = tampered[2] as Buffer;
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(await failure(tampered)).toBe('DECRYPT_FAILED');
    const reordered = [pieces[0], pieces[2], pieces[1], ...pieces.slice(3)] as Buffer[];
    expect(await failure(reordered)).toBe('DECRYPT_FAILED');
    expect(await failure(pieces.slice(0, -1))).toBe('TRUNCATED_STREAM');
    expect(await failure([...pieces, pieces.at(-1) as Buffer])).toBe('BAD_FORMAT');
    expect(await failure(pieces, sha(randomBytes(4)))).toBe('INTEGRITY_FAILED');
    expect(await failure(pieces, sha256)).toBe('none');
  });
});
