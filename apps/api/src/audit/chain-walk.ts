import { AUDIT_GENESIS_HASH, CryptoError, verifyAuditChain } from '../crypto/index.js';
import type { AuditRow } from './audit.repository.js';
import { chainValues } from './audit.service.js';

/**
 * The chain recomputed one row at a time, in order of sequence number, so a
 * log of any length is checked with flat memory. Stops at the first row that
 * does not verify: a gap in the numbers (a deleted row), a previous hash
 * that is not the one before it (rows swapped or removed) or a stored hash
 * that is not the row's own (an edited row).
 */
export class ChainWalk {
  private expectedSeq = 1n;
  private head = AUDIT_GENESIS_HASH;
  private checkedRows = 0;
  private broken: bigint | null = null;
  private markHash: string | null;

  /** `markSeq`: a row whose recomputed hash is kept (a checkpoint's last row); 0 marks the genesis. */
  constructor(private readonly markSeq: bigint | null = null) {
    this.markHash = markSeq === 0n ? AUDIT_GENESIS_HASH : null;
  }

  /** Rows that verified. */
  get checked(): number {
    return this.checkedRows;
  }

  /** The sequence number of the first row that is missing or does not verify, or null. */
  get brokenAt(): bigint | null {
    return this.broken;
  }

  /** The recomputed hash of the marked row, once passed intact; null before (or if the chain broke first). */
  get hashAtMark(): string | null {
    return this.markHash;
  }

  /** Checks the next row; false once the chain is broken (stop feeding it). */
  step(row: AuditRow): boolean {
    if (this.broken !== null) return false;
    if (row.seq !== this.expectedSeq) return this.breakAt(this.expectedSeq);
    if (row.prevHash !== this.head) return this.breakAt(row.seq);
    try {
      this.head = verifyAuditChain(this.head, [{ fields: chainValues(row), hash: row.hash }]);
    } catch (error) {
      if (error instanceof CryptoError) return this.breakAt(row.seq);
      throw error;
    }
    if (row.seq === this.markSeq) this.markHash = this.head;
    this.checkedRows++;
    this.expectedSeq++;
    return true;
  }

  private breakAt(seq: bigint): false {
    this.broken = seq;
    return false;
  }
}
