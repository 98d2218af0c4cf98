import { describe, expect, test } from '@jest/globals';

import {
  AUDIT_GENESIS_HASH,
  auditChainHash,
  deriveAuditChainKey,
  signAuditCheckpoint,
  verifyAuditChain,
  verifyAuditCheckpoint,
  type AuditCheckpoint,
} from './audit-chain.js';
import type { ClearValues } from './mac.js';
import { generateSigningKeyPair, SigningKeyPair } from './signing.js';
import { codeOf } from './error-code.testing.js';

const chainKey = deriveAuditChainKey(new SigningKeyPair(Buffer.alloc(32, 0x55)));

const events: ClearValues[] = [
  { sequence: 1, at: '2026-11-28T10:00:00Z', actor: 'sup-1', action: 'login' },
  { sequence: 2, at: '2026-11-28T10:05:00Z', actor: 'sup-1', action: 'case.decrypt', caseId: 'case-1' },
  { sequence: 3, at: '2026-11-28T10:06:00Z', actor: 'sup-1', action: 'grant', caseId: 'case-1', recipient: 'cw-1' },
];

function chain(rows = events) {
  let previous = AUDIT_GENESIS_HASH;
  return rows.map((fields) => {
    previous = auditChainHash(chainKey, previous, fields);
    return { fields, hash: previous };
  });
}

describe('audit hash chain', () => {
  test('known-answer vector: the first row chains from 32 zero bytes, keyed by subkey 1 of the checkpoint seed', () => {
    expect(AUDIT_GENESIS_HASH).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(auditChainHash(chainKey, AUDIT_GENESIS_HASH, events[0]!)).toBe('XdoI_3n5Geb-t1K2b8l6UeflyLBh5jpufIAl5V3X5kU');
  });

  test('field order in the row object does not matter; field values do', () => {
    const reversed = Object.fromEntries(Object.entries(events[0]!).reverse());

    expect(auditChainHash(chainKey, AUDIT_GENESIS_HASH, reversed)).toBe(auditChainHash(chainKey, AUDIT_GENESIS_HASH, events[0]!));
    expect(auditChainHash(chainKey, AUDIT_GENESIS_HASH, { ...events[0]!, sequence: 2 })).not.toBe(auditChainHash(chainKey, AUDIT_GENESIS_HASH, events[0]!));
  });

  test('an intact chain verifies and yields its head', () => {
    const rows = chain();

    expect(verifyAuditChain(chainKey, AUDIT_GENESIS_HASH, rows)).toBe(rows[2]!.hash);
  });

  test('an edited row breaks the chain (INTEGRITY_FAILED)', () => {
    const rows = chain();
    rows[1] = { ...rows[1]!, fields: { ...events[1]!, actor: 'sup-2' } };

    expect(codeOf(() => verifyAuditChain(chainKey, AUDIT_GENESIS_HASH, rows))).toBe('INTEGRITY_FAILED');
  });

  test('a deleted or reordered row breaks the chain (INTEGRITY_FAILED)', () => {
    const rows = chain();

    expect(codeOf(() => verifyAuditChain(chainKey, AUDIT_GENESIS_HASH, [rows[0]!, rows[2]!]))).toBe('INTEGRITY_FAILED');
    expect(codeOf(() => verifyAuditChain(chainKey, AUDIT_GENESIS_HASH, [rows[1]!, rows[0]!, rows[2]!]))).toBe('INTEGRITY_FAILED');
  });

  test('a row appended without the chain key does not verify, however well it copies the format', () => {
    const rows = chain();
    const otherKey = deriveAuditChainKey(new SigningKeyPair(Buffer.alloc(32, 0x66)));
    const forged = {
      fields: { sequence: 4, at: '2026-11-28T10:07:00Z', actor: 'sup-1', action: 'staff.updated' },
      hash: auditChainHash(otherKey, rows[2]!.hash, { sequence: 4, at: '2026-11-28T10:07:00Z', actor: 'sup-1', action: 'staff.updated' }),
    };

    expect(codeOf(() => verifyAuditChain(chainKey, AUDIT_GENESIS_HASH, [...rows, forged]))).toBe('INTEGRITY_FAILED');
  });

  test('rewriting the whole chain consistently needs the chain key; checkpoints are signed as well', () => {
    const rewritten = chain([events[0]!, events[2]!]);
    expect(() => verifyAuditChain(chainKey, AUDIT_GENESIS_HASH, rewritten)).not.toThrow();
    expect(rewritten[1]!.hash).not.toBe(chain()[2]!.hash);
  });
});

describe('audit checkpoints', () => {
  const key = new SigningKeyPair(Buffer.alloc(32, 0x44));
  const rows = chain();
  const checkpoint: AuditCheckpoint = { tenant: 'ml', rowCount: 3, headHash: rows[2]!.hash, signedAt: '2026-11-28T11:00:00Z' };
  const signature = signAuditCheckpoint(checkpoint, key);

  test('a signed checkpoint verifies against the checkpoint public key', () => {
    expect(() => verifyAuditCheckpoint(checkpoint, signature, key.publicKey)).not.toThrow();
  });

  test.each<[string, Partial<AuditCheckpoint>]>([
    ['a truncated tail (fewer rows)', { rowCount: 2, headHash: rows[1]!.hash }],
    ['a rewritten head', { headHash: chain([events[0]!, events[2]!])[1]!.hash }],
    ['another tenant', { tenant: 'bf' }],
    ['another time', { signedAt: '2026-11-29T11:00:00Z' }],
  ])('refuses %s (BAD_SIGNATURE)', (_name, change) => {
    expect(codeOf(() => verifyAuditCheckpoint({ ...checkpoint, ...change }, signature, key.publicKey))).toBe('BAD_SIGNATURE');
  });

  test('refuses a checkpoint signed by another key (BAD_SIGNATURE)', () => {
    const forged = signAuditCheckpoint(checkpoint, generateSigningKeyPair());
    expect(codeOf(() => verifyAuditCheckpoint(checkpoint, forged, key.publicKey))).toBe('BAD_SIGNATURE');
  });
});
