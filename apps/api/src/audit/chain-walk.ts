import { AUDIT_GENESIS_HASH, CryptoError, legacyAuditRowHolds, verifyAuditChain, type AuditChainKey } from '../crypto/index.js';
import type { AuditRow } from './audit.repository.js';
import { chainValues } from './audit.service.js';

/**
 * The chain recomputed one row at a time, in order of sequence number, so a
 * log of any length is checked with flat memory. Stops at the first row that
 * does not verify: a gap in the numbers (a deleted row), a previous hash
 * that is not the one before it (rows swapped or removed) or a stored hash
 * that is not the row's own (an edited row).
 *
 * A log the previous release began was chained without the key. Walked from
 * the genesis, its unkeyed rows are accepted as a prefix only: they stay
 * pending until the keyed row this release writes on its first start over
 * them (`audit.legacy_sealed`, naming how many there were, after a signed
 * checkpoint of their head) confirms them. Without that row, or after any
 * keyed row, an unkeyed row breaks the chain: a writer cannot append one.
 */
export class ChainWalk {
  private expectedSeq: bigint;
  private head: string;
  private checkedRows = 0;
  private broken: bigint | null = null;
  private readonly marks = new Map<bigint, string | null>();
  /** Unkeyed rows seen from the genesis, not yet confirmed by the keyed seal row; null once keyed rows began. */
  private legacyRows: bigint | null;

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
    this.legacyRows = from.seq === 0n ? 0n : null;
  }

  /** Whether the rows stepped so far are an unkeyed prefix still waiting for its seal row. */
  get pendingLegacy(): boolean {
    return this.legacyRows !== null && this.legacyRows > 0n;
  }

  /** The last row that verified (seq and recomputed hash); the genesis while an unkeyed prefix is pending. */
  get verifiedHead(): { seq: bigint; hash: string } {
    if (this.pendingLegacy) return { seq: 0n, hash: AUDIT_GENESIS_HASH };
    return { seq: this.expectedSeq - 1n, hash: this.head };
  }

  /** Rows that verified. */
  get checked(): number {
    return this.checkedRows;
  }

  /** The end of the log: an unkeyed prefix that no seal row confirmed is broken at its first row. */
  finish(): void {
    if (this.broken === null && this.pendingLegacy) this.breakAt(1n);
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
    if (this.keyedRowHolds(row)) {
      if (this.pendingLegacy && !sealsLegacyPrefix(row, this.legacyRows ?? 0n)) return this.breakAt(1n);
      this.legacyRows = null;
      this.head = row.hash;
    } else if (this.legacyRows !== null && legacyAuditRowHolds(this.head, chainValues(row), row.hash)) {
      this.legacyRows++;
      this.head = row.hash;
    } else {
      return this.breakAt(row.seq);
    }
    if (this.marks.has(row.seq)) this.marks.set(row.seq, this.head);
    this.checkedRows++;
    this.expectedSeq++;
    return true;
  }

  private keyedRowHolds(row: AuditRow): boolean {
    try {
      verifyAuditChain(this.key, this.head, [{ fields: chainValues(row), hash: row.hash }]);
      return true;
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
  }

  private breakAt(seq: bigint): false {
    this.broken = seq;
    return false;
  }
}

/** The action of the keyed row that closes a previous release's unkeyed prefix. */
export const LEGACY_SEAL_ACTION = 'audit.legacy_sealed';

/** The keyed row right after an unkeyed prefix must be the seal naming exactly that many rows. */
function sealsLegacyPrefix(row: AuditRow, legacyRows: bigint): boolean {
  const details = row.details as { legacyRows?: unknown } | null;
  return row.action === LEGACY_SEAL_ACTION && details?.legacyRows === Number(legacyRows);
}
