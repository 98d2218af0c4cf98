import { lockSeconds, lockedUntilAfter, secondsLocked, UnknownAccountThrottle } from './login-throttle.js';

describe('login throttle arithmetic', () => {
  it('lets five failures pass, then doubles the lock from one second up to a minute', () => {
    const sut = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 50].map(lockSeconds);
    expect(sut).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('never locks for more than a minute, however many failures', () => {
    expect(lockSeconds(1_000_000)).toBe(60);
  });

  it('counts whole seconds left, and nothing once the lock has passed', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const sut = lockedUntilAfter(7, now);
    expect(sut?.toISOString()).toBe('2026-01-01T00:00:02.000Z');
    expect(secondsLocked(sut, now)).toBe(2);
    expect(secondsLocked(sut, new Date(now.getTime() + 1_500))).toBe(1);
    expect(secondsLocked(sut, new Date(now.getTime() + 2_000))).toBe(0);
    expect(secondsLocked(null, now)).toBe(0);
    expect(lockedUntilAfter(5, now)).toBeNull();
  });
});

describe('UnknownAccountThrottle', () => {
  it('locks an unknown address exactly like an account, so the lock reveals nothing', () => {
    const sut = new UnknownAccountThrottle();
    const now = new Date();
    for (let failure = 1; failure <= 5; failure++) sut.recordFailure('nobody@cndh.ml', now);
    expect(sut.secondsLocked('nobody@cndh.ml', now)).toBe(0);
    sut.recordFailure('nobody@cndh.ml', now);
    expect(sut.secondsLocked('nobody@cndh.ml', now)).toBe(1);
    expect(sut.secondsLocked('other@cndh.ml', now)).toBe(0);
  });

  it('forgets the oldest address when full', () => {
    const sut = new UnknownAccountThrottle(2);
    const now = new Date();
    for (let failure = 0; failure < 6; failure++) sut.recordFailure('a@x.ml', now);
    sut.recordFailure('b@x.ml', now);
    sut.recordFailure('c@x.ml', now);
    expect(sut.secondsLocked('a@x.ml', now)).toBe(0);
  });
});
