import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../common/app-error.js';
import { BusyError } from '../common/busy.js';
import { setRetryAfter } from '../common/rate-limited.js';
import { isSaturated } from '../common/saturated.js';
import { logPublicFailure } from '../common/public-side-log.js';
import { ERROR_STATUS } from '@mnpddh/shared';
import { errorMessage, fieldMessage } from '../common/api-messages.js';
import { markFrenchFallbacks } from './french-fallback.js';
import type { FieldErrors } from './fields.js';
import { html, type Html } from './html.js';
import { pageFrame } from './page-frame.js';
import type { PlainContext } from './plain-context.js';

/** Sends a whole page (every response is already no-store: see security-headers.ts). */
export function sendPage(response: Response, context: PlainContext, main: Html, path: string, status = 200): void {
  response
    .status(status)
    .type('html')
    .send(markFrenchFallbacks(pageFrame(context, main, path), context.language, context.site.meta.dir === 'rtl'));
}

/** A service's field errors, worded for the page (a code such as `file_too_large` becomes its sentence). */
export function serviceFieldErrors(error: AppError, context: PlainContext): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of error.fields ?? []) errors[field] ??= fieldMessage(message, context.language)?.text ?? message;
  return errors;
}

/**
 * The same throttles as the API, answered as the API does: too many attempts
 * (429) or the public work's line full (503), with Retry-After, and the
 * form's own sentence. Undefined for any other error.
 */
export function refusedForLoad(response: Response, context: PlainContext, error: unknown): { status: number; message: string } | undefined {
  setRetryAfter(response, error);
  if (error instanceof AppError && error.code === 'RATE_LIMITED') return { status: 429, message: context.form.errors.rateLimited };
  if (error instanceof BusyError || (error instanceof AppError && error.code === 'BUSY')) return { status: 503, message: context.form.errors.busy };
  if (isSaturated(error)) {
    if (!response.headersSent) response.setHeader('Retry-After', '2');
    return { status: 503, message: context.form.errors.busy };
  }
  return undefined;
}

/** Anything unexpected: a plain page with the form's "server" wording; the log names the error type only, never content. */
export function sendFailure(response: Response, context: PlainContext, logger: Logger, error: unknown): void {
  const load = refusedForLoad(response, context, error);
  // The public side's rule: a code and the error class with the hour, never a time, a message or a path.
  if (!load && !refusedAsApi(context, error)) logPublicFailure(logger, error instanceof AppError ? error.code : 'INTERNAL', error, randomUUID());
  const refusal = load ?? refusedAsApi(context, error);
  const status = refusal?.status ?? 500;
  const text = refusal?.message ?? context.form.errors.server;
  sendPage(
    response,
    context,
    html`<article class="form-page"><h1>${text}</h1><p><a href="${context.href('/')}">${context.form.common.backHome}</a></p></article>`,
    '/',
    status,
  );
}

/**
 * A refusal the API would answer with a 4xx (a consent that is not this
 * case's, a thread changed by a post at the same moment, a body too large or
 * malformed for the form parser): the same status and the same sentence,
 * never a 500.
 */
function refusedAsApi(context: PlainContext, error: unknown): { status: number; message: string } | undefined {
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code];
    return status < 500 ? { status, message: errorMessage(error.code, context.language).text } : undefined;
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { status, message: errorMessage(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', context.language).text };
}
