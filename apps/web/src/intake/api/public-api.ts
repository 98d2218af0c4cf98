import {
  ErrorBody,
  SubmissionReceipt,
  type CallbackRequest,
  type ConsentWithdrawal,
  type FieldError,
  type FollowUpMessage,
  type ProtectionRequest,
  type RequestDetails,
} from '@mnpddh/shared';
import { currentLanguage } from '../../i18n/format';
import { puzzleHeaders } from './client-puzzle';
import { FollowUpView } from './follow-up-view';

/*
 * The public pages' only door to the API: same origin, JSON, no account.
 * Every call answers with a result instead of throwing, so a page can keep
 * what the person typed and say plainly what went wrong. Nothing here is
 * written to the device: the follow-up session is an httpOnly cookie set by
 * the server, the receipt and the idempotency key live in page memory only.
 */

export type Failure =
  /** No answer: offline, a dropped 2G connection, a timeout. Safe to retry. */
  | { kind: 'network' }
  /** 400: the answer names the fields (dotted paths, e.g. `contact.phone`). */
  | { kind: 'invalid'; fields: FieldError[]; message: string }
  /** 404: for a receipt, the same answer whatever is wrong with it. */
  | { kind: 'not_found' }
  /** 401: the follow-up session has ended. */
  | { kind: 'unauthenticated' }
  | { kind: 'rate_limited'; retryAfterSeconds?: number }
  /** 503 BUSY: the portal is saturated and the request waited its turn too long; nothing was saved. */
  | { kind: 'busy'; retryAfterSeconds?: number }
  | { kind: 'server'; correlationId?: string }
  /** An answer we cannot read (a proxy page, a cut body). */
  | { kind: 'bad_response' };

/** `skewMs`: the server's clock minus this device's (cheap phones often keep a wrong time). */
export type Result<T> = { ok: true; value: T; skewMs: number } | { ok: false; failure: Failure };

/** The part of a zod schema used here (keeps zod itself out of this file's imports). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Long enough for a 5 000-character account over 2G; short enough not to spin forever. */
const TIMEOUT_MS = 60_000;

const CallbackReceipt = SubmissionReceipt.pick({ reference: true });

async function failureFrom(response: Response): Promise<Failure> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const error = body.success ? body.data.error : undefined;
  switch (response.status) {
    case 400:
      return error ? { kind: 'invalid', fields: error.fields ?? [], message: error.message } : { kind: 'bad_response' };
    case 401:
      return { kind: 'unauthenticated' };
    case 404:
      return { kind: 'not_found' };
    case 429: {
      const seconds = retryAfter(response);
      return seconds ? { kind: 'rate_limited', retryAfterSeconds: seconds } : { kind: 'rate_limited' };
    }
    default:
      if (error?.code === 'BUSY') {
        const seconds = retryAfter(response);
        return seconds ? { kind: 'busy', retryAfterSeconds: seconds } : { kind: 'busy' };
      }
      // A gateway's own 502/504 page on a bad link is a connection problem, not ours.
      if (!error && response.status >= 500) return { kind: 'network' };
      return error?.correlationId ? { kind: 'server', correlationId: error.correlationId } : { kind: 'server' };
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

interface CallOptions<T> {
  body?: unknown;
  schema?: Schema<T>;
  headers?: Record<string, string>;
}

async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, options: CallOptions<T>): Promise<Result<T>> {
  // The page's own language (`bm` on /bm/ pages), not the browser's: the API words its answer in it.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage().locale, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  if (!response.ok) return { ok: false, failure: await failureFrom(response) };
  const serverDate = Date.parse(response.headers.get('Date') ?? '');
  const skewMs = Number.isNaN(serverDate) ? 0 : serverDate - Date.now();
  if (!options.schema) return { ok: true, value: undefined as T, skewMs };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    // The body was cut on the way: nothing tells us it was not received, so retrying is right.
    return { ok: false, failure: { kind: 'network' } };
  }
  const parsed = options.schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data, skewMs } : { ok: false, failure: { kind: 'bad_response' } };
}

/**
 * A fresh key for one submission: 32 random bytes as 64 hex characters. The
 * page keeps it in memory until the request is accepted, so a retry after a
 * dropped connection returns the first answer instead of a duplicate.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const publicApi = {
  // The three calls that cost the server an Argon2id carry the busy portal's puzzle, when it asks for one.
  submitRequest: async (body: ProtectionRequest, idempotencyKey: string) =>
    call('POST', '/api/requests', { body, schema: SubmissionReceipt, headers: { 'Idempotency-Key': idempotencyKey, ...(await puzzleHeaders()) } }),

  requestCallback: async (body: CallbackRequest, idempotencyKey: string) =>
    call('POST', '/api/callback-requests', { body, schema: CallbackReceipt, headers: { 'Idempotency-Key': idempotencyKey, ...(await puzzleHeaders()) } }),

  /** Opens a short follow-up session (httpOnly cookie). 404 for any wrong receipt, 503 when the portal is too busy. */
  openFollowUp: async (receipt: string) => call('POST', '/api/follow-up/session', { body: { receipt }, schema: FollowUpView, headers: await puzzleHeaders() }),

  readFollowUp: () => call('GET', '/api/follow-up', { schema: FollowUpView }),

  sendMessage: (body: FollowUpMessage) => call('POST', '/api/follow-up/messages', { body, schema: FollowUpView }),

  sendDetails: (body: RequestDetails) => call('POST', '/api/follow-up/details', { body, schema: FollowUpView }),

  withdrawConsent: (body: ConsentWithdrawal) => call('POST', '/api/follow-up/consent', { body, schema: FollowUpView }),

  endFollowUp: () => call<void>('DELETE', '/api/follow-up/session', {}),
};

/**
 * Ends the follow-up session while the page goes away (quick exit, leaving
 * the page): `keepalive` lets the request outlive the page.
 */
export function endFollowUpInBackground(): void {
  try {
    void fetch('/api/follow-up/session', { method: 'DELETE', credentials: 'same-origin', keepalive: true }).catch(() => undefined);
  } catch {
    // Leaving matters more than this request.
  }
}
