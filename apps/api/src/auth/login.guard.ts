import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { negotiateLocale, SignInRequest } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { parseInput } from '../common/valid-body.js';
import { PasswordStrategy } from './password.strategy.js';
import { setRetryAfter } from '../common/rate-limited.js';
import type { SignedIn } from './sign-in.service.js';

const signedInRequests = new WeakMap<Request, SignedIn>();

/**
 * Parses the body with the shared schema (guards run before parameter
 * decorators), then lets passport-local run the whole sign-in.
 */
@Injectable()
export class LoginGuard implements CanActivate {
  constructor(private readonly strategy: PasswordStrategy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    request.body = parseInput(SignInRequest, request.body ?? {}, negotiateLocale(request.headers['accept-language']));
    try {
      signedInRequests.set(request, await this.strategy.authenticate(request, response));
    } catch (error) {
      setRetryAfter(response, error);
      throw error;
    }
    return true;
  }
}

/** What the LoginGuard produced for this request. */
export function signedInOf(request: Request): SignedIn {
  const signedIn = signedInRequests.get(request);
  if (!signedIn) throw new AppError('UNAUTHENTICATED');
  return signedIn;
}
