import type { Sha256 } from '../crypto/index.js';

/** Enough for every upload a busy day has in flight; an evicted one is recomputed from the store, only slower. */
const MAX_UPLOADS = 512;

/**
 * The running SHA-256 of each upload in progress, in this process's memory
 * between its requests (the hash state cannot be sealed into the row:
 * crypto/resumable-file.ts). Each entry is tied to the number of pieces it
 * has seen, so an entry that does not match the committed row (a commit that
 * failed, a row put back by a database writer) is never used.
 */
export class UploadFingerprints {
  private readonly entries = new Map<string, { pieceCount: number; fingerprint: Sha256 }>();

  /** A copy to work on, if this process holds the fingerprint of exactly these pieces. */
  copyOf(uploadId: string, pieceCount: number): Sha256 | undefined {
    const entry = this.entries.get(uploadId);
    return entry?.pieceCount === pieceCount ? entry.fingerprint.copy() : undefined;
  }

  /** After the commit of `pieceCount` pieces. */
  remember(uploadId: string, pieceCount: number, fingerprint: Sha256): void {
    this.entries.delete(uploadId);
    this.entries.set(uploadId, { pieceCount, fingerprint });
    const oldest = this.entries.keys().next();
    if (this.entries.size > MAX_UPLOADS && !oldest.done) this.entries.delete(oldest.value);
  }

  forget(uploadId: string): void {
    this.entries.delete(uploadId);
  }
}
