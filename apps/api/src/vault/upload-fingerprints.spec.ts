import { describe, expect, test } from '@jest/globals';
import { Sha256 } from '../crypto/index.js';
import { UploadFingerprints } from './upload-fingerprints.js';

function hashOf(text: string): Sha256 {
  const hash = new Sha256();
  hash.update(Buffer.from(text));
  return hash;
}

describe('the running fingerprints of uploads in progress', () => {
  test('gives a copy only for the committed piece count, and the copy does not change the entry', () => {
    let clock = 0;
    const sut = new UploadFingerprints(() => clock);
    sut.remember('u1', 3, hashOf('abc'));
    expect(sut.copyOf('u1', 2)).toBeUndefined();
    const copy = sut.copyOf('u1', 3);
    copy?.update(Buffer.from('def'));
    expect(sut.copyOf('u1', 3)?.digest().toString('hex')).toBe(hashOf('abc').digest().toString('hex'));
    clock += 1;
    sut.forget('u1');
    expect(sut.copyOf('u1', 3)).toBeUndefined();
  });

  test('drops a fingerprint ten minutes after the last piece (a memory dump finds no hash of a paused upload)', () => {
    let clock = 0;
    const sut = new UploadFingerprints(() => clock);
    sut.remember('paused', 1, hashOf('a'));
    clock = 5 * 60_000;
    sut.remember('busy', 1, hashOf('b'));
    clock = 10 * 60_000 + 1;
    expect(sut.copyOf('paused', 1)).toBeUndefined();
    expect(sut.copyOf('busy', 1)).toBeDefined();
  });
});
