import { backupFailed, backupMissing, checkpointNotExported, diskNearlyFull, opsDedupeKey, publicFormUnreachable, tlsExpiring } from './ops-checks.js';

const now = new Date('2026-11-29T10:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const daysAgo = (days: number) => hoursAgo(days * 24);

describe('backupMissing', () => {
  it('is false with a backup younger than the limit', () => {
    expect(backupMissing(now, [daysAgo(3), hoursAgo(25)], 26)).toBe(false);
  });
  it('is true when every backup is older, or there is none', () => {
    expect(backupMissing(now, [hoursAgo(27), daysAgo(5)], 26)).toBe(true);
    expect(backupMissing(now, [], 26)).toBe(true);
  });
});

describe('backupFailed', () => {
  it('is true after a noted failure with no backup written since', () => {
    expect(backupFailed(hoursAgo(2), [daysAgo(3)])).toBe(true);
    expect(backupFailed(hoursAgo(2), [])).toBe(true);
  });
  it('is false without a failure, or once a later backup exists', () => {
    expect(backupFailed(null, [])).toBe(false);
    expect(backupFailed(hoursAgo(5), [hoursAgo(1)])).toBe(false);
  });
});

describe('diskNearlyFull', () => {
  it('is true when one file system has less free than the minimum', () => {
    expect(
      diskNearlyFull(
        [
          { bavail: 500, blocks: 1000 },
          { bavail: 90, blocks: 1000 },
        ],
        10,
      ),
    ).toBe(true);
  });
  it('is false at or above the minimum, and for an empty report', () => {
    expect(diskNearlyFull([{ bavail: 100, blocks: 1000 }], 10)).toBe(false);
    expect(diskNearlyFull([{ bavail: 0, blocks: 0 }], 10)).toBe(false);
  });
});

describe('checkpointNotExported', () => {
  it('counts from the latest download', () => {
    expect(checkpointNotExported(now, daysAgo(8), daysAgo(30), 7)).toBe(true);
    expect(checkpointNotExported(now, daysAgo(6), daysAgo(30), 7)).toBe(false);
  });
  it('counts from the first checkpoint when none was ever downloaded, and never without one', () => {
    expect(checkpointNotExported(now, null, daysAgo(8), 7)).toBe(true);
    expect(checkpointNotExported(now, null, daysAgo(2), 7)).toBe(false);
    expect(checkpointNotExported(now, null, null, 7)).toBe(false);
  });
});

describe('tlsExpiring', () => {
  it('is true under the minimum and once expired', () => {
    expect(tlsExpiring(now, daysAgo(-13), 14)).toBe(true);
    expect(tlsExpiring(now, daysAgo(1), 14)).toBe(true);
  });
  it('is false further away', () => {
    expect(tlsExpiring(now, daysAgo(-15), 14)).toBe(false);
  });
});

describe('publicFormUnreachable', () => {
  it('is false for a success or a redirect', () => {
    expect(publicFormUnreachable(200)).toBe(false);
    expect(publicFormUnreachable(302)).toBe(false);
  });
  it('is true for an error status or no answer', () => {
    expect(publicFormUnreachable(502)).toBe(true);
    expect(publicFormUnreachable(404)).toBe(true);
    expect(publicFormUnreachable(null)).toBe(true);
  });
});

describe('opsDedupeKey', () => {
  it('is one per topic per UTC day', () => {
    expect(opsDedupeKey('backup_missing', now)).toBe('ops:backup_missing:2026-11-29');
    expect(opsDedupeKey('backup_missing', new Date('2026-11-29T23:59:59Z'))).toBe(opsDedupeKey('backup_missing', now));
    expect(opsDedupeKey('disk_full', new Date('2026-11-30T00:00:00Z'))).toBe('ops:disk_full:2026-11-30');
  });
});
