/**
 * Attachment content: crypto_secretstream_xchacha20poly1305 in fixed-size
 * chunks, memory flat whatever the file size (one or two 64 KiB buffers).
 *
 * Encrypted layout (bytes, concatenated; one DB row per chunk works too):
 *   header   1 version ‖ 16 file key id ‖ 24 secretstream header   (41 bytes)
 *   chunk i  secretstream(u32be dataLength ‖ data ‖ zeros, 65,540 bytes)
 *            with associated data canonical(label, i)                (65,557 bytes)
 * Every chunk has the same size. All data chunks are full except the last
 * one holding data; after it come padding chunks (dataLength 0) up to the
 * file's size class (padding.ts), and the last chunk carries TAG_FINAL.
 *
 * Decryption rejects: a changed or reordered chunk (DECRYPT_FAILED), a stream
 * that stops before TAG_FINAL (TRUNCATED_STREAM), bytes after it or
 * non-canonical padding (BAD_FORMAT), a fingerprint mismatch
 * (INTEGRITY_FAILED). Data is yielded chunk by chunk, each authenticated, so
 * a consumer must treat a later throw as "abort the download".
 */
import { constantTimeEqual, isBytes } from './bytes.js';
import { encodeCanonical } from './canonical.js';
import { CryptoError } from './errors.js';
import type { FileKey } from './file-key.js';
import { Sha256 } from './hash.js';
import { fileChunkCount } from './padding.js';
import { keyBytes, KEY_ID_BYTES, requireKind } from './secret-key.js';
import { memzero, sodium } from './sodium.js';

export const FILE_STREAM_VERSION = 1;
export const FILE_CHUNK_SIZE = 64 * 1024;
const STREAM_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
const FRAME_BYTES = 4 + FILE_CHUNK_SIZE;
export const FILE_HEADER_BYTES = 1 + KEY_ID_BYTES + STREAM_HEADER;
export const ENCRYPTED_CHUNK_BYTES = FRAME_BYTES + ABYTES;

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface EncryptedFileSummary {
  /** plaintext size in bytes */
  readonly size: number;
  /** SHA-256 of the original, hex: store it encrypted with the file's row */
  readonly sha256: string;
  readonly chunkCount: number;
  readonly encryptedSize: number;
}

export interface EncryptingFile extends AsyncIterable<Buffer> {
  /** Resolves once the last chunk has been produced. */
  readonly summary: Promise<EncryptedFileSummary>;
}

/** Size on disk of an encrypted file of `size` plaintext bytes. */
export function encryptedFileSize(size: number): number {
  return FILE_HEADER_BYTES + fileChunkCount(size, FILE_CHUNK_SIZE) * ENCRYPTED_CHUNK_BYTES;
}

function chunkAd(index: number): Buffer {
  return encodeCanonical(['mnpddh/file-chunk/v1', index]);
}

/** Encrypts a byte source; iterate the result once (e.g. with stream.pipeline or Readable.from). */
export function encryptFile(source: ByteSource, fileKey: FileKey): EncryptingFile {
  requireKind(fileKey, ['file']);
  let settle!: { resolve: (s: EncryptedFileSummary) => void; reject: (e: unknown) => void };
  const summary = new Promise<EncryptedFileSummary>((resolve, reject) => (settle = { resolve, reject }));
  summary.catch(() => undefined); // the caller may only iterate; never an unhandled rejection

  async function* run(): AsyncGenerator<Buffer> {
    const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
    const frames = [Buffer.alloc(FRAME_BYTES), Buffer.alloc(FRAME_BYTES)] as const;
    let index = 0;
    const seal = (frame: Buffer, length: number, tag: number): Buffer => {
      frame.writeUInt32BE(length, 0);
      frame.fill(0, 4 + length);
      const out = Buffer.alloc(ENCRYPTED_CHUNK_BYTES);
      sodium.crypto_secretstream_xchacha20poly1305_push(state, out, frame, chunkAd(index++), tag);
      return out;
    };
    let finished = false;
    try {
      const header = Buffer.alloc(STREAM_HEADER);
      sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, keyBytes(fileKey));
      yield Buffer.concat([Buffer.of(FILE_STREAM_VERSION), fileKey.idBytes, header]);

      const sha = new Sha256();
      let size = 0;
      let current = 0;
      let fill = 0;
      let pendingFull = false; // frames[1 - current] holds a full chunk not yet sealed
      for await (const piece of source) {
        if (!isBytes(piece)) throw new CryptoError('INVALID_INPUT', 'file source must yield bytes');
        sha.update(piece);
        size += piece.byteLength;
        for (let offset = 0; offset < piece.byteLength;) {
          const n = Math.min(FILE_CHUNK_SIZE - fill, piece.byteLength - offset);
          (frames[current] as Buffer).set(piece.subarray(offset, offset + n), 4 + fill);
          fill += n;
          offset += n;
          if (fill === FILE_CHUNK_SIZE) {
            // Only now do we know the previous full chunk is not the last one.
            if (pendingFull) yield seal(frames[1 - current] as Buffer, FILE_CHUNK_SIZE, TAG_MESSAGE);
            pendingFull = true;
            current = 1 - current;
            fill = 0;
          }
        }
      }

      const total = fileChunkCount(size, FILE_CHUNK_SIZE);
      const rest: [Buffer, number][] = [];
      if (pendingFull) rest.push([frames[1 - current] as Buffer, FILE_CHUNK_SIZE]);
      if (fill > 0) rest.push([frames[current] as Buffer, fill]);
      while (index + rest.length < total) rest.push([frames[current] as Buffer, 0]);
      const last = rest.length - 1;
      for (const [i, [frame, length]] of rest.entries()) {
        const chunk = seal(frame, length, i === last ? TAG_FINAL : TAG_MESSAGE);
        if (i === last) {
          finished = true;
          settle.resolve({
            size,
            sha256: sha.digest().toString('hex'),
            chunkCount: total,
            encryptedSize: encryptedFileSize(size),
          });
        }
        yield chunk;
      }
    } catch (error) {
      settle.reject(error);
      throw error;
    } finally {
      if (!finished) settle.reject(new CryptoError('INVALID_INPUT', 'file encryption was not completed'));
      memzero(state, frames[0], frames[1]);
    }
  }

  const iterator = run();
  return { [Symbol.asyncIterator]: () => iterator, summary };
}

