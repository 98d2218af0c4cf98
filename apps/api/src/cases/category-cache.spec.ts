import type { EndedSessions, SessionService } from '../auth/session.service.js';
import { IDLE_TIMEOUT_MS } from '../auth/session.service.js';
import { CategoryCache, fingerprintOf, MAX_SESSIONS } from './category-cache.js';

const categories = { region: 'kidal', threatTypes: ['arrest'], perpetratorTypes: [], profiles: [], languages: [] };

function cacheWithSessions() {
  let listener: ((ended: EndedSessions) => void) | undefined;
  const sessions = {
    onSessionsEnded: (l: (ended: EndedSessions) => void) => {
      listener = l;
      return () => (listener = undefined);
    },
  } as unknown as SessionService;
  const cache = new CategoryCache(sessions);
  return { cache, end: (ended: EndedSessions) => listener?.(ended) };
}

const later = new Date(Date.now() + 12 * 3_600_000);

describe('the per-session category cache', () => {
  it('serves an entry only while its fingerprint matches', () => {
    const { cache } = cacheWithSessions();
    const session = cache.session('s1', 'u1', later);
    session.set('case-1', 'rev1', categories);
    expect(cache.session('s1', 'u1', later).get('case-1', 'rev1')?.categories).toEqual(categories);
    expect(cache.session('s1', 'u1', later).get('case-1', 'rev2')).toBeUndefined();
    expect(cache.session('s1', 'u1', later).get('case-1', 'rev1')).toBeUndefined();
    cache.onModuleDestroy();
  });

  it('dies with the session: logout, all of a person’s sessions but one, idle timeout, absolute end', () => {
    const { cache, end } = cacheWithSessions();
    const now = Date.now();
    cache.session('a', 'u1', later, now).set('c', 'f', categories);
    cache.session('b', 'u1', later, now);
    cache.session('c', 'u2', later, now);
    end({ idHash: 'a' });
    expect(cache.has('a')).toBe(false);
    cache.session('a2', 'u1', later, now);
    end({ userId: 'u1', except: 'b' });
    expect([cache.has('a2'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
    cache.sweep(now + IDLE_TIMEOUT_MS);
    expect(cache.size().sessions).toBe(0);
    cache.session('d', 'u3', new Date(now + 1000), now);
    cache.sweep(now + 1000);
    expect(cache.has('d')).toBe(false);
    cache.onModuleDestroy();
  });

  it('is bounded: the least recently used session goes first; another user never reads a session’s entries', () => {
    const { cache } = cacheWithSessions();
    for (let i = 0; i < MAX_SESSIONS + 5; i++) cache.session(`s${i}`, 'u', later);
    expect(cache.size().sessions).toBe(MAX_SESSIONS);
    expect(cache.has('s0')).toBe(false);
    cache.session('x', 'u1', later).set('c', 'f', categories);
    expect(cache.session('x', 'u2', later).get('c', 'f')).toBeUndefined();
    cache.onModuleDestroy();
  });
});

describe('what a cached entry was decrypted from', () => {
  it('changes with the revision, the index row’s MAC and the case key: a write, a replayed row or a re-key decrypts again', () => {
    const row = { revision: 4, indexMac: 'mac-a', caseKeyId: 'key-1' };
    const sut = fingerprintOf(row);
    expect(fingerprintOf({ ...row })).toBe(sut);
    expect(fingerprintOf({ ...row, revision: 5 })).not.toBe(sut);
    expect(fingerprintOf({ ...row, indexMac: 'mac-b' })).not.toBe(sut);
    expect(fingerprintOf({ ...row, caseKeyId: 'key-2' })).not.toBe(sut);
  });
});
