import { describe, expect, test } from '@jest/globals';
import { AUDIT_GENESIS_HASH, auditChainHash, deriveAuditChainKey, generateSigningKeyPair, legacyAuditChainHash } from '../crypto/index.js';
import type { AuditRow, CheckpointRow } from './audit.repository.js';
import { chainValues } from './audit.service.js';
import { judge } from './audit-verifier.js';
import { ChainWalk, LEGACY_SEAL_ACTION } from './chain-walk.js';

const chainKey = deriveAuditChainKey(generateSigningKeyPair());

type Hasher = (previous: string, row: AuditRow) => string;
const keyed: Hasher = (previous, row) => auditChainHash(chainKey, previous, chainValues(row));
/** The previous release's unkeyed hash: anyone can compute it. */
const unkeyed: Hasher = (previous, row) => legacyAuditChainHash(previous, chainValues(row));

/** A correct chain of `count` rows, as AuditService appends them (or as the previous release did, unkeyed). */
function chain(count: number, hasher: Hasher = keyed, after: AuditRow[] = []): AuditRow[] {
  const rows: AuditRow[] = [...after];
  let previous = after.at(-1)?.hash ?? AUDIT_GENESIS_HASH;
  for (let seq = BigInt(after.length) + 1n; seq <= BigInt(after.length + count); seq++) {
    const row = {
      seq,
      at: new Date(Date.UTC(2026, 10, 29, 10, Number(seq))),
      actorId: null,
      action: 'auth.login',
      targetType: null,
      targetId: null,
      details: { n: Number(seq) },
      prevHash: previous,
      hash: '',
    };
    previous = hasher(previous, row);
    rows.push({ ...row, hash: previous });
  }
  return rows;
}

/** The keyed row this release writes after a previous release's unkeyed log. */
function sealed(rows: AuditRow[], legacyRows = rows.length): AuditRow[] {
  const previous = (rows.at(-1) as AuditRow).hash;
  const row = {
    seq: BigInt(rows.length + 1),
    at: new Date(Date.UTC(2026, 11, 5)),
    actorId: null,
    action: LEGACY_SEAL_ACTION,
    targetType: null,
    targetId: null,
    details: { legacyRows },
    prevHash: previous,
    hash: '',
  };
  return [...rows, { ...row, hash: keyed(previous, row) }];
}

function walk(rows: AuditRow[], mark: bigint | null = null): ChainWalk {
  const walker = new ChainWalk(chainKey, mark === null ? [] : [mark]);
  for (const row of rows) if (!walker.step(row)) return walker;
  walker.finish();
  return walker;
}

function checkpointOf(rows: AuditRow[], rowCount: number): CheckpointRow {
  const head = rowCount === 0 ? AUDIT_GENESIS_HASH : (rows[rowCount - 1] as AuditRow).hash;
  return { rowCount: BigInt(rowCount), headHash: head, signedAt: new Date('2026-11-29T12:00:00.000Z'), keyVersion: 1, signature: 'sig' };
}

describe('ChainWalk', () => {
  test('a clean chain verifies to the end', () => {
    const walker = walk(chain(5));
    expect(walker.brokenAt).toBeNull();
    expect(walker.checked).toBe(5);
  });

  test('an edited row breaks at that row', () => {
    const rows = chain(5);
    rows[2] = { ...(rows[2] as AuditRow), details: { n: 99 } };
    expect(walk(rows).brokenAt).toBe(3n);
    expect(walk(rows).checked).toBe(2);
  });

  test('a deleted row breaks at the first missing number', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(walk(rows).brokenAt).toBe(2n);
  });

  test('two rows swapped (numbers kept in order) break at the first of them', () => {
    const rows = chain(5);
    const [third, fourth] = [rows[2] as AuditRow, rows[3] as AuditRow];
    rows[2] = { ...fourth, seq: 3n };
    rows[3] = { ...third, seq: 4n };
    expect(walk(rows).brokenAt).toBe(3n);
  });

  test('a stored previous hash that is not the row before breaks there, even with a self-consistent hash', () => {
    const rows = chain(3);
    const forged = { ...(rows[1] as AuditRow), prevHash: (rows[1] as AuditRow).hash };
    rows[1] = { ...forged, hash: auditChainHash(chainKey, forged.prevHash, chainValues(forged)) };
    expect(walk(rows).brokenAt).toBe(2n);
  });

  test('the marked row keeps its recomputed hash', () => {
    const rows = chain(4);
    expect(walk(rows, 3n).hashAt(3n)).toBe((rows[2] as AuditRow).hash);
    expect(walk(rows, 0n).hashAt(0n)).toBe(AUDIT_GENESIS_HASH);
    expect(walk(rows.slice(0, 2), 3n).hashAt(3n)).toBeNull();
  });
});

