/**
 * Backups: encrypted to an offline X25519 key, signed with Ed25519.
 *
 * File layout (bytes, concatenated):
 *   magic     "MNPDDH-BACKUP\n"                                  (14 bytes)
 *   header    u32be length ‖ header (clear: format, tenant, migration, tables)
 *   key       crypto_box_seal(stream key, backup public key)      (80 bytes)
 *   stream    secretstream header (24) ‖ frames: u32be length ‖ ciphertext;
 *             associated data canonical(label, SHA-256 of the clear header, i);
 *             the last frame carries TAG_FINAL
 *   signature Ed25519 over canonical(label, SHA-256 of everything before it) (64)
 *
 * The signature is checked over the whole file before anything is decrypted
 * (verifyBackup), and again while opening (openBackupStream), so a file
 * changed between the two reads is caught too. A truncated file has no valid
 * signature. The signing key is derived from the directory signing key
 * (crypto_kdf), so it adds no secret to keep: whoever restores holds the
 * directory key anyway.
 */
import { constantTimeEqual, fromBase64Url, isBytes, toBase64Url } from './bytes.js';
import { encodeCanonical } from './canonical.js';
import { CryptoError } from './errors.js';
import type { ByteSource } from './file-stream.js';
import { Sha256 } from './hash.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { parseSigningPublicKey, signingKeySeed, SigningKeyPair, SIGNATURE_BYTES } from './signing.js';
import { memzero, randomBytes, sodium } from './sodium.js';

export const BACKUP_MAGIC = Buffer.from('MNPDDH-BACKUP\n', 'latin1');
const LABEL_CHUNK = 'mnpddh/backup-chunk/v1';
const LABEL_SIGNATURE = 'mnpddh/backup-signature/v1';
const PUBLIC_PREFIX = 'backup-public-key.v1.';
const PRIVATE_PREFIX = 'backup-private-key.v1.';
const STREAM_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
const SEALED_KEY_BYTES = 32 + sodium.crypto_box_SEALBYTES;
/** Largest clear frame: plaintext is re-chunked to at most this. */
export const BACKUP_FRAME_BYTES = 256 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;

export interface BackupKeyPair {
  /** BACKUP_PUBLIC_KEY, for the server's configuration. */
  readonly publicKey: string;
  /** Kept offline (paper); needed only to restore. */
  readonly privateKey: string;
}

/** A new backup key pair, as text. Print it once for the paper ceremony; never store the private half on the server. */
export function generateBackupKeyPair(): BackupKeyPair {
  const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
  const secretKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES);
  sodium.crypto_box_keypair(publicKey, secretKey);
  try {
    return { publicKey: PUBLIC_PREFIX + toBase64Url(publicKey), privateKey: PRIVATE_PREFIX + toBase64Url(secretKey) };
  } finally {
    memzero(secretKey);
  }
}

/** BACKUP_PUBLIC_KEY → 32 bytes; BAD_SECRET names the variable, never the value. */
export function parseBackupPublicKey(text: string | undefined, name = 'BACKUP_PUBLIC_KEY'): Buffer {
  return parsePrefixed(text, PUBLIC_PREFIX, name);
}

/** The public half of a backup private key (text), to check it matches the backup. */
export function backupPublicKeyOf(privateKey: string, name = 'BACKUP_PRIVATE_KEY'): string {
  const secret = parsePrefixed(privateKey, PRIVATE_PREFIX, name);
  const publicKey = Buffer.alloc(32);
  sodium.crypto_scalarmult_base(publicKey, secret);
  memzero(secret);
  return PUBLIC_PREFIX + toBase64Url(publicKey);
}

function parsePrefixed(text: string | undefined, prefix: string, name: string): Buffer {
  const value = text?.trim() ?? '';
  if (!value.startsWith(prefix)) throw new CryptoError('BAD_SECRET', `${name} is malformed (expected ${prefix}<base64url>)`);
  try {
    return fromBase64Url(value.slice(prefix.length), name, 32);
  } catch {
    throw new CryptoError('BAD_SECRET', `${name} is malformed (expected ${prefix}<base64url>)`);
  }
}

/** The key that signs backups: derived from the directory signing key (subkey 2). */
export function deriveBackupSigningKeyPair(directoryKey: SigningKeyPair): SigningKeyPair {
  return new SigningKeyPair(deriveSubkey(signingKeySeed(directoryKey), KDF_CONTEXT.directory, 2));
}

function chunkAd(headerHash: Buffer, index: number): Buffer {
  return encodeCanonical([LABEL_CHUNK, headerHash, index]);
}

