import { describe, expect, test } from '@jest/globals';

import { generateCaseKeys } from './case-keys.js';
import { computeThreadManifestMac, verifyThreadManifestMac, type ThreadManifest } from './mac.js';
import { codeOf } from './error-code.testing.js';

const manifest: ThreadManifest = { tenant: 'ml', caseId: 'case-1', revision: 3, messageSequences: [1, 2, 3], fileIds: ['f-1'] };

describe('thread manifest MAC', () => {
  const { caseKey, threadKey } = generateCaseKeys();
  const sut = computeThreadManifestMac(threadKey, manifest);

  test('verifies for the same messages and files in any order', () => {
    expect(codeOf(() => verifyThreadManifestMac(threadKey, { ...manifest, messageSequences: [3, 1, 2] }, sut))).toBe('NO_ERROR');
  });

  test('notices a deleted message, a rolled-back revision and a removed file', () => {
    expect(codeOf(() => verifyThreadManifestMac(threadKey, { ...manifest, messageSequences: [1, 2] }, sut))).toBe('INTEGRITY_FAILED');
    expect(codeOf(() => verifyThreadManifestMac(threadKey, { ...manifest, revision: 2 }, sut))).toBe('INTEGRITY_FAILED');
    expect(codeOf(() => verifyThreadManifestMac(threadKey, { ...manifest, fileIds: [] }, sut))).toBe('INTEGRITY_FAILED');
  });

  test('is not a case manifest: the case key cannot make or check it', () => {
    expect(codeOf(() => computeThreadManifestMac(caseKey as never, manifest))).not.toBe('NO_ERROR');
    const { threadKey: otherThread } = generateCaseKeys();
    expect(codeOf(() => verifyThreadManifestMac(otherThread, manifest, sut))).toBe('KEY_MISMATCH');
  });
});
