import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { readCookie } from '../common/cookies.js';
import type { AppConfig } from '../config/config.schema.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';

export const SESSION_COOKIE = 'mnpddh_session';

export interface SessionCookieValue {
  readonly sessionId: string;
  readonly sessionKey: string;
}

const VALUE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/** The cookie carries the session id and the session key, both 32 random bytes (base64url). */
export function encodeSessionCookie(value: SessionCookieValue): string {
  return `${value.sessionId}.${value.sessionKey}`;
}

/** The session cookie of a request, if it has a well-formed one. */
export function readSessionCookie(request: Pick<Request, 'headers'>): SessionCookieValue | null {
  const match = VALUE.exec(readCookie(request, SESSION_COOKIE) ?? '');
  return match ? { sessionId: match[1] as string, sessionKey: match[2] as string } : null;
}

/**
 * Secure everywhere but where the portal is reached over plain http on
 * purpose: the embedded demo on localhost and the tests. Behind the TLS proxy
 * (TRUST_PROXY) it is always Secure.
 */
export function secureCookies(config: Pick<AppConfig, 'TRUST_PROXY' | 'embedded' | 'NODE_ENV'>): boolean {
  return config.TRUST_PROXY || !(config.embedded || config.NODE_ENV === 'test');
}

/**
 * httpOnly (scripts never see it), SameSite=Strict (never sent from another
 * site), Path=/api (the API only), no Expires: it dies with the browser, and
 * the server ends it after 30 idle minutes or 12 hours anyway.
 */
@Injectable()
export class SessionCookie {
  readonly #options: CookieOptions;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.#options = { httpOnly: true, sameSite: 'strict', path: '/api', secure: secureCookies(runtime.config) };
  }

  set(response: Response, value: string): void {
    response.cookie(SESSION_COOKIE, value, this.#options);
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.#options);
  }
}
