/**
 * Sends hostile payloads to a route the way its real callers would reach
 * it (cookie, CSRF token, a real case or upload in the path), so that the
 * handler — not only the guard — sees them.
 */
import { randomBytes } from 'node:crypto';
import type { Payload, ValuePayload } from './corpus/index.js';
import type { Shot } from './hostile-checks.js';
import { bodyWith, type FieldTarget, type JsonSchema } from './hostile-samples.js';

export interface Credentials {
  readonly cookie?: string;
  readonly csrfToken?: string;
}

/**
 * A page without JavaScript (/simple): url-encoded (or multipart) form
 * fields, posted with the page's form cookie (in `credentials.cookie`) and
 * token, as from our own page, so that the handler — not the CSRF check —
 * reads the payloads. Its hidden fields are fair game too.
 */
export interface PlainForm {
  readonly token: string;
  /** the fields a payload may go to, turn by turn */
  readonly fields: readonly string[];
  /** fields a real visitor fills in (valid answers) */
  readonly base: Readonly<Record<string, string>>;
  /** the upload form: multipart, with a small file */
  readonly multipart?: boolean;
}

/** One write route, ready to be fired at. */
export interface Target {
  /** `METHOD /pattern`, as in the router and the access matrix */
  readonly key: string;
  readonly method: string;
  /** concrete path (parameters filled) */
  readonly path: string;
  readonly credentials: Credentials;
  /** JSON body schema from the OpenAPI document; absent for routes without a JSON body */
  readonly schema?: JsonSchema;
  /** a minimal valid body (known good or generated from the schema) */
  readonly base?: unknown;
  readonly fields: readonly FieldTarget[];
  readonly plain?: PlainForm;
}

/** The field a value payload goes to: strings to string fields, dates to date fields, turn by turn. */
function fieldFor(target: Target, payload: ValuePayload, turn: number): FieldTarget | undefined {
  const ofKind = (kind: FieldTarget['kind']) => target.fields.filter((field) => field.kind === kind);
  let choices: readonly FieldTarget[] = target.fields;
  if (payload.aim === 'string') choices = [...ofKind('string'), ...ofKind('date')];
  if (payload.aim === 'date') choices = ofKind('date').length > 0 ? ofKind('date') : ofKind('string');
  if (choices.length === 0) choices = target.fields;
  return choices[turn % Math.max(1, choices.length)];
}

/** Body bytes and headers for a payload on a target (file payloads are fired by the upload flow, not here). */
export function requestFor(
  target: Target,
  payload: Exclude<Payload, { kind: 'file' }>,
  turn: number,
): { body: Buffer | string; headers: Record<string, string>; field: string } {
  if (target.plain) return plainRequestFor(target, target.plain, payload, turn);
  if (payload.kind === 'body') return { body: payload.bytes, headers: { ...payload.headers }, field: '(body)' };
  const field = fieldFor(target, payload, turn);
  const text = field && target.schema ? bodyWith(target.base, target.schema, field.path, payload.value) : (JSON.stringify(payload.value) ?? 'null');
  return { body: text, headers: { 'content-type': 'application/json' }, field: field ? field.path.join('.') : '(whole body)' };
}

/** A value as a form field: a string as typed, anything else as its JSON text; an object also lends its keys as field names (`__proto__`…). */
function formEntries(field: string, value: unknown): [string, string][] {
  if (typeof value === 'string') return [[field, value]];
  const text = JSON.stringify(value) ?? String(value);
  const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value as object) : [];
  return [[field, text], ...keys.map((key): [string, string] => [key, text])];
}

function multipart(entries: readonly [string, string][]): { body: Buffer; type: string } {
  const boundary = `----hostile${randomBytes(12).toString('hex')}`;
  const parts = entries.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n${value}\r\n`);
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\nUne note de test.\r\n`;
  return { body: Buffer.from(`${parts.join('')}${file}--${boundary}--\r\n`, 'utf8'), type: `multipart/form-data; boundary=${boundary}` };
}

/** A plain page's post: the payload in one field of a valid form (raw bodies declared as a form, so the form parser reads them). */
function plainRequestFor(
  target: Target,
  plain: PlainForm,
  payload: Exclude<Payload, { kind: 'file' }>,
  turn: number,
): { body: Buffer | string; headers: Record<string, string>; field: string } {
  const headers = { 'sec-fetch-site': 'same-origin' };
  if (payload.kind === 'body') {
    const type = plain.multipart ? 'multipart/form-data; boundary=x' : 'application/x-www-form-urlencoded';
    const declared = payload.headers['content-type'] === 'application/json' ? { ...payload.headers, 'content-type': type } : payload.headers;
    return { body: payload.bytes, headers: { ...declared, ...headers }, field: '(body)' };
  }
  const field = plain.fields[turn % plain.fields.length] as string;
  // A fresh one-time key, as every page gives: the upload form refuses a file whose key did not come first.
  const fields = new Map(Object.entries({ _token: plain.token, _once: randomBytes(24).toString('base64url'), ...plain.base }));
  fields.delete(field);
  const entries: [string, string][] = [...fields, ...formEntries(field, payload.value)];
  if (plain.multipart) {
    const { body, type } = multipart(entries);
    return { body, headers: { 'content-type': type, ...headers }, field };
  }
  return { body: new URLSearchParams(entries).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, field };
}

/** One hostile request; network errors (a reset connection) count as a failure of their own. */
export async function fire(baseUrl: string, target: Target, payload: Exclude<Payload, { kind: 'file' }>, turn: number): Promise<Shot> {
  const { body, headers, field } = requestFor(target, payload, turn);
  const all: Record<string, string> = {
    'accept-language': turn % 2 === 0 ? 'fr' : 'en',
    // Every request its own key: the intake must not answer a replay instead of reading the payload.
    'idempotency-key': randomBytes(24).toString('base64url'),
    ...headers,
  };
  if (target.credentials.cookie) all.cookie = target.credentials.cookie;
  if (target.credentials.csrfToken) all['x-csrf-token'] = target.credentials.csrfToken;
  const request = `${target.method} ${target.path}`;
  const label = `${payload.id} @ ${field}`;
  try {
    const response = await fetch(`${baseUrl}${target.path}`, {
      method: target.method,
      headers: all,
      body: typeof body === 'string' ? body : new Uint8Array(body),
      redirect: 'manual',
    });
    const shot = { payload: label, request, status: response.status, body: await response.text() };
    return target.plain ? { ...shot, page: true, ...(payload.kind === 'value' && typeof payload.value === 'string' ? { sent: payload.value } : {}) } : shot;
  } catch (error) {
    return { payload: label, request, status: 599, body: `connection failed: ${(error as Error).message}` };
  }
}

/** Runs `work` over `items`, `width` at a time, in order of start. */
export async function pool<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

/**
 * A sample of the corpus spread over every category (at least one of
 * each), about `size` payloads, the same each run.
 */
export function stratifiedSample<T extends { category: string }>(corpus: readonly T[], size: number): T[] {
  const byCategory = new Map<string, T[]>();
  for (const payload of corpus) byCategory.set(payload.category, [...(byCategory.get(payload.category) ?? []), payload]);
  const share = size / corpus.length;
  return [...byCategory.values()].flatMap((members) => {
    const take = Math.max(1, Math.round(members.length * share));
    const step = members.length / take;
    return Array.from({ length: take }, (_, i) => members[Math.floor(i * step)] as T);
  });
}
