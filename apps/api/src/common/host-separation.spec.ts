import type { Request, Response } from 'express';
import { activationUrl } from '../auth/activation-token.js';
import { relyingPartyOf } from '../auth/webauthn-relying-party.js';
import { parseConfig } from '../config/config.schema.js';
import { areaOf, hostnameOf, hostSeparation } from './host-separation.js';

describe('areaOf', () => {
  it.each([
    ['/api/cases', 'staff'],
    ['/api/auth/login', 'staff'],
    ['/api/docs-json', 'staff'],
    ['/api/some-route-added-later', 'staff'],
    ['/api', 'staff'],
    ['/personnel', 'staff'],
    ['/personnel/dossiers/123', 'staff'],
    ['/api/requests', 'public'],
    ['/api/callback-requests', 'public'],
    ['/api/follow-up', 'public'],
    ['/api/follow-up/uploads/abc', 'public'],
    ['/', 'public'],
    ['/demande', 'public'],
    ['/aide', 'public'],
    ['/en/demande', 'public'],
    ['/bm/demande', 'public'],
    ['/ar/', 'public'],
    ['/en/', 'public'],
    ['/fr/suivi', 'public'],
    ['/en/personnel', 'shared'],
    ['/xx/demande', 'shared'],
    ['/api/health', 'shared'],
    ['/assets/index-abc123.js', 'shared'],
    ['/page-inconnue', 'shared'],
  ])('%s is %s', (path, area) => {
    expect(areaOf(path)).toBe(area);
  });

  it.each([
    '/API/Cases',
    '//api//cases',
    '/api/cases/',
    '/api%2Fcases',
    '/Personnel/',
    '/%70ersonnel',
    '/api/requests-and-more',
    '/api/follow-upx',
    '/api/follow-up/../cases',
    '/api/follow-up/%2e%2e/cases',
    '/demande/../personnel',
  ])('does not let %s pass for public or shared', (path) => {
    expect(areaOf(path)).toBe('staff');
  });

  it('treats an undecodable path as staff (refused on the public host)', () => {
    expect(areaOf('/api/%E0%A4%A')).toBe('staff');
  });
});

describe('hostnameOf', () => {
  it('drops the port and a trailing dot, and lower-cases', () => {
    expect(hostnameOf('Equipe.CNDH.example:443')).toBe('equipe.cndh.example');
    expect(hostnameOf('equipe.cndh.example.')).toBe('equipe.cndh.example');
    expect(hostnameOf(undefined)).toBe('');
    expect(hostnameOf('bad host/')).toBe('');
  });
});

type Outcome = { next: true } | { status: number; location?: string; body?: unknown };

function call(handler: ReturnType<typeof hostSeparation>[number], host: string, path: string): Outcome {
  let outcome: Outcome = { next: true };
  const res = {
    status(code: number) {
      outcome = { status: code };
      return res;
    },
    json(body: unknown) {
      outcome = { ...outcome, body };
      return res;
    },
    type() {
      return res;
    },
    send(body: unknown) {
      outcome = { ...outcome, body };
      return res;
    },
    redirect(code: number, location: string) {
      outcome = { status: code, location };
    },
  };
  const req = { headers: { host, 'accept-language': 'fr' }, path };
  handler(req as unknown as Request, res as unknown as Response, () => undefined);
  return outcome;
}

describe('hostSeparation', () => {
  it('installs nothing without STAFF_URL', () => {
    expect(hostSeparation({ STAFF_URL: undefined })).toEqual([]);
  });

  const [handler] = hostSeparation({ STAFF_URL: 'https://equipe.cndh.example' });
  const sut = handler as NonNullable<typeof handler>;

  it('serves staff routes and pages on the staff host only', () => {
    expect(call(sut, 'equipe.cndh.example', '/api/cases')).toEqual({ next: true });
    expect(call(sut, 'equipe.cndh.example:443', '/personnel')).toEqual({ next: true });
    expect(call(sut, 'portail.cndh.example', '/api/cases')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(call(sut, 'abcdef.onion', '/personnel/dossiers')).toMatchObject({ status: 404 });
    expect(call(sut, '', '/api/auth/login')).toMatchObject({ status: 404 });
  });

  it('serves the public form on the other hosts only; the staff host root leads to sign-in', () => {
    expect(call(sut, 'portail.cndh.example', '/api/requests')).toEqual({ next: true });
    expect(call(sut, 'portail.cndh.example', '/demande')).toEqual({ next: true });
    expect(call(sut, 'equipe.cndh.example', '/api/follow-up/session')).toMatchObject({ status: 404 });
    expect(call(sut, 'equipe.cndh.example', '/demande')).toMatchObject({ status: 404 });
    expect(call(sut, 'equipe.cndh.example', '/')).toEqual({ status: 302, location: '/personnel' });
  });

  it('serves health and built assets on both', () => {
    for (const host of ['equipe.cndh.example', 'portail.cndh.example']) {
      expect(call(sut, host, '/api/health')).toEqual({ next: true });
      expect(call(sut, host, '/assets/staff-page-abc.js')).toEqual({ next: true });
    }
  });
});

describe('STAFF_URL in the configuration', () => {
  it('needs PUBLIC_URL on another host name (cookies ignore ports)', () => {
    expect(() => parseConfig({ STAFF_URL: 'https://equipe.cndh.example' })).toThrow(/STAFF_URL/);
    expect(() => parseConfig({ STAFF_URL: 'https://cndh.example:8443', PUBLIC_URL: 'https://cndh.example' })).toThrow(/STAFF_URL/);
    expect(parseConfig({ STAFF_URL: 'https://equipe.cndh.example', PUBLIC_URL: 'https://cndh.example' }).STAFF_URL).toBe('https://equipe.cndh.example');
  });

  it('is where activation links and security keys point', () => {
    const config = { STAFF_URL: 'https://equipe.cndh.example/', PUBLIC_URL: 'https://cndh.example', PORT: 3000, MECHANISM_NAME: 'CNDH Niger' };
    expect(activationUrl(config, 'p.abc')).toBe('https://equipe.cndh.example/personnel/activation#p.abc');
    expect(relyingPartyOf(config)).toEqual({ id: 'equipe.cndh.example', origin: 'https://equipe.cndh.example', name: 'CNDH Niger' });
  });
});
