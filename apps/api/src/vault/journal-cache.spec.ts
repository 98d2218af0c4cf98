import type { EndedSessions, SessionService } from '../auth/session.service.js';
import { IDLE_TIMEOUT_MS } from '../auth/session.service.js';
import { generateIdentityKeyPair } from '../crypto/index.js';
import type { JournalEntry } from './case-entries.js';
import type { CaseReader } from './case-reader.js';
import { JournalCache } from './journal-cache.js';

const keyPair = generateIdentityKeyPair();
const later = new Date(Date.now() + 12 * 3_600_000);
const entries: JournalEntry[] = [{ id: 'e1', seq: 1, at: new Date(), authorId: 'u1', kind: 'note', data: { body: 'Appel.' } }];
const row = { id: 'e1', seq: 1, body: 'v1.ciphertext' };
const rows = [row];
const rev1 = { revision: 1, manifestMac: 'mac1', caseKeyId: 'k1', entries: rows };

function readerIn(idHash: string, userId = 'u1', expiresAt = later): CaseReader {
  return { id: userId, keyPair, session: { idHash, expiresAt } };
}

function cacheWithSessions() {
  let listener: ((ended: EndedSessions) => void) | undefined;
  const sessions = {
    onSessionsEnded: (l: (ended: EndedSessions) => void) => {
      listener = l;
      return () => (listener = undefined);
    },
  } as unknown as SessionService;
  const sut = new JournalCache(sessions);
  return { sut, end: (ended: EndedSessions) => listener?.(ended) };
}

describe('the journals kept per session', () => {
  it('serves a journal only for the exact state it was decrypted under: another revision, manifest, case key or ciphertext drops it', () => {
    const { sut } = cacheWithSessions();
    const reader = readerIn('s1');
    sut.set(reader, 'case-1', rev1, entries);
    expect(sut.get(reader, 'case-1', rev1)).toEqual(entries);
    expect(sut.get(reader, 'case-1', { ...rev1, revision: 2 })).toBeUndefined();
    expect(sut.get(reader, 'case-1', rev1)).toBeUndefined();
    sut.set(reader, 'case-1', rev1, entries);
    expect(sut.get(reader, 'case-1', { ...rev1, manifestMac: 'other' })).toBeUndefined();
    sut.set(reader, 'case-1', rev1, entries);
    expect(sut.get(reader, 'case-1', { ...rev1, caseKeyId: 'k2' })).toBeUndefined();
    sut.set(reader, 'case-1', rev1, entries);
    expect(sut.get(reader, 'case-1', { ...rev1, entries: [{ ...row, body: 'v1.other' }] })).toBeUndefined();
    sut.onModuleDestroy();
  });

  it('keeps each session apart, and nothing for a reader without a session', () => {
    const { sut } = cacheWithSessions();
    sut.set(readerIn('s1'), 'case-1', rev1, entries);
    expect(sut.get(readerIn('s2'), 'case-1', rev1)).toBeUndefined();
    // The same session id presented for someone else is not theirs.
    expect(sut.get(readerIn('s1', 'u2'), 'case-1', rev1)).toBeUndefined();
    const sessionless: CaseReader = { id: 'u1', keyPair };
    sut.set(sessionless, 'case-2', rev1, entries);
    expect(sut.get(sessionless, 'case-2', rev1)).toBeUndefined();
    sut.onModuleDestroy();
  });

  it('dies with the session: logout, all of a person’s sessions but one, idle timeout, absolute end', () => {
    const { sut, end } = cacheWithSessions();
    const now = Date.now();
    sut.set(readerIn('a'), 'c', rev1, entries, now);
    sut.set(readerIn('b'), 'c', rev1, entries, now);
    sut.set(readerIn('c', 'u2'), 'c', rev1, entries, now);
    end({ idHash: 'a' });
    expect(sut.has('a')).toBe(false);
    sut.set(readerIn('a2'), 'c', rev1, entries, now);
    end({ userId: 'u1', except: 'a2' });
    expect([sut.has('a2'), sut.has('b'), sut.has('c')]).toEqual([true, false, true]);
    sut.sweep(now + IDLE_TIMEOUT_MS);
    expect([sut.has('a2'), sut.has('c')]).toEqual([false, false]);
    const soon = new Date(now + 1000);
    sut.set(readerIn('d', 'u1', soon), 'c', rev1, entries, now);
    expect(sut.get(readerIn('d', 'u1', soon), 'c', rev1, now + 2000)).toBeUndefined();
    expect(sut.has('d')).toBe(false);
    sut.onModuleDestroy();
  });
});
