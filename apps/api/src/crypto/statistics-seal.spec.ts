import { codeOf } from './error-code.testing.js';
import { generateSecret, parseIndexKey } from './secrets.js';
import { openPendingIncrement, sealPendingIncrement } from './statistics-seal.js';

describe('waiting statistics increments', () => {
  const sut = parseIndexKey(generateSecret('index-key'));
  const small = JSON.stringify({ caseId: 'a', counters: [{ period: '2026-12', dimension1: 'closed', value1: 'closed' }] });
  const large = JSON.stringify({ caseId: 'b', intake: { values: { threat_type: Array.from({ length: 12 }, (_, i) => `threat_${i}`) } } });

  it('opens under the same index key, row and tenant', () => {
    expect(openPendingIncrement(sut, sealPendingIncrement(sut, small, 'ml', 'row-1'), 'ml', 'row-1')).toBe(small);
  });

  it('are all the same length, whatever they count', () => {
    expect(sealPendingIncrement(sut, small, 'ml', 'row-1').length).toBe(sealPendingIncrement(sut, large, 'ml', 'row-2').length);
  });

  it('do not open when moved to another row or tenant, or under another index key', () => {
    const sealed = sealPendingIncrement(sut, small, 'ml', 'row-1');
    expect(codeOf(() => openPendingIncrement(sut, sealed, 'ml', 'row-2'))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => openPendingIncrement(sut, sealed, 'other', 'row-1'))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => openPendingIncrement(parseIndexKey(generateSecret('index-key')), sealed, 'ml', 'row-1'))).toBe('KEY_MISMATCH');
  });

  it('hold nothing in the clear', () => {
    expect(Buffer.from(sealPendingIncrement(sut, large, 'ml', 'row-1'), 'base64url').includes('threat_')).toBe(false);
    expect(sealPendingIncrement(sut, large, 'ml', 'row-1')).not.toContain('threat_');
  });
});
