import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { attachStaffSession } from '../common/current-staff.js';
import { readSessionCookie } from './session-cookie.js';
import { SessionService } from './session.service.js';
import { AppError } from '../common/app-error.js';
import { ACCESS_RULE, type AccessRule } from '../common/access.decorators.js';

/** Methods that change nothing: the only ones a session cookie alone may authorise. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: a handler is reachable only if it declares its access
 * (`@Public()`, `@Authenticated()` or `@Roles(…)`, on the handler or its
 * controller). For staff routes: a valid session (401), the role (403), and
 * on every write the session's CSRF token in X-CSRF-Token (403), on top of
 * the SameSite=Strict cookie.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new AppError('FORBIDDEN');
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const session = await this.sessions.resume(readSessionCookie(request), new Date());
    if (!session) throw new AppError('UNAUTHENTICATED');
    attachStaffSession(request, response, session);
    if (rule.kind === 'roles' && !rule.roles.some((role) => session.staff.roles.includes(role))) throw new AppError('FORBIDDEN');
    if (!SAFE_METHODS.has(request.method) && !session.csrfMatches(request.headers['x-csrf-token'])) throw new AppError('FORBIDDEN');
    return true;
  }
}
