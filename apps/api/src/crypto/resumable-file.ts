/**
 * A file encrypted across several requests (resumable uploads), in the SAME
 * format as `encryptFile` (file-stream.ts), so `decryptFile` reads both.
 *
 * The stream state between two requests is a small serialised record:
 *   version 1 ‖ size u48 ‖ offset u48 ‖ next chunk index u32 ‖
 *   secretstream state ‖ SHA-256 state ‖ partial frame length u32 ‖ partial frame data
 * sealed with XChaCha20-Poly1305 under the FILE key (itself wrapped by the
 * thread key), with associated data (tenant, case id, upload id, next chunk
 * index): it never sits in the clear, a state copied to another upload does
 * not open, and an older state put back beside newer chunks does not open
 * either (its chunk index no longer matches the number of stored chunks).
 *
 * Fingerprint: the plain SHA-256 of the whole original, exactly as
 * `encryptFile` reports it, so `decryptFile(..., { expectedSha256 })` checks
 * both paths the same way. Node's hash object cannot be serialised, so this
 * path uses libsodium's incremental SHA-256, whose state is a plain byte
 * struct (8 × u32 words, u64 bit count, 64-byte block): that struct is in
 * host byte order, so a state is only resumed on the same architecture (a
 * state moved across architectures gives a wrong fingerprint, which the read
 * rejects as INTEGRITY_FAILED; nothing is silently accepted). ~190 MiB/s is
 * fast enough for uploads bounded at tens of MB.
 *
 * The declared size is fixed at the start: a full frame is sealed as soon as
 * more bytes are known to follow, so at most one partial frame (< 64 KiB of
 * plaintext) lives in the sealed state; when the last byte arrives the final
 * data chunk, the padding chunks of the size class and TAG_FINAL are emitted.
 */
import { decrypt, encrypt } from './aead.js';
import { isBytes } from './bytes.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import type { FileKey } from './file-key.js';
import { encryptedFileSize, ENCRYPTED_CHUNK_BYTES, FILE_CHUNK_SIZE, FILE_STREAM_VERSION, type EncryptedFileSummary } from './file-stream.js';
import { encodeCanonical } from './canonical.js';
import { fileChunkCount } from './padding.js';
import { keyBytes, requireKind } from './secret-key.js';
import { memzero, sodium } from './sodium.js';

const STATE_VERSION = 1;
const STREAM_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const STREAM_STATE = sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES;
const SHA_STATE = sodium.crypto_hash_sha256_STATEBYTES;
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
const FRAME_BYTES = 4 + FILE_CHUNK_SIZE;
const FIXED_BYTES = 1 + 6 + 6 + 4 + STREAM_STATE + SHA_STATE + 4;
/** Largest plaintext a resumable file may have (the offsets are stored in 48 bits; far above any upload limit). */
export const RESUMABLE_MAX_SIZE = 2 ** 40;

/** What the sealed state is bound to. */
export interface ResumableFileBinding {
  readonly tenant: string;
  readonly caseId: string;
  readonly uploadId: string;
}

export interface ResumableStep {
  /** Encrypted pieces to store in order, the first one at index `firstIndex` (the header is piece 0). */
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
  sha: Buffer;
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
  state.sha.copy(bytes, at);
  at += SHA_STATE;
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
    if (bytes.length < FIXED_BYTES || bytes[0] !== STATE_VERSION) throw new CryptoError('BAD_FORMAT', 'resumable file state: bad format');
    let at = 1;
    const size = bytes.readUIntBE(at, 6);
    at += 6;
    const offset = bytes.readUIntBE(at, 6);
    at += 6;
    const index = bytes.readUInt32BE(at);
    at += 4;
    const stream = Buffer.from(bytes.subarray(at, at + STREAM_STATE));
    at += STREAM_STATE;
    const sha = Buffer.from(bytes.subarray(at, at + SHA_STATE));
    at += SHA_STATE;
    const fill = bytes.readUInt32BE(at);
    at += 4;
    if (index !== nextIndex || fill >= FILE_CHUNK_SIZE || bytes.length !== FIXED_BYTES + fill || offset > size) {
      throw new CryptoError('BAD_FORMAT', 'resumable file state: inconsistent');
    }
    const frame = Buffer.alloc(FRAME_BYTES);
    bytes.copy(frame, 4, at, at + fill);
    return { size, offset, nextIndex, stream, sha, frame, fill };
  } finally {
    memzero(bytes);
  }
}

function wipe(state: OpenState): void {
  memzero(state.stream, state.sha, state.frame);
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
    sha: Buffer.alloc(SHA_STATE),
    frame: Buffer.alloc(FRAME_BYTES),
    fill: 0,
  };
  try {
    const header = Buffer.alloc(STREAM_HEADER);
    sodium.crypto_secretstream_xchacha20poly1305_init_push(state.stream, header, keyBytes(fileKey));
    sodium.crypto_hash_sha256_init(state.sha);
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
 * Adds the next bytes. `nextIndex` is the number of pieces stored so far (it
 * is bound into the sealed state). More bytes than the declared size is
 * INVALID_INPUT; when the last byte arrives the stream is finished and the
 * step carries the summary (size, SHA-256 of the original, chunk count).
 */
export function continueResumableFile(fileKey: FileKey, sealed: string, bytes: Uint8Array, binding: ResumableFileBinding, nextIndex: number): ResumableStep {
  requireKind(fileKey, ['file']);
  if (!isBytes(bytes)) throw new CryptoError('INVALID_INPUT', 'resumable file: bytes expected');
  const state = open(fileKey, sealed, binding, nextIndex);
  try {
    if (state.offset === state.size) throw new CryptoError('INVALID_INPUT', 'resumable file: already complete');
    if (bytes.byteLength > state.size - state.offset) throw new CryptoError('INVALID_INPUT', 'resumable file: more bytes than declared');
    const pieces: Buffer[] = [];
    const push = (length: number, tag: number): void => {
      state.frame.writeUInt32BE(length, 0);
      state.frame.fill(0, 4 + length);
      const out = Buffer.alloc(ENCRYPTED_CHUNK_BYTES);
      sodium.crypto_secretstream_xchacha20poly1305_push(state.stream, out, state.frame, chunkAd(state.nextIndex - 1), tag);
      state.nextIndex++;
      pieces.push(out);
    };
    sodium.crypto_hash_sha256_update(state.sha, bytes);
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
    let summary: EncryptedFileSummary | undefined;
    if (state.offset === state.size) {
      const total = fileChunkCount(state.size, FILE_CHUNK_SIZE);
      // chunk indices in the stream start at 0 while piece indices start at 1 (piece 0 is the header)
      const lengths = [state.fill];
      while (state.nextIndex - 1 + lengths.length < total) lengths.push(0);
      lengths.forEach((length, i) => push(length, i === lengths.length - 1 ? TAG_FINAL : TAG_MESSAGE));
      state.fill = 0;
      const digest = Buffer.alloc(32);
      sodium.crypto_hash_sha256_final(state.sha, digest);
      summary = { size: state.size, sha256: digest.toString('hex'), chunkCount: total, encryptedSize: encryptedFileSize(state.size) };
      sodium.crypto_hash_sha256_init(state.sha); // nothing of the finished hash state is kept
    }
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
