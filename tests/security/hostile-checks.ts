/**
 * What every answer to a hostile request must be: never a 5xx; an error is
 * the shared ErrorBody and nothing else (no stack trace, no SQL, no file
 * path); and the process keeps its prototypes clean.
 */
import { ErrorBody } from '@mnpddh/shared';

export interface Shot {
  /** payload id, for the failure message */
  readonly payload: string;
  /** `METHOD /path` */
  readonly request: string;
  readonly status: number;
  readonly body: string;
  /** A page without JavaScript answered (HTML, not the API's JSON). */
  readonly page?: boolean;
  /** The text payload sent, to look for it unescaped in the page. */
  readonly sent?: string;
}

/** A leaked stack or exception. */
const STACK_TRACE: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>[\] ]+ \(?(?:file:\/\/|node:|\/)[^)\n]*:\d+:\d+\)?/,
  /\n\s+at /,
  /node_modules\//,
  /\/apps\/api\/(?:src|dist)\//,
  /"stack"\s*:/,
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|PrismaClient\w*Error|DriverAdapterError):/,
];

/** Database internals in an error body (payloads carry SQL of their own: only error bodies are searched). */
const SQL_TEXT: readonly RegExp[] = [
  /\bSELECT\b[\s\S]{1,200}\bFROM\b/i,
  /\bINSERT INTO\b/i,
  /\bviolates\b[\s\S]{1,80}\bconstraint\b/i,
  /syntax error at or near/i,
  /\bprisma\b/i,
  /\bpostgres(?:ql)?\b/i,
  /\brelation "\w+"/i,
];

/** The problems with one answer, as readable lines (empty when it is fine). */
export function problemsOf(shot: Shot): string[] {
  const where = `${shot.request} [${shot.payload}] → ${shot.status}`;
  const problems: string[] = [];
  if (shot.status >= 500) problems.push(`${where}: server error ${shot.body.slice(0, 200)}`);
  if (STACK_TRACE.some((pattern) => pattern.test(shot.body))) problems.push(`${where}: stack trace in body ${shot.body.slice(0, 300)}`);
  if (shot.status >= 400 && shot.body !== '') {
    if (SQL_TEXT.some((pattern) => pattern.test(shot.body))) problems.push(`${where}: database text in error ${shot.body.slice(0, 300)}`);
    if (shot.page && !isPage(shot.body)) problems.push(`${where}: not a page of the portal: ${shot.body.slice(0, 200)}`);
    if (!shot.page && !isErrorBody(shot.body)) problems.push(`${where}: not the shared ErrorBody: ${shot.body.slice(0, 200)}`);
  }
  // Markup a visitor typed comes back as text, never as markup.
  if (shot.page && shot.sent && /[<>"]/.test(shot.sent) && shot.body.includes(shot.sent)) problems.push(`${where}: the page repeats markup unescaped`);
  return problems;
}

/** A whole page of the portal, in the visitor's language. */
function isPage(text: string): boolean {
  return /^<!doctype html>\s*<html lang="(?:fr|en)"/i.test(text);
}

function isErrorBody(text: string): boolean {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

/** Own property names of the built-in prototypes a pollution would change. */
export function prototypeSnapshot(): string {
  const names = (target: object) => Object.getOwnPropertyNames(target).sort().join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(names).join('|');
}

/** The keys the corpus tries to plant, read from a fresh object. */
export function plantedKeys(): string[] {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'isAdmin', 'roles', 'admin', 'then'].filter((key) => probe[key] !== undefined);
}
