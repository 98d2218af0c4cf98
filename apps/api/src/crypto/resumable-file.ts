/**
 * A file encrypted across several requests (resumable uploads), in the SAME
 * format as `encryptFile` (file-stream.ts), so `decryptFile` reads both.
 *
 * The stream state between two requests is a small serialised record:
 *   version 2 ‖ size u48 ‖ offset u48 ‖ next chunk index u32 ‖
 *   secretstream state ‖ partial frame length u32 ‖ partial frame data
 * (version 1, from an older release, also held libsodium's SHA-256 state
 * after the secretstream state: it is read and that part ignored)
 * sealed with XChaCha20-Poly1305 under the FILE key (itself wrapped by the
 * thread key), with associated data (tenant, case id, upload id, next chunk
 * index): it never sits in the clear, a state copied to another upload does
 * not open, and an older state put back beside newer chunks does not open
 * either (its chunk index no longer matches the number of stored chunks).
 *
 * Fingerprint: the plain SHA-256 of the whole original, exactly as
 * `encryptFile` reports it, so `decryptFile(..., { expectedSha256 })` checks
 * both paths the same way. It is Node's SHA-256 (SHA-NI: ~4× libsodium's,
 * which was the largest cost of an upload), whose running state cannot be
 * serialised: the caller keeps it in memory between requests
 * (`Sha256.copy()` before a step, so a step whose commit fails leaves it as
 * it was), and when it has none (a restart, another instance, an evicted
 * entry) `fingerprintStoredPrefix` recomputes it from the stored chunks,
 * each authenticated under the file key, plus the partial frame of the
 * sealed state: the same bytes the lost hash had seen.
 *
 * The declared size is fixed at the start: a full frame is sealed as soon as
 * more bytes are known to follow, so at most one partial frame (< 64 KiB of
 * plaintext) lives in the sealed state; when the last byte arrives the final
 * data chunk, the padding chunks of the size class and TAG_FINAL are emitted.
 */
import { decrypt, encrypt } from './aead.js';
import { constantTimeEqual, isBytes } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import type { FileKey } from './file-key.js';
import { encryptedFileSize, ENCRYPTED_CHUNK_BYTES, FILE_CHUNK_SIZE, FILE_HEADER_BYTES, FILE_STREAM_VERSION, type EncryptedFileSummary } from './file-stream.js';
import { Sha256 } from './hash.js';
import { encodeCanonical } from './canonical.js';
import { fileChunkCount } from './padding.js';
import { keyBytes, KEY_ID_BYTES, requireKind } from './secret-key.js';
import { memzero, sodium } from './sodium.js';

const STATE_VERSION = 2;
const STATE_VERSION_1 = 1;
const STREAM_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const STREAM_STATE = sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES;
/** libsodium's SHA-256 state, kept by version 1 states only. */
const V1_SHA_STATE = sodium.crypto_hash_sha256_STATEBYTES;
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
const FRAME_BYTES = 4 + FILE_CHUNK_SIZE;
const FIXED_BYTES = 1 + 6 + 6 + 4 + STREAM_STATE + 4;
/** Largest plaintext a resumable file may have (the offsets are stored in 48 bits; far above any upload limit). */
export const RESUMABLE_MAX_SIZE = 2 ** 40;

/** What the sealed state is bound to. */
export interface ResumableFileBinding {
  readonly tenant: string;
  readonly caseId: string;
  readonly uploadId: string;
}

export interface ResumableStep {
  /** Encrypted pieces to store in order, the first one at index `firstIndex` (the header is piece 0); views of one allocation. */
  readonly pieces: Buffer[];
  readonly firstIndex: number;
  /** The sealed state for the next step (unchanged meaning once `summary` is set: nothing more is accepted). */
  readonly state: string;
  /** Plaintext bytes received so far. */
  readonly offset: number;
  readonly size: number;
  /** Set when the last byte has arrived: the stream is complete. */
  readonly summary?: EncryptedFileSummary;
}

interface OpenState {
  size: number;
  offset: number;
  nextIndex: number;
  stream: Buffer;
  frame: Buffer;
  fill: number;
}

function stateContext(binding: ResumableFileBinding, nextIndex: number) {
  return ['mnpddh/resumable-file-state/v1', binding.tenant, binding.caseId, binding.uploadId, nextIndex] as const;
}

function chunkAd(index: number): Buffer {
  return encodeCanonical(['mnpddh/file-chunk/v1', index]);
}

function seal(fileKey: FileKey, state: OpenState, binding: ResumableFileBinding): string {
  const bytes = Buffer.alloc(FIXED_BYTES + state.fill);
  let at = 0;
  bytes[at++] = STATE_VERSION;
  bytes.writeUIntBE(state.size, at, 6);
  at += 6;
  bytes.writeUIntBE(state.offset, at, 6);
  at += 6;
  bytes.writeUInt32BE(state.nextIndex, at);
  at += 4;
  state.stream.copy(bytes, at);
  at += STREAM_STATE;
  bytes.writeUInt32BE(state.fill, at);
  at += 4;
  state.frame.copy(bytes, at, 4, 4 + state.fill);
  try {
    return encodeCiphertext(encrypt(fileKey, bytes, stateContext(binding, state.nextIndex)));
  } finally {
    memzero(bytes);
  }
}

