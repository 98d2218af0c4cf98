import { DEFAULT_RETENTION_POLICY } from '@mnpddh/shared';
import { expiryOf, isNearing } from './retention-expiry.js';

describe('retention expiry', () => {
  const closedAt = new Date('2026-11-01T00:00:00.000Z');

  it('keeps a closed case the policy’s months after the month of closure', () => {
    expect(expiryOf({ status: 'closed', closedAt, extendedUntil: null }, DEFAULT_RETENTION_POLICY)?.toISOString()).toBe('2028-12-01T00:00:00.000Z');
  });

  it('keeps an inadmissible case for its own, shorter period', () => {
    expect(expiryOf({ status: 'inadmissible', closedAt, extendedUntil: null }, DEFAULT_RETENTION_POLICY)?.toISOString()).toBe('2027-06-01T00:00:00.000Z');
  });

  it('never expires an open case', () => {
    expect(expiryOf({ status: 'monitoring', closedAt: null, extendedUntil: null }, DEFAULT_RETENTION_POLICY)).toBeNull();
  });

  it('lets an extension postpone but never bring forward', () => {
    const later = new Date('2030-01-01T00:00:00.000Z');
    const earlier = new Date('2027-01-01T00:00:00.000Z');
    expect(expiryOf({ status: 'closed', closedAt, extendedUntil: later }, DEFAULT_RETENTION_POLICY)).toEqual(later);
    expect(expiryOf({ status: 'closed', closedAt, extendedUntil: earlier }, DEFAULT_RETENTION_POLICY)?.toISOString()).toBe('2028-12-01T00:00:00.000Z');
  });

  it('warns within the warning window only', () => {
    const expiry = new Date('2028-12-01T00:00:00.000Z');
    expect(isNearing(expiry, new Date('2028-11-02T00:00:00.000Z'), DEFAULT_RETENTION_POLICY)).toBe(true);
    expect(isNearing(expiry, new Date('2028-10-01T00:00:00.000Z'), DEFAULT_RETENTION_POLICY)).toBe(false);
  });
});
