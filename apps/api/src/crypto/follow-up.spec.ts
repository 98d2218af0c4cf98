import { describe, expect, test } from '@jest/globals';

import { generateThreadKey } from './case-keys.js';
import { encryptField, decryptFieldText } from './field.js';
import { idempotencyLookupId, openReplay, sealReplay, unwrapThreadKeyForSession, wrapThreadKeyForSession } from './follow-up.js';
import { createSessionSecrets } from './session.js';

describe('follow-up session thread key', () => {
  test('opens with the session key for the same session and case only', () => {
    const threadKey = generateThreadKey();
    const { sessionKey, sessionIdHash } = createSessionSecrets();
    const wrapped = wrapThreadKeyForSession(threadKey, sessionKey, { sessionIdHash, caseId: 'case-1' });
    const location = { tenant: 't', caseId: 'case-1', table: 'x', rowId: 'r', field: 'f' };
    const sealed = encryptField(threadKey, 'bonjour', location);
    const sut = unwrapThreadKeyForSession(wrapped, sessionKey, { sessionIdHash, caseId: 'case-1' });
    expect(decryptFieldText(sut, sealed, location)).toBe('bonjour');
    expect(() => unwrapThreadKeyForSession(wrapped, sessionKey, { sessionIdHash, caseId: 'case-2' })).toThrow();
    expect(() => unwrapThreadKeyForSession(wrapped, createSessionSecrets().sessionKey, { sessionIdHash, caseId: 'case-1' })).toThrow();
  });
});

describe('idempotency', () => {
  const key = 'k'.repeat(32);

  test('the lookup id is stable, per tenant, and not the key', () => {
    expect(idempotencyLookupId(key, 'ml')).toBe(idempotencyLookupId(key, 'ml'));
    expect(idempotencyLookupId(key, 'ml')).not.toBe(idempotencyLookupId(key, 'ne'));
    expect(idempotencyLookupId(key, 'ml')).not.toContain(key);
    expect(() => idempotencyLookupId('short', 'ml')).toThrow();
  });

  test('the replayed answer opens only with the same idempotency key', () => {
    const sealed = sealReplay('{"receipt":"1234"}', key, 'ml');
    expect(sealed).not.toContain('1234');
    expect(openReplay(sealed, key, 'ml')).toBe('{"receipt":"1234"}');
    expect(() => openReplay(sealed, 'x'.repeat(32), 'ml')).toThrow();
  });
});