function open(fileKey: FileKey, sealed: string, binding: ResumableFileBinding, nextIndex: number): OpenState {
  const bytes = decrypt(fileKey, parseCiphertext(sealed), stateContext(binding, nextIndex));
  try {
    const version = bytes[0];
    const fixed = version === STATE_VERSION_1 ? FIXED_BYTES + V1_SHA_STATE : FIXED_BYTES;
    if (bytes.length < fixed || (version !== STATE_VERSION && version !== STATE_VERSION_1)) {
      throw new CryptoError('BAD_FORMAT', 'resumable file state: bad format');
    }
    let at = 1;
    const size = bytes.readUIntBE(at, 6);
    at += 6;
    const offset = bytes.readUIntBE(at, 6);
    at += 6;
    const index = bytes.readUInt32BE(at);
    at += 4;
    const stream = Buffer.from(bytes.subarray(at, at + STREAM_STATE));
    at += STREAM_STATE;
    if (version === STATE_VERSION_1) at += V1_SHA_STATE;
    const fill = bytes.readUInt32BE(at);
    at += 4;
    if (index !== nextIndex || fill >= FILE_CHUNK_SIZE || bytes.length !== fixed + fill || offset > size) {
      throw new CryptoError('BAD_FORMAT', 'resumable file state: inconsistent');
    }
    const frame = Buffer.alloc(FRAME_BYTES);
    bytes.copy(frame, 4, at, at + fill);
    return { size, offset, nextIndex, stream, frame, fill };
  } finally {
    memzero(bytes);
  }
}

function wipe(state: OpenState): void {
  memzero(state.stream, state.frame);
}

/**
 * Starts a resumable file of `size` plaintext bytes: returns the header piece
 * (index 0) and the first sealed state (next piece index 1).
 */
export function startResumableFile(fileKey: FileKey, size: number, binding: ResumableFileBinding): ResumableStep {
  requireKind(fileKey, ['file']);
  if (!Number.isSafeInteger(size) || size < 1 || size > RESUMABLE_MAX_SIZE) throw new CryptoError('INVALID_INPUT', 'resumable file: bad size');
  const state: OpenState = {
    size,
    offset: 0,
    nextIndex: 1,
    stream: Buffer.alloc(STREAM_STATE),
    frame: Buffer.alloc(FRAME_BYTES),
    fill: 0,
  };
  try {
    const header = Buffer.alloc(STREAM_HEADER);
    sodium.crypto_secretstream_xchacha20poly1305_init_push(state.stream, header, keyBytes(fileKey));
    const piece = Buffer.concat([Buffer.of(FILE_STREAM_VERSION), fileKey.idBytes, header]);
    return { pieces: [piece], firstIndex: 0, state: seal(fileKey, state, binding), offset: 0, size };
  } finally {
    wipe(state);
  }
}

/** Where a resumable file stands (for a client resuming after a dropped connection). */
export function resumableFileProgress(fileKey: FileKey, sealed: string, binding: ResumableFileBinding, nextIndex: number): { offset: number; size: number } {
  requireKind(fileKey, ['file']);
  const state = open(fileKey, sealed, binding, nextIndex);
  wipe(state);
  return { offset: state.offset, size: state.size };
}

/**
 * Adds the next bytes (one buffer, or several read in a row: nothing is
 * concatenated). `nextIndex` is the number of pieces stored so far (it is
 * bound into the sealed state); `fingerprint` is the SHA-256 of every byte
 * before them, updated here (pass a copy). More bytes than the declared size
 * is INVALID_INPUT; when the last byte arrives the stream is finished and
 * the step carries the summary (size, SHA-256 of the original, chunk count).
 */