describe("ChainWalk over a previous release's unkeyed prefix", () => {
  test('the unkeyed prefix, its seal and the keyed chain after it verify', () => {
    const rows = chain(3, keyed, sealed(chain(4, unkeyed)));
    const walker = walk(rows, 4n);
    expect(walker.brokenAt).toBeNull();
    expect(walker.checked).toBe(8);
    expect(walker.hashAt(4n)).toBe((rows[3] as AuditRow).hash);
  });

  test('an unkeyed row appended after the switch breaks there', () => {
    const rows = chain(1, unkeyed, chain(2, keyed, sealed(chain(4, unkeyed))));
    expect(walk(rows).brokenAt).toBe(8n);
  });

  test('an unkeyed row appended to a log keyed from its first row breaks there', () => {
    expect(walk(chain(1, unkeyed, chain(3))).brokenAt).toBe(4n);
  });

  test('a whole log rewritten without the key, with no seal, breaks at its first row', () => {
    const walker = walk(chain(5, unkeyed));
    expect(walker.brokenAt).toBe(1n);
    expect(walker.verifiedHead.seq).toBe(0n);
  });

  test('a seal naming fewer rows than the unkeyed prefix (rows slipped in before it) breaks at the first row', () => {
    expect(walk(sealed(chain(4, unkeyed), 3)).brokenAt).toBe(1n);
  });

  test('an unkeyed prefix followed by an ordinary keyed row (not the seal) breaks at the first row', () => {
    expect(walk(chain(2, keyed, chain(3, unkeyed))).brokenAt).toBe(1n);
  });
});

describe('judge', () => {
  test('without a checkpoint: the chain alone', () => {
    expect(judge(walk(chain(3)), null, false)).toEqual({ valid: true, checked: 3, firstBrokenId: null, checkpoint: null, exported: null });
  });

  test('a chain holding the checkpoint, with rows after it, is valid', () => {
    const rows = chain(6);
    const verdict = judge(walk(rows, 4n), checkpointOf(rows, 4), true);
    expect(verdict).toMatchObject({ valid: true, checked: 6, firstBrokenId: null, checkpoint: { rowCount: 4, matches: true } });
  });

  test('a truncated tail fails at the checkpoint row, though what is left holds together', () => {
    const rows = chain(6);
    const verdict = judge(walk(rows.slice(0, 4), 6n), checkpointOf(rows, 6), true);
    expect(verdict).toMatchObject({ valid: false, checked: 4, firstBrokenId: '6', checkpoint: { matches: false } });
  });

  test('a rewritten tail fails: the hash at the checkpoint row is not the signed one', () => {
    const rows = chain(4);
    const signed = checkpointOf(rows, 4);
    const rewritten = [...rows.slice(0, 3), ...chainWithOtherTail(rows)];
    expect(walk(rewritten).brokenAt).toBeNull();
    const verdict = judge(walk(rewritten, 4n), signed, true);
    expect(verdict).toMatchObject({ valid: false, firstBrokenId: '4', checkpoint: { matches: false } });
  });

  test('a checkpoint whose signature fails makes the log invalid', () => {
    const rows = chain(3);
    expect(judge(walk(rows, 3n), checkpointOf(rows, 3), false)).toMatchObject({ valid: false, firstBrokenId: null, checkpoint: { matches: false } });
  });

  test('a broken chain names its first broken row, not the checkpoint', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(judge(walk(rows, 5n), checkpointOf(chain(5), 5), true)).toMatchObject({ valid: false, firstBrokenId: '2' });
  });
});

/** Row 4 replaced by another event, its hash recomputed from row 3: internally consistent. */
function chainWithOtherTail(rows: AuditRow[]): AuditRow[] {
  const previous = (rows[2] as AuditRow).hash;
  const row = { ...(rows[3] as AuditRow), action: 'auth.logout', prevHash: previous };
  return [{ ...row, hash: auditChainHash(chainKey, previous, chainValues(row)) }];
}
