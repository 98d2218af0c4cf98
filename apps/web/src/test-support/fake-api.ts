import type { ErrorBody, FieldError, SessionInfo } from '@mnpddh/shared';

/*
 * The portal's API as a component spec sees it: `fetch` answered from a table
 * of routes, every request kept (method, path, headers, parsed body) so a spec
 * asserts what the form put on the wire. Only for jsdom specs, where no server
 * runs; everything above fetch (the staff API client, the session, the
 * reference lists, the form) is the real code.
 */

export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Answer {
  status: number;
  body?: unknown;
}

/** `'POST /api/cases/…/measures'` → what the server answers. */
export type Routes = Record<string, (request: SentRequest) => Answer>;

export const CSRF_TOKEN = 'csrf-token-of-the-fake-session';

export const caseworker: SessionInfo['user'] = {
  id: '0b9f4f5e-5f38-4d7e-9c55-0d6a4f1c2a01',
  email: 'awa.traore@cndh.ml',
  name: 'Awa Traoré',
  roles: ['caseworker'],
  onCall: false,
};

/** The signed-in caseworker's session, as GET /api/auth/session/state answers it. */
function sessionState(): Answer {
  const inOneHour = new Date(Date.now() + 3_600_000).toISOString();
  const session: SessionInfo = { user: caseworker, csrfToken: CSRF_TOKEN, idleExpiresAt: inOneHour, absoluteExpiresAt: inOneHour };
  return { status: 200, body: { session } };
}

/** A refusal as the API's error filter writes it. */
export function refusal(status: number, code: ErrorBody['error']['code'], message: string, fields: FieldError[] = []): Answer {
  return { status, body: { error: { code, message, retryable: false, fields } } };
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
}

/** Just enough of a Response for the staff API client: status, headers, JSON. */
function responseOf({ status, body }: Answer): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: () => null },
    json: async () => body,
  } as unknown as Response;
}

/**
 * Installs the fake as `fetch` and returns what it received. A request no
 * route answers gets a 404 and is kept too, so a spec sees what went astray.
 */
export function fakeApi(routes: Routes): SentRequest[] {
  const sent: SentRequest[] = [];
  const table: Routes = { 'GET /api/auth/session/state': sessionState, ...routes };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = { method, path, headers: headersOf(init), body };
    sent.push(request);
    const route = table[`${method} ${path}`];
    return responseOf(route ? route(request) : refusal(404, 'NOT_FOUND', 'Introuvable.'));
  };
  return sent;
}

/** The writes among what was sent (the reads are the session and the lists the page loads). */
export function writesIn(sent: readonly SentRequest[]): SentRequest[] {
  return sent.filter((request) => request.method !== 'GET');
}
