import type { CookieOptions, Request, Response } from 'express';
import type { SpokenPromptKey } from '@mnpddh/shared';
import { readCookie } from '../common/cookies.js';
import { PlainFormKey } from '../crypto/index.js';
import { one } from './form-values.js';
import { localeOf, PLAIN_ROOT, plainContext, type PlainContext } from './plain-context.js';

export const FORM_COOKIE = 'mnpddh_form';

/**
 * CSRF protection that needs no script: every page sets (once) a random form
 * cookie — httpOnly, SameSite=Strict, these pages' path only — and puts in
 * its forms a token bound to it under a key held in memory. A post is taken
 * only with both, and, when the browser says where it comes from, from this
 * very site. Another site can make a browser post here; it can neither
 * read our page's token nor send our SameSite=Strict cookie with it.
 */
export class FormGuard {
  readonly #cookie: CookieOptions;

  constructor(
    readonly key: PlainFormKey,
    secure: boolean,
    private readonly styles: readonly string[],
  ) {
    this.#cookie = { httpOnly: true, sameSite: 'strict', path: PLAIN_ROOT, secure };
  }

  /** The page's context; sets the form cookie when the visitor has none. */
  context(request: Request, response: Response): PlainContext {
    let cookie = readCookie(request, FORM_COOKIE);
    if (!cookie || cookie.length > 100) {
      cookie = this.key.newCookie();
      response.cookie(FORM_COOKIE, cookie, this.#cookie);
    }
    const spokenHelp = (response.locals as { spokenHelp?: SpokenPromptKey[] }).spokenHelp ?? [];
    return plainContext(localeOf(request), this.key.tokenFor(cookie), this.styles, () => this.key.newOnce(), spokenHelp);
  }

  /** Whether a post carries the token of its cookie and comes from this host. */
  accepts(request: Request): boolean {
    if (!sameOrigin(request)) return false;
    const body = (request.body ?? {}) as Record<string, unknown>;
    return this.key.checkToken(readCookie(request, FORM_COOKIE), one(body, '_token'));
  }
}

/**
 * Where the post comes from, as the browser says: Sec-Fetch-Site when sent
 * (every current browser), else an Origin naming this host. Our
 * Referrer-Policy (no-referrer) makes Chromium send `Origin: null` even from
 * our own pages, so "null" and no header at all leave the decision to the token.
 */
function sameOrigin(request: Request): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host.toLowerCase() === (request.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}
