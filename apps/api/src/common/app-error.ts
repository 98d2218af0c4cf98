import type { ErrorCode, FieldError } from '@mnpddh/shared';

/** The one error type services throw; the filter turns it into a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}
