import type { Request, Response } from 'express';
import { siteFiles } from './site-files.js';

/** Runs the middleware on a GET of `path`; returns what it sent, or null when it passed the request on. */
function answer(contact: string | undefined, path: string): string | null {
  let sent: string | null = null;
  const res = { type: () => res, send: (body: string) => void (sent = body) } as unknown as Response;
  siteFiles(contact)({ method: 'GET', path } as Request, res, () => undefined);
  return sent;
}

describe('siteFiles', () => {
  it('publishes the configured security contact', () => {
    expect(answer('mailto:flaws@example.org', '/.well-known/security.txt')).toMatch(/^Contact: mailto:flaws@example\.org$/m);
  });

  it('publishes no security.txt without a configured contact (the 404 page answers)', () => {
    expect(answer(undefined, '/.well-known/security.txt')).toBeNull();
  });

  it('keeps the staff pages out of indexes whatever the contact', () => {
    expect(answer(undefined, '/robots.txt')).toMatch(/^Disallow: \/personnel$/m);
  });
});
