import { AUDIT_GENESIS_HASH, CryptoError, verifyAuditChain, type AuditChainKey } from '../crypto/index.js';
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
  private expectedSeq: bigint;
  private head: string;
  private checkedRows = 0;
  private broken: bigint | null = null;
  private readonly marks = new Map<bigint, string | null>();

  /**
   * `marks`: rows whose recomputed hash is kept (checkpoints' last rows); 0 marks the genesis.
   * `from`: a head already verified (seq and hash) to continue from; the genesis by default.
   */
  constructor(
    private readonly key: AuditChainKey,
    marks: readonly bigint[] = [],
    from: { seq: bigint; hash: string } = { seq: 0n, hash: AUDIT_GENESIS_HASH },
  ) {
    this.expectedSeq = from.seq + 1n;
    this.head = from.hash;
    for (const mark of marks) this.marks.set(mark, mark === from.seq ? from.hash : null);
  }

  /** The last row that verified (seq and recomputed hash). */
  get verifiedHead(): { seq: bigint; hash: string } {
    return { seq: this.expectedSeq - 1n, hash: this.head };
  }

  /** Rows that verified. */
  get checked(): number {
    return this.checkedRows;
  }

  /** The sequence number of the first row that is missing or does not verify, or null. */
  get brokenAt(): bigint | null {
    return this.broken;
  }

  /** The recomputed hash of a marked row, once passed intact; null before (or if the chain broke first). */
  hashAt(seq: bigint): string | null {
    return this.marks.get(seq) ?? null;
  }

  /** Checks the next row; false once the chain is broken (stop feeding it). */
  step(row: AuditRow): boolean {
    if (this.broken !== null) return false;
    if (row.seq !== this.expectedSeq) return this.breakAt(this.expectedSeq);
    if (row.prevHash !== this.head) return this.breakAt(row.seq);
    try {
      this.head = verifyAuditChain(this.key, this.head, [{ fields: chainValues(row), hash: row.hash }]);
    } catch (error) {
      if (error instanceof CryptoError) return this.breakAt(row.seq);
      throw error;
    }
    if (this.marks.has(row.seq)) this.marks.set(row.seq, this.head);
    this.checkedRows++;
    this.expectedSeq++;
    return true;
  }

  private breakAt(seq: bigint): false {
    this.broken = seq;
    return false;
  }
}
