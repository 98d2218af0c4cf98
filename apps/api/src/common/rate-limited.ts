import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { AppError } from './app-error.js';
import { BusyError } from './busy.js';

/** RATE_LIMITED with the number of seconds to wait, sent as Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED');
  }
}

/** The error filter writes the body; the header must be set before it runs. */
export function setRetryAfter(response: Response, error: unknown): void {
  if ((error instanceof RateLimitedError || error instanceof BusyError) && !response.headersSent) {
    response.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  }
}

/** For handlers that may throw RateLimitedError (guards set the header themselves). */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        setRetryAfter(response, error);
        return throwError(() => error);
      }),
    );
  }
}