export function continueResumableFile(
  fileKey: FileKey,
  sealed: string,
  input: Uint8Array | readonly Uint8Array[],
  binding: ResumableFileBinding,
  nextIndex: number,
  fingerprint: Sha256,
): ResumableStep {
  requireKind(fileKey, ['file']);
  const parts = isBytes(input) ? [input] : input;
  if (!Array.isArray(parts) || !parts.every(isBytes)) throw new CryptoError('INVALID_INPUT', 'resumable file: bytes expected');
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const state = open(fileKey, sealed, binding, nextIndex);
  try {
    if (state.offset === state.size) throw new CryptoError('INVALID_INPUT', 'resumable file: already complete');
    if (length > state.size - state.offset) throw new CryptoError('INVALID_INPUT', 'resumable file: more bytes than declared');
    const completes = state.offset + length === state.size;
    const total = fileChunkCount(state.size, FILE_CHUNK_SIZE);
    // chunk indices in the stream start at 0 while piece indices start at 1 (piece 0 is the header)
    const count = completes ? total - (state.nextIndex - 1) : Math.floor((state.fill + length) / FILE_CHUNK_SIZE);
    // One allocation for the whole step, written once by the cipher: no zero-fill, one block for the garbage collector.
    const out = Buffer.allocUnsafe(count * ENCRYPTED_CHUNK_BYTES);
    const pieces: Buffer[] = [];
    const push = (dataLength: number, tag: number): void => {
      state.frame.writeUInt32BE(dataLength, 0);
      state.frame.fill(0, 4 + dataLength);
      const chunk = out.subarray(pieces.length * ENCRYPTED_CHUNK_BYTES, (pieces.length + 1) * ENCRYPTED_CHUNK_BYTES);
      sodium.crypto_secretstream_xchacha20poly1305_push(state.stream, chunk, state.frame, chunkAd(state.nextIndex - 1), tag);
      state.nextIndex++;
      pieces.push(chunk);
    };
    for (const bytes of parts) {
      fingerprint.update(bytes);
      for (let at = 0; at < bytes.byteLength;) {
        const n = Math.min(FILE_CHUNK_SIZE - state.fill, bytes.byteLength - at);
        state.frame.set(bytes.subarray(at, at + n), 4 + state.fill);
        state.fill += n;
        state.offset += n;
        at += n;
        // A full frame is sealed at once when more bytes are known to follow.
        if (state.fill === FILE_CHUNK_SIZE && state.offset < state.size) {
          push(FILE_CHUNK_SIZE, TAG_MESSAGE);
          state.fill = 0;
        }
      }
    }
    let summary: EncryptedFileSummary | undefined;
    if (completes) {
      const lengths = [state.fill];
      while (state.nextIndex - 1 + lengths.length < total) lengths.push(0);
      lengths.forEach((dataLength, i) => push(dataLength, i === lengths.length - 1 ? TAG_FINAL : TAG_MESSAGE));
      state.fill = 0;
      summary = { size: state.size, sha256: fingerprint.digest().toString('hex'), chunkCount: total, encryptedSize: encryptedFileSize(state.size) };
    }
    if (pieces.length !== count) throw new CryptoError('INVALID_INPUT', 'resumable file: chunk count');
    return {
      pieces,
      firstIndex: nextIndex,
      state: seal(fileKey, state, binding),
      offset: state.offset,
      size: state.size,
      ...(summary ? { summary } : {}),
    };
  } finally {
    wipe(state);
  }
}

/**
 * The fingerprint of an upload in progress recomputed from what is stored
 * (the header and the `nextIndex - 1` chunks after it, each authenticated
 * under the file key at its index; bytes beyond them are a commit that
 * failed and are not read) and the partial frame of the sealed state. A
 * chunk that does not open, a header of another key, or too few bytes:
 * CryptoError, never a fingerprint of other bytes.
 */
export async function fingerprintStoredPrefix(
  fileKey: FileKey,
  sealed: string,
  binding: ResumableFileBinding,
  nextIndex: number,
  stored: AsyncIterable<Uint8Array>,
): Promise<Sha256> {
  requireKind(fileKey, ['file']);
  const state = open(fileKey, sealed, binding, nextIndex);
  const pull = Buffer.alloc(STREAM_STATE);
  const frame = Buffer.alloc(FRAME_BYTES);
  const tag = Buffer.alloc(1);
  const fingerprint = new Sha256();
  try {
    const reader = exactReader(stored);
    const header = await reader.read(FILE_HEADER_BYTES);
    if (header[0] !== FILE_STREAM_VERSION || !constantTimeEqual(header.subarray(1, 1 + KEY_ID_BYTES), fileKey.idBytes)) {
      throw new CryptoError('KEY_MISMATCH', 'stored upload: not this file key');
    }
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(pull, header.subarray(1 + KEY_ID_BYTES), keyBytes(fileKey));
    for (let index = 0; index < nextIndex - 1; index++) {
      const chunk = await reader.read(ENCRYPTED_CHUNK_BYTES);
      try {
        sodium.crypto_secretstream_xchacha20poly1305_pull(pull, frame, tag, chunk, chunkAd(index));
      } catch {
        throw new CryptoError('DECRYPT_FAILED', `stored upload chunk ${index} did not authenticate`);
      }
      // Before the last byte arrives every stored chunk is a full one.
      if (tag[0] !== TAG_MESSAGE || frame.readUInt32BE(0) !== FILE_CHUNK_SIZE) throw new CryptoError('BAD_FORMAT', 'stored upload: unexpected chunk');
      fingerprint.update(frame.subarray(4));
    }
    fingerprint.update(state.frame.subarray(4, 4 + state.fill));
    return fingerprint;
  } finally {
    wipe(state);
    memzero(pull, frame);
  }
}

/** Reads exactly `n` bytes at a time from a stream of pieces of any size; too few: TRUNCATED_STREAM. */
function exactReader(source: AsyncIterable<Uint8Array>) {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  return {
    async read(n: number): Promise<Buffer> {
      const parts: Buffer[] = [];
      let have = 0;
      while (have < n) {
        if (pending.byteLength === 0) {
          const next = await iterator.next();
          if (next.done) throw new CryptoError('TRUNCATED_STREAM', 'stored upload: shorter than its state');
          pending = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        }
        const take = Math.min(n - have, pending.byteLength);
        parts.push(pending.subarray(0, take));
        pending = pending.subarray(take);
        have += take;
      }
      return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, n);
    },
  };
}