function signedMessage(digest: Buffer): Buffer {
  return encodeCanonical([LABEL_SIGNATURE, digest]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value, 0);
  return out;
}

/**
 * Encrypts and signs a backup: yields the file's bytes in order (write them
 * as they come; memory stays at one frame).
 */
export async function* sealBackupStream(header: Uint8Array, source: ByteSource, backupPublicKey: string, signer: SigningKeyPair): AsyncGenerator<Buffer> {
  if (header.byteLength > MAX_HEADER_BYTES) throw new CryptoError('INVALID_INPUT', 'backup header too large');
  const recipient = parseBackupPublicKey(backupPublicKey);
  const key = randomBytes(sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES);
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const fileHash = new Sha256();
  const headerHash = sha256(header);
  const emit = (bytes: Buffer): Buffer => {
    fileHash.update(bytes);
    return bytes;
  };
  try {
    yield emit(Buffer.concat([BACKUP_MAGIC, u32(header.byteLength), header]));
    const sealedKey = Buffer.alloc(SEALED_KEY_BYTES);
    sodium.crypto_box_seal(sealedKey, key, recipient);
    const streamHeader = Buffer.alloc(STREAM_HEADER);
    sodium.crypto_secretstream_xchacha20poly1305_init_push(state, streamHeader, key);
    yield emit(Buffer.concat([sealedKey, streamHeader]));
    let index = 0;
    const push = (plain: Uint8Array, tag: number): Buffer => {
      const out = Buffer.alloc(plain.byteLength + ABYTES);
      sodium.crypto_secretstream_xchacha20poly1305_push(state, out, plain, chunkAd(headerHash, index++), tag);
      return emit(Buffer.concat([u32(out.byteLength), out]));
    };
    for await (const piece of source) {
      if (!isBytes(piece)) throw new CryptoError('INVALID_INPUT', 'backup source must yield bytes');
      for (let offset = 0; offset < piece.byteLength; offset += BACKUP_FRAME_BYTES) {
        yield push(piece.subarray(offset, offset + BACKUP_FRAME_BYTES), TAG_MESSAGE);
      }
    }
    yield push(Buffer.alloc(0), TAG_FINAL);
    const signature = Buffer.alloc(SIGNATURE_BYTES);
    const secret = signingSecret(signer);
    try {
      sodium.crypto_sign_detached(signature, signedMessage(fileHash.digest()), secret);
    } finally {
      memzero(secret);
    }
    yield signature;
  } finally {
    memzero(key, state);
  }
}

function signingSecret(signer: SigningKeyPair): Buffer {
  // The 64-byte libsodium secret, rebuilt from the seed; the caller zeroes it after signing.
  const publicKey = Buffer.alloc(32);
  const secret = Buffer.alloc(64);
  sodium.crypto_sign_seed_keypair(publicKey, secret, signingKeySeed(signer));
  return secret;
}

function sha256(bytes: Uint8Array): Buffer {
  const hash = new Sha256();
  hash.update(bytes);
  return hash.digest();
}

/**
 * Reads a whole backup file and checks its signature by `signerPublicKey`
 * (base64url Ed25519). Returns the clear header. BAD_SIGNATURE for any
 * changed, truncated or extended file; BAD_FORMAT for one that is not a backup.
 */
export async function verifyBackup(source: ByteSource, signerPublicKey: string): Promise<Buffer> {
  const reader = new SignedReader();
  for await (const piece of source) reader.push(piece);
  reader.finish(signerPublicKey);
  return reader.header();
}

/** The clear header of a backup file, unverified: for listing only. */
export function readBackupHeader(start: Uint8Array): Buffer {
  const bytes = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
  if (bytes.byteLength < BACKUP_MAGIC.byteLength + 4 || !bytes.subarray(0, BACKUP_MAGIC.byteLength).equals(BACKUP_MAGIC)) {
    throw new CryptoError('BAD_FORMAT', 'not an MNPDDH backup');
  }
  const length = bytes.readUInt32BE(BACKUP_MAGIC.byteLength);
  if (length > MAX_HEADER_BYTES) throw new CryptoError('BAD_FORMAT', 'backup header too large');
  const begin = BACKUP_MAGIC.byteLength + 4;
  if (bytes.byteLength < begin + length) throw new CryptoError('TRUNCATED_STREAM', 'backup ends inside its header');
  return Buffer.from(bytes.subarray(begin, begin + length));
}

/**
 * Hashes a file as it goes by, holding back the last 64 bytes (the
 * signature). The bytes before them are handed on for decryption.
 */