export interface DecryptFileOptions {
  /** SHA-256 (hex) recorded at upload: checked at the end, INTEGRITY_FAILED on mismatch */
  readonly expectedSha256?: string;
}

/** Decrypts an encrypted file given in pieces of any size; yields plaintext chunk by chunk. */
export async function* decryptFile(source: ByteSource, fileKey: FileKey, options: DecryptFileOptions = {}): AsyncGenerator<Buffer> {
  requireKind(fileKey, ['file']);
  const expected = options.expectedSha256;
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    throw new CryptoError('INVALID_INPUT', 'expectedSha256 must be 64 lowercase hex digits');
  }
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const header = Buffer.alloc(FILE_HEADER_BYTES);
  const chunk = Buffer.alloc(ENCRYPTED_CHUNK_BYTES);
  const frame = Buffer.alloc(FRAME_BYTES);
  const tag = Buffer.alloc(1);
  const sha = expected === undefined ? null : new Sha256();
  let headerFill = 0;
  let chunkFill = 0;
  let index = 0;
  let size = 0;
  let partialSeen = false;
  let finalSeen = false;

  const openHeader = (): void => {
    if (header[0] !== FILE_STREAM_VERSION) throw new CryptoError('BAD_FORMAT', `file stream: unknown version ${header[0]}`);
    if (!constantTimeEqual(header.subarray(1, 1 + KEY_ID_BYTES), fileKey.idBytes)) {
      throw new CryptoError('KEY_MISMATCH', 'file stream was encrypted under another file key');
    }
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header.subarray(1 + KEY_ID_BYTES), keyBytes(fileKey));
  };

  const openChunk = (): Buffer | null => {
    try {
      sodium.crypto_secretstream_xchacha20poly1305_pull(state, frame, tag, chunk, chunkAd(index));
    } catch {
      throw new CryptoError('DECRYPT_FAILED', `file chunk ${index} did not authenticate`);
    }
    const length = frame.readUInt32BE(0);
    if (length > FILE_CHUNK_SIZE || (partialSeen && length > 0)) throw new CryptoError('BAD_FORMAT', 'file stream: bad chunk length');
    if (!sodium.sodium_is_zero(frame.subarray(4 + length))) throw new CryptoError('BAD_FORMAT', 'file stream: bad chunk padding');
    partialSeen ||= length < FILE_CHUNK_SIZE;
    size += length;
    index++;
    if (tag[0] === TAG_FINAL) {
      if (index !== fileChunkCount(size, FILE_CHUNK_SIZE)) throw new CryptoError('BAD_FORMAT', 'file stream: wrong size class');
      finalSeen = true;
    } else if (tag[0] !== TAG_MESSAGE) {
      throw new CryptoError('BAD_FORMAT', 'file stream: unexpected tag');
    }
    if (length === 0) return null;
    const data = Buffer.from(frame.subarray(4, 4 + length));
    sha?.update(data);
    return data;
  };

  try {
    for await (const piece of source) {
      if (!isBytes(piece)) throw new CryptoError('INVALID_INPUT', 'file source must yield bytes');
      for (let offset = 0; offset < piece.byteLength;) {
        if (headerFill < FILE_HEADER_BYTES) {
          const n = Math.min(FILE_HEADER_BYTES - headerFill, piece.byteLength - offset);
          header.set(piece.subarray(offset, offset + n), headerFill);
          headerFill += n;
          offset += n;
          if (headerFill === FILE_HEADER_BYTES) openHeader();
          continue;
        }
        if (finalSeen) throw new CryptoError('BAD_FORMAT', 'file stream: data after the final chunk');
        const n = Math.min(ENCRYPTED_CHUNK_BYTES - chunkFill, piece.byteLength - offset);
        chunk.set(piece.subarray(offset, offset + n), chunkFill);
        chunkFill += n;
        offset += n;
        if (chunkFill === ENCRYPTED_CHUNK_BYTES) {
          chunkFill = 0;
          const data = openChunk();
          if (data !== null) yield data;
        }
      }
    }
    if (!finalSeen) throw new CryptoError('TRUNCATED_STREAM', 'file stream ended before its final chunk');
    if (sha !== null && !constantTimeEqual(sha.digest(), Buffer.from(expected as string, 'hex'))) {
      throw new CryptoError('INTEGRITY_FAILED', 'file does not match its recorded SHA-256');
    }
  } finally {
    memzero(state, frame, chunk);
  }
}
