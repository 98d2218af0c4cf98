import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type SiteLocale, staffLocaleOf } from '@mnpddh/shared';
import { answerLanguage, errorMessage, fieldMessage, type Worded } from './api-messages.js';
import { AppError } from './app-error.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { areaOf } from './host-separation.js';
import { logPublicFailure } from './public-side-log.js';
import { errorPage, homeOf, wantsPage } from './error-page.js';
import { setRetryAfter } from './rate-limited.js';
import { isSaturated } from './saturated.js';
import type { Logger } from 'pino';

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['SERVICE_UNAVAILABLE', 'BUSY', 'RATE_LIMITED', 'INTERNAL']);

/**
 * Every error leaves the API as { error: { code, message, retryable, ... } }
 * in the user's language. Nothing from the exception itself (stack, SQL,
 * internal ids) reaches the client: unknown errors are logged under a
 * correlation id and answered with that id alone.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const code = this.codeOf(exception);
    const language = languageOf(request);
    const message = errorMessage(code, language);
    const body: ErrorBody = { error: { code, message: message.text, retryable: RETRYABLE.has(code) } };
    const worded: Worded[] = [message];
    // Services raise our own validation codes; they are worded here, once, in the caller's language.
    if (exception instanceof AppError && exception.fields) {
      // Anything else is zod's own wording, already in French or English (valid-body.ts).
      const reasons = exception.fields.map((f) => ({
        field: f.field,
        worded: fieldMessage(f.message, language) ?? { text: f.message, lang: staffLocaleOf(language) },
      }));
      body.error.fields = reasons.map((r) => ({ field: r.field, message: r.worded.text }));
      worded.push(...reasons.map((r) => r.worded));
      // A refusal says why, first: the reason is the message, not a generic line with the reason tucked in a field.
      const reason = reasons[0]?.worded;
      if (code !== 'VALIDATION_FAILED' && reason) {
        body.error.message = reason.text;
        worded.unshift(reason);
      }
    }
    setRetryAfter(response, exception);
    // The database away (stopped, restarting) or saturated (no connection, transaction timed out): try again shortly.
    if (code === 'SERVICE_UNAVAILABLE' && !response.headersSent) response.setHeader('Retry-After', '2');
    if (code === 'INTERNAL' || code === 'SERVICE_UNAVAILABLE') {
      const correlationId = randomUUID();
      body.error.correlationId = correlationId;
      if (areaOf(request.path) === 'staff') this.logger.error({ correlationId, err: exception }, 'request failed');
      else logPublicFailure(this.logger, code, exception, correlationId);
    }
    if (response.headersSent) return;
    // The languages the answer is really in: French shown in place of a missing translation says so.
    response.setHeader('Content-Language', [...new Set(worded.map((w) => w.lang))].join(', '));
    if (wantsPage(request)) {
      response
        .status(ERROR_STATUS[code])
        .type('html')
        .send(errorPage(body, staffLocaleOf(language), homeOf(request)));
      return;
    }
    response.status(ERROR_STATUS[code]).json(body);
  }

  private codeOf(exception: unknown): ErrorCode {
    if (exception instanceof AppError) return exception.code;
    if (isDatabaseUnavailable(exception) || isSaturated(exception)) return 'SERVICE_UNAVAILABLE';
    const status = statusOf(exception);
    return STATUS_CODES[status] ?? (status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL');
  }
}

/**
 * The public side answers in the page's language (the web app sends it as
 * Accept-Language); staff pages, and a refusal shown as a page of its own,
 * in French or English.
 */
function languageOf(request: Request): SiteLocale {
  const language = answerLanguage(request.headers['accept-language']);
  return areaOf(request.path) === 'staff' || wantsPage(request) ? staffLocaleOf(language) : language;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Status of a Nest HttpException or of an express/body-parser error. */
function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception === 'object' && exception !== null) {
    const status = (exception as { status?: unknown; statusCode?: unknown }).status ?? (exception as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return status;
  }
  return 500;
}
