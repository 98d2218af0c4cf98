import type { Request, RequestHandler, Response } from 'express';
import type { ErrorBody } from '@mnpddh/shared';
import { answerLanguage, errorMessage } from './api-messages.js';
import type { AppConfig } from '../config/config.schema.js';
import { splitLanguagePrefix } from '../page-language.js';

/**
 * Who a path is for. Deny by default on the public side: anything under /api
 * that is not named here as public or shared is staff, so a route added later
 * never shows up on the public host by mistake.
 */
export type Area = 'public' | 'staff' | 'shared';

/** The API the public form, the call-back page and the receipt follow-up call (apps/web/src/intake), and the puzzle they solve first. */
const PUBLIC_API = ['/api/requests', '/api/callback-requests', '/api/follow-up', '/api/puzzle', '/api/spoken-prompts'];
/** Answered on every host: the proxy's and the orchestrator's probes. */
const SHARED_API = ['/api/health'];
const PUBLIC_PAGES = new Set(['/', '/demande', '/suivi', '/rappel', '/aide']);
const STAFF_PAGES = '/personnel';
/** The defender's pages that work without JavaScript (apps/api/src/plain). */
const PLAIN_PAGES = '/simple';

export function areaOf(rawPath: string): Area {
  const path = normalise(rawPath);
  if (path === null) return 'staff';
  if (under(path, '/api')) {
    if (SHARED_API.some((prefix) => under(path, prefix))) return 'shared';
    if (PUBLIC_API.some((prefix) => under(path, prefix))) return 'public';
    return 'staff';
  }
  if (under(path, STAFF_PAGES)) return 'staff';
  if (isPublicPage(path) || under(path, PLAIN_PAGES)) return 'public';
  // Built assets (both bundles are plain code, nothing secret), site files (robots.txt) and unknown paths (404).
  return 'shared';
}

/** A page of the web app (a public page or anything under /personnel): the server answers it with index.html. */
export function isAppPage(rawPath: string): boolean {
  const path = normalise(rawPath);
  return path !== null && (isPublicPage(path) || under(path, STAFF_PAGES));
}

/** A public page of the app, unprefixed or in a language (`/bm/demande`); staff pages have no language prefix. */
function isPublicPage(path: string): boolean {
  return PUBLIC_PAGES.has(path) || PUBLIC_PAGES.has(splitLanguagePrefix(path)?.page ?? '');
}

/**
 * With STAFF_URL set, the staff host serves only the dashboard and the staff
 * API, every other host (PUBLIC_URL, the onion address, a bare IP) only the
 * public pages and their API; the wrong host answers 404 as for a route that
 * does not exist. Nothing is installed without STAFF_URL.
 */
export function hostSeparation(config: Pick<AppConfig, 'STAFF_URL'>): RequestHandler[] {
  if (config.STAFF_URL === undefined) return [];
  const staffHost = new URL(config.STAFF_URL).hostname.toLowerCase();
  const separate: RequestHandler = (req, res, next) => {
    const onStaffHost = hostnameOf(req.headers.host) === staffHost;
    const area = areaOf(req.path);
    if (area === 'shared' || (area === 'staff') === onStaffHost) return next();
    // The staff host's bare address leads to the sign-in page rather than a dead end.
    if (onStaffHost && normalise(req.path) === '/') return res.redirect(302, STAFF_PAGES);
    notFound(req, res);
  };
  return [separate];
}

/** The Host header's name, lower case, without port or trailing dot; '' when absent or malformed. */
export function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  try {
    return new URL(`http://${host}`).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

function notFound(req: Request, res: Response): void {
  if (areaOfApi(req.path)) {
    // The same body the error filter gives an unknown route: the wrong host reveals nothing more.
    const body: ErrorBody = {
      error: { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', answerLanguage(req.headers['accept-language'])).text, retryable: false },
    };
    res.status(404).json(body);
    return;
  }
  sendNotFoundPage(res);
}

/** The neutral 404 page for a path that is not an API route. */
export function sendNotFoundPage(res: Response): void {
  res.status(404).type('html').send(NOT_FOUND_PAGE);
}

function areaOfApi(path: string): boolean {
  const normalised = normalise(path);
  return normalised === null || under(normalised, '/api');
}

/**
 * Dot segments resolved, decoded, lower case (express routes ignore case), single slashes, no trailing slash;
 * null when undecodable. Stricter than the router, so a spelling it would not route is at worst refused.
 */
function normalise(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(path.replace(/^\/+/, '/'), 'http://host').pathname);
  } catch {
    return null;
  }
  return (
    decoded
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '') || '/'
  );
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Neutral like the app's title; no style or script (strict CSP). */
const NOT_FOUND_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Informations</title></head>
<body><main><h1>Page introuvable</h1><p lang="en">Page not found.</p><p><a href="/">Accueil / Home</a></p></main></body></html>
`;
