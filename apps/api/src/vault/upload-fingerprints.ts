import type { Sha256 } from '../crypto/index.js';

/** Enough for every upload a busy day has in flight; an evicted one is recomputed from the store, only slower. */
const MAX_UPLOADS = 512;
/**
 * A running hash of a defender's bytes is kept no longer than this after the
 * last piece: it could confirm a guess of what is being sent to whoever dumps
 * the process's memory, so an upload that pauses (a phone that lost its
 * network) has it recomputed from the encrypted store when it comes back.
 */
const IDLE_MS = 10 * 60_000;

interface Entry {
  pieceCount: number;
  fingerprint: Sha256;
  usedAt: number;
}

/**
 * The running SHA-256 of each upload in progress, in this process's memory
 * between its requests (the hash state cannot be sealed into the row:
 * crypto/resumable-file.ts). Each entry is tied to the number of pieces it
 * has seen, so an entry that does not match the committed row (a commit that
 * failed, a row put back by a database writer) is never used.
 */
export class UploadFingerprints {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A copy to work on, if this process holds the fingerprint of exactly these pieces. */
  copyOf(uploadId: string, pieceCount: number): Sha256 | undefined {
    this.dropIdle();
    const entry = this.entries.get(uploadId);
    return entry?.pieceCount === pieceCount ? entry.fingerprint.copy() : undefined;
  }

  /** After the commit of `pieceCount` pieces. */
  remember(uploadId: string, pieceCount: number, fingerprint: Sha256): void {
    this.entries.delete(uploadId);
    this.entries.set(uploadId, { pieceCount, fingerprint, usedAt: this.now() });
    const oldest = this.entries.keys().next();
    if (this.entries.size > MAX_UPLOADS && !oldest.done) this.entries.delete(oldest.value);
  }

  forget(uploadId: string): void {
    this.entries.delete(uploadId);
  }

  /** Entries are in the order of their last use: the idle ones are at the front. */
  private dropIdle(): void {
    const limit = this.now() - IDLE_MS;
    for (const [uploadId, entry] of this.entries) {
      if (entry.usedAt >= limit) return;
      this.entries.delete(uploadId);
    }
  }
}
