import { createHash } from 'node:crypto';

import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { CryptoError } from './errors.js';
import { generateFileKey, type FileKey } from './file-key.js';
import { decryptFile, encryptedFileSize, FILE_CHUNK_SIZE, FILE_HEADER_BYTES } from './file-stream.js';
import { continueResumableFile, resumableFileProgress, startResumableFile, type ResumableFileBinding } from './resumable-file.js';
import { randomBytes } from './sodium.js';

const binding: ResumableFileBinding = { tenant: 'ml-mnpddh', caseId: 'case-1', uploadId: 'upload-1' };

interface Upload {
  pieces: Buffer[];
  state: string;
  sha256?: string;
}

function start(key: FileKey, size: number, bind = binding): Upload {
  const step = startResumableFile(key, size, bind);
  expect(step.firstIndex).toBe(0);
  return { pieces: [...step.pieces], state: step.state };
}

/** One PATCH: what the server does between two requests (state and pieces go to the database). */
function patch(key: FileKey, upload: Upload, bytes: Uint8Array, bind = binding): Upload {
  const step = continueResumableFile(key, upload.state, bytes, bind, upload.pieces.length);
  expect(step.firstIndex).toBe(upload.pieces.length);
  return { pieces: [...upload.pieces, ...step.pieces], state: step.state, ...(step.summary ? { sha256: step.summary.sha256 } : {}) };
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
    expect(() => continueResumableFile(key, upload.state, data.subarray(100, 110), binding, later.pieces.length)).toThrow(CryptoError);
  });

  test('refuses bytes past the declared size and bytes after completion', () => {
    const key = generateFileKey();
    const upload = start(key, 10);
    let code = '';
    try {
      continueResumableFile(key, upload.state, randomBytes(11), binding, 1);
    } catch (error) {
      code = codeOf(error);
    }
    expect(code).toBe('INVALID_INPUT');
    const done = patch(key, upload, randomBytes(10));
    expect(() => continueResumableFile(key, done.state, randomBytes(1), binding, done.pieces.length)).toThrow(CryptoError);
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
