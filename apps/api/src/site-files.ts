import type { RequestHandler } from 'express';

/** Staff pages and the API stay out of search indexes; the public pages may be found. */
const ROBOTS = `User-agent: *
Disallow: /personnel
Disallow: /api/
`;

/** RFC 9116 wants an expiry no more than a year away: it is computed, so the file never goes stale. */
export function securityTxt(contact: string, now: Date): string {
  const expires = new Date(now.getTime() + 180 * 24 * 3600_000);
  return `Contact: ${contact}
Expires: ${expires.toISOString().slice(0, 19)}Z
Preferred-Languages: fr, en
`;
}

/**
 * /robots.txt and /.well-known/security.txt, answered on every host. Without
 * a configured contact there is no security.txt (the 404 page answers): a
 * placeholder address would send a researcher's report nowhere.
 */
export function siteFiles(securityContact: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/robots.txt') return void res.type('text/plain; charset=utf-8').send(ROBOTS);
    if (req.path === '/.well-known/security.txt' && securityContact !== undefined) {
      return void res.type('text/plain; charset=utf-8').send(securityTxt(securityContact, new Date()));
    }
    next();
  };
}
