import { AppError } from './app-error.js';

/**
 * BUSY (503): the work pool is full or the wait in line ran out. Unlike
 * RATE_LIMITED it says nothing about the caller: nobody did anything wrong,
 * the portal is saturated; come back after Retry-After.
 */
export class BusyError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('BUSY');
  }
}
