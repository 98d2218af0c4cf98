import { describe, expect, test } from '@jest/globals';

import { generateCaseKeys } from './case-keys.js';
import { computeCaseManifestMac, computeIndexRowMac, verifyCaseManifestMac, verifyIndexRowMac, type CaseManifest, type IndexRow } from './mac.js';
import { SecretKey } from './secret-key.js';
import type { IndexKey } from './secrets.js';
import { codeOf } from './error-code.testing.js';

const manifest: CaseManifest = {
  tenant: 'ml',
  caseId: 'case-1',
  revision: 4,
  index: { status: 'triage', urgent: true, riskLevel: 'high', receivedAt: '2026-11-28T14:00Z', nextContactAt: null },
  rows: [
    { table: 'protection_request', rowId: 'req-1' },
    { table: 'message', rowId: 'msg-1' },
    { table: 'message', rowId: 'msg-2' },
  ],
  messageSequences: [1, 2],
  fileIds: ['file-b', 'file-a'],
};

describe('case manifest MAC', () => {
  test('known-answer vector for a fixed case key', () => {
    const caseKey = new SecretKey('case', Buffer.alloc(32, 0x42));

    expect(computeCaseManifestMac(caseKey, manifest)).toBe('AVbDFMZ0sorsbmg_ChLcAl9JZSqZCKOOlAbEnJtz9vDo4N-bO2RgX06L8eN2oRnVEQ');
  });

  test('verifies whatever order the database returns rows, ids and index fields in', () => {
    const { caseKey } = generateCaseKeys();
    const mac = computeCaseManifestMac(caseKey, manifest);
    const reordered: CaseManifest = {
      ...manifest,
      index: Object.fromEntries(Object.entries(manifest.index).reverse()),
      rows: [...manifest.rows].reverse(),
      messageSequences: [2, 1],
      fileIds: ['file-a', 'file-b'],
    };

    expect(() => verifyCaseManifestMac(caseKey, reordered, mac)).not.toThrow();
  });

  const { caseKey } = generateCaseKeys();
  const mac = computeCaseManifestMac(caseKey, manifest);
  test.each<[string, Partial<CaseManifest>]>([
    ['a row deleted', { rows: manifest.rows.slice(1) }],
    ['a row added', { rows: [...manifest.rows, { table: 'note', rowId: 'note-1' }] }],
    ['a row moved to another table', { rows: [{ table: 'note', rowId: 'req-1' }, ...manifest.rows.slice(1)] }],
    ['a message removed', { messageSequences: [1] }],
    ['a file removed', { fileIds: ['file-a'] }],
    ['urgency downgraded', { index: { ...manifest.index, urgent: false } }],
    ['the risk level lowered', { index: { ...manifest.index, riskLevel: 'low' } }],
    ['a rolled-back revision', { revision: 3 }],
    ['another case id', { caseId: 'case-2' }],
  ])('detects %s (INTEGRITY_FAILED)', (_name, change) => {
    expect(codeOf(() => verifyCaseManifestMac(caseKey, { ...manifest, ...change }, mac))).toBe('INTEGRITY_FAILED');
  });

  test('a MAC under another case key is KEY_MISMATCH; a garbled one BAD_FORMAT', () => {
    expect(codeOf(() => verifyCaseManifestMac(generateCaseKeys().caseKey, manifest, mac))).toBe('KEY_MISMATCH');
    expect(codeOf(() => verifyCaseManifestMac(caseKey, manifest, mac.slice(0, -3)))).toBe('BAD_FORMAT');
  });

  test('a tampered MAC value is INTEGRITY_FAILED', () => {
    const bytes = Buffer.from(mac, 'base64url');
    bytes[40]! ^= 1;
    expect(codeOf(() => verifyCaseManifestMac(caseKey, manifest, bytes.toString('base64url')))).toBe('INTEGRITY_FAILED');
  });

  test('the thread key cannot make a manifest', () => {
    expect(codeOf(() => computeCaseManifestMac(generateCaseKeys().threadKey as never, manifest))).toBe('INVALID_INPUT');
  });
});

describe('index row MAC', () => {
  const indexKey: IndexKey = { version: 1, value: new SecretKey('index', Buffer.alloc(32, 0x33)) };
  const row: IndexRow = { tenant: 'ml', caseId: 'case-1', values: { status: 'open', urgent: true, riskLevel: 'high', assignee: 'cw-1' } };

  test('known-answer vector (cross-checked with the WASM build: BLAKE2b keyed over the canonical row)', () => {
    expect(computeIndexRowMac(indexKey, row)).toBe('AbvmHdHZ5wpcv20Z9_DW2EeVSEAFSkcjiwLtfExk3AzPtY5qfQ8RndejIKq-qVraEQ');
  });

  test('verifies an unchanged row', () => {
    expect(() => verifyIndexRowMac(indexKey, row, computeIndexRowMac(indexKey, row))).not.toThrow();
  });

  test.each<[string, IndexRow]>([
    ['urgency removed', { ...row, values: { ...row.values, urgent: false } }],
    ['the case reassigned', { ...row, values: { ...row.values, assignee: 'cw-2' } }],
    ['the row moved to another case', { ...row, caseId: 'case-2' }],
    ['a field dropped', { ...row, values: { status: 'open', urgent: true, riskLevel: 'high' } }],
  ])('detects %s (INTEGRITY_FAILED)', (_name, changed) => {
    expect(codeOf(() => verifyIndexRowMac(indexKey, changed, computeIndexRowMac(indexKey, row)))).toBe('INTEGRITY_FAILED');
  });

  test('a MAC made with another index key is KEY_MISMATCH (rotation: pick the key by id)', () => {
    const other: IndexKey = { version: 2, value: new SecretKey('index', Buffer.alloc(32, 0x34)) };
    expect(codeOf(() => verifyIndexRowMac(other, row, computeIndexRowMac(indexKey, row)))).toBe('KEY_MISMATCH');
  });
});
