import { backupFailureReason, decodeBackupFailure, encodeBackupFailure } from './backup-failure.js';

describe('backupFailureReason', () => {
  it('calls a refused or full target unwritable', () => {
    for (const code of ['EACCES', 'EROFS', 'ENOSPC', 'ENOTDIR']) expect(backupFailureReason(Object.assign(new Error('x'), { code }))).toBe('target_unwritable');
  });
  it('calls anything else an error', () => {
    expect(backupFailureReason(new Error('connection refused'))).toBe('error');
    expect(backupFailureReason(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('error');
    expect(backupFailureReason('a string')).toBe('error');
  });
});

describe('the stored failure', () => {
  it('holds the time and the reason only, and reads back', () => {
    const sut = { at: new Date('2026-11-29T03:00:00Z'), reason: 'missing_key' as const };
    expect(encodeBackupFailure(sut)).toBe('{"at":"2026-11-29T03:00:00.000Z","reason":"missing_key"}');
    expect(decodeBackupFailure(encodeBackupFailure(sut))).toEqual(sut);
  });
  it('reads an unreadable row as no failure', () => {
    expect(decodeBackupFailure(null)).toBeNull();
    expect(decodeBackupFailure('not json')).toBeNull();
    expect(decodeBackupFailure('{"at":"nonsense","reason":"error"}')).toBeNull();
    expect(decodeBackupFailure('{"at":"2026-11-29T03:00:00Z","reason":"other"}')).toBeNull();
  });
});
