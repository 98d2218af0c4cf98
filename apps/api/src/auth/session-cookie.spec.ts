import { readSessionCookie, secureCookies } from './session-cookie.js';

const id = 'a'.repeat(43);
const key = 'b'.repeat(43);

describe('readSessionCookie', () => {
  it('finds the session id and key among other cookies', () => {
    const sut = readSessionCookie({ headers: { cookie: `lang=fr; mnpddh_session=${id}.${key}; other=1` } });
    expect(sut).toEqual({ sessionId: id, sessionKey: key });
  });

  it('ignores a missing or malformed cookie', () => {
    expect(readSessionCookie({ headers: {} })).toBeNull();
    expect(readSessionCookie({ headers: { cookie: `mnpddh_session=${id}` } })).toBeNull();
    expect(readSessionCookie({ headers: { cookie: `mnpddh_session=${id}.${key}x` } })).toBeNull();
  });
});

describe('secureCookies', () => {
  it('is Secure in production and behind the TLS proxy, not on the local demo or in tests', () => {
    expect(secureCookies({ TRUST_PROXY: false, embedded: false, NODE_ENV: 'production' })).toBe(true);
    expect(secureCookies({ TRUST_PROXY: false, embedded: false, NODE_ENV: 'development' })).toBe(true);
    expect(secureCookies({ TRUST_PROXY: true, embedded: true, NODE_ENV: 'development' })).toBe(true);
    expect(secureCookies({ TRUST_PROXY: false, embedded: true, NODE_ENV: 'production' })).toBe(false);
    expect(secureCookies({ TRUST_PROXY: false, embedded: false, NODE_ENV: 'test' })).toBe(false);
  });
});