class SignedReader {
  readonly #hash = new Sha256();
  #tail = Buffer.alloc(0);
  #start: Buffer[] = [];
  #startBytes = 0;
  #header: Buffer | null = null;

  /** Returns the bytes now known not to be the signature. */
  push(piece: Uint8Array): Buffer {
    if (!isBytes(piece)) throw new CryptoError('INVALID_INPUT', 'backup source must yield bytes');
    const joined = Buffer.concat([this.#tail, piece]);
    const cut = Math.max(0, joined.byteLength - SIGNATURE_BYTES);
    const body = joined.subarray(0, cut);
    this.#tail = Buffer.from(joined.subarray(cut));
    this.#hash.update(body);
    if (this.#header === null && body.byteLength > 0) this.#collectHeader(body);
    return body;
  }

  #collectHeader(body: Buffer): void {
    this.#start.push(Buffer.from(body));
    this.#startBytes += body.byteLength;
    try {
      this.#header = readBackupHeader(Buffer.concat(this.#start, this.#startBytes));
      this.#start = [];
    } catch (error) {
      if (!(error instanceof CryptoError && error.code === 'TRUNCATED_STREAM')) throw error;
      if (this.#startBytes < BACKUP_MAGIC.byteLength + 4) return;
    }
  }

  header(): Buffer {
    if (this.#header === null) throw new CryptoError('TRUNCATED_STREAM', 'backup ends inside its header');
    return this.#header;
  }

  finish(signerPublicKey: string): void {
    this.header();
    const publicKey = parseSigningPublicKey(signerPublicKey, 'backup signing public key');
    const valid = this.#tail.byteLength === SIGNATURE_BYTES && sodium.crypto_sign_verify_detached(this.#tail, signedMessage(this.#hash.digest()), publicKey);
    if (!valid) throw new CryptoError('BAD_SIGNATURE', 'backup signature does not verify (changed, truncated or not ours)');
  }
}

/**
 * Decrypts a backup with the offline private key (text), yielding the clear
 * dump frame by frame. Every frame is authenticated as it comes; the file's
 * signature is checked at the end, so a consumer must treat a later throw as
 * "roll back" (verify first with verifyBackup to refuse before any work).
 */
export async function* openBackupStream(source: ByteSource, privateKey: string, signerPublicKey: string): AsyncGenerator<Buffer> {
  const secret = parsePrefixed(privateKey, PRIVATE_PREFIX, 'BACKUP_PRIVATE_KEY');
  const publicKey = Buffer.alloc(32);
  sodium.crypto_scalarmult_base(publicKey, secret);
  const reader = new SignedReader();
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const tag = Buffer.alloc(1);
  let pending = Buffer.alloc(0);
  let headerHash: Buffer | null = null;
  let streamOpen = false;
  let index = 0;
  let finalSeen = false;
  const openKey = (bytes: Buffer): void => {
    const key = Buffer.alloc(32);
    if (!sodium.crypto_box_seal_open(key, bytes.subarray(0, SEALED_KEY_BYTES), publicKey, secret)) {
      throw new CryptoError('DECRYPT_FAILED', 'backup was not encrypted to this backup key');
    }
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, bytes.subarray(SEALED_KEY_BYTES), key);
    memzero(key);
  };
  try {
    for await (const piece of source) {
      pending = Buffer.concat([pending, reader.push(piece)]);
      if (headerHash === null) {
        const begin = BACKUP_MAGIC.byteLength + 4;
        if (pending.byteLength < begin) continue;
        const header = (() => {
          try {
            return readBackupHeader(pending);
          } catch (error) {
            if (error instanceof CryptoError && error.code === 'TRUNCATED_STREAM') return null;
            throw error;
          }
        })();
        if (header === null) continue;
        headerHash = sha256(header);
        pending = pending.subarray(begin + header.byteLength);
      }
      if (!streamOpen) {
        if (pending.byteLength < SEALED_KEY_BYTES + STREAM_HEADER) continue;
        openKey(pending.subarray(0, SEALED_KEY_BYTES + STREAM_HEADER));
        pending = pending.subarray(SEALED_KEY_BYTES + STREAM_HEADER);
        streamOpen = true;
      }
      while (pending.byteLength >= 4) {
        const length = pending.readUInt32BE(0);
        if (length < ABYTES || length > BACKUP_FRAME_BYTES + ABYTES) throw new CryptoError('BAD_FORMAT', 'backup: bad frame length');
        if (pending.byteLength < 4 + length) break;
        if (finalSeen) throw new CryptoError('BAD_FORMAT', 'backup: data after the final frame');
        const plain = Buffer.alloc(length - ABYTES);
        try {
          sodium.crypto_secretstream_xchacha20poly1305_pull(state, plain, tag, pending.subarray(4, 4 + length), chunkAd(headerHash, index));
        } catch {
          throw new CryptoError('DECRYPT_FAILED', `backup frame ${index} did not authenticate`);
        }
        index++;
        pending = pending.subarray(4 + length);
        if (tag[0] === TAG_FINAL) finalSeen = true;
        else if (tag[0] !== TAG_MESSAGE) throw new CryptoError('BAD_FORMAT', 'backup: unexpected tag');
        if (plain.byteLength > 0) yield plain;
      }
    }
    if (pending.byteLength > 0) throw new CryptoError('BAD_FORMAT', 'backup: trailing bytes');
    reader.finish(signerPublicKey);
    if (!finalSeen) throw new CryptoError('TRUNCATED_STREAM', 'backup ended before its final frame');
  } finally {
    memzero(secret, state);
  }
}

/** True when both texts name the same backup public key. */
export function sameBackupPublicKey(a: string, b: string): boolean {
  return constantTimeEqual(parseBackupPublicKey(a), parseBackupPublicKey(b));
}

/**
 * True when `privateKey` opens the backup's sealed stream key: the backup was
 * encrypted to its public half. Reads only the start of the file; says
 * nothing about the rest (the signature does).
 */
export async function backupOpensWith(source: ByteSource, privateKey: string): Promise<boolean> {
  const secret = parsePrefixed(privateKey, PRIVATE_PREFIX, 'BACKUP_PRIVATE_KEY');
  const publicKey = Buffer.alloc(32);
  sodium.crypto_scalarmult_base(publicKey, secret);
  const start: Buffer[] = [];
  let length = 0;
  const key = Buffer.alloc(32);
  try {
    for await (const piece of source) {
      start.push(Buffer.from(piece));
      length += piece.byteLength;
      const bytes = Buffer.concat(start, length);
      let header: Buffer;
      try {
        header = readBackupHeader(bytes);
      } catch (error) {
        if (error instanceof CryptoError && error.code === 'TRUNCATED_STREAM') continue;
        throw error;
      }
      const begin = BACKUP_MAGIC.byteLength + 4 + header.byteLength;
      if (bytes.byteLength < begin + SEALED_KEY_BYTES) continue;
      return sodium.crypto_box_seal_open(key, bytes.subarray(begin, begin + SEALED_KEY_BYTES), publicKey, secret);
    }
    throw new CryptoError('TRUNCATED_STREAM', 'backup ends before its sealed key');
  } finally {
    memzero(secret, key);
  }
}

/**
 * Why a backup whose signature does not verify fails: 'truncated' when its
 * frames do not end exactly one signature before the end of the file (a copy
 * cut short, or extended), else 'changed' (bytes altered in place, or signed
 * by another directory key). Walks the frame lengths only; decrypts nothing.
 */
export async function backupDamage(source: ByteSource): Promise<'truncated' | 'changed'> {
  let prefix: Buffer<ArrayBufferLike> | null = Buffer.alloc(0);
  let offset = 0;
  /** Bytes still to pass over before the next frame length. */
  let skip = 0;
  let length: number[] = [];
  const boundaries: number[] = [];
  for await (const piece of source) {
    let bytes: Buffer<ArrayBufferLike> = Buffer.from(piece);
    if (prefix !== null) {
      prefix = Buffer.concat([prefix, bytes]);
      let header: Buffer;
      try {
        header = readBackupHeader(prefix);
      } catch (error) {
        if (error instanceof CryptoError && error.code === 'TRUNCATED_STREAM') continue;
        throw error;
      }
      bytes = prefix;
      prefix = null;
      skip = BACKUP_MAGIC.byteLength + 4 + header.byteLength + SEALED_KEY_BYTES + STREAM_HEADER;
    }
    let at = 0;
    while (at < bytes.byteLength) {
      if (skip > 0) {
        const step = Math.min(skip, bytes.byteLength - at);
        skip -= step;
        at += step;
        continue;
      }
      if (length.length === 0) boundaries.push(offset + at);
      length.push(bytes[at++] as number);
      if (length.length === 4) {
        skip = Buffer.from(length).readUInt32BE(0);
        length = [];
      }
    }
    offset += bytes.byteLength;
  }
  // Complete: the last frame ends exactly where the signature begins (which the walk then reads as a length).
  return boundaries.includes(offset - SIGNATURE_BYTES) && boundaries[0] !== offset - SIGNATURE_BYTES ? 'changed' : 'truncated';
}
