import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffSessionContext } from '../common/current-staff.js';
import type { SessionService } from './session.service.js';
import { generateIdentityKeyPair } from '../crypto/index.js';
import { AccessGuard } from './access.guard.js';
import { Authenticated, Public, Roles } from '../common/access.decorators.js';
import { AppError } from '../common/app-error.js';

class Routes {
  undeclared() {}
  @Public() open() {}
  @Authenticated() signedIn() {}
  @Roles('admin', 'supervisor') adminOrSupervisor() {}
}

@Roles('admin')
class AdminRoutes {
  list() {}
  @Public() exception() {}
}

const COOKIE = `mnpddh_session=${'a'.repeat(43)}.${'b'.repeat(43)}`;

function session(roles: StaffSessionContext['staff']['roles']): StaffSessionContext {
  return {
    staff: { id: 'u', email: 'u@cndh.ml', name: 'U', roles, onCall: false, keyPair: generateIdentityKeyPair() },
    idHash: 'h',
    lastSeenAt: new Date(),
    expiresAt: new Date(),
    csrfToken: 'token',
    csrfMatches: (presented) => presented === 'token',
  };
}

function context(controller: new () => object, handler: string, request: { method?: string; headers?: Record<string, string> } = {}) {
  const response = new EventEmitter();
  const http = { method: 'GET', headers: { cookie: COOKIE }, ...request };
  return {
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => http, getResponse: () => response }),
  } as unknown as ExecutionContext;
}

function guard(found: StaffSessionContext | null) {
  return new AccessGuard(new Reflector(), { resume: () => Promise.resolve(found) } as unknown as SessionService);
}

async function codeOf(run: Promise<boolean>): Promise<string> {
  try {
    await run;
    return 'ALLOWED';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('AccessGuard', () => {
  it('refuses a route that declares no access, even to a signed-in admin', async () => {
    const sut = guard(session(['admin']));
    expect(await codeOf(sut.canActivate(context(Routes, 'undeclared')))).toBe('FORBIDDEN');
  });

  it('opens @Public() routes without looking for a session', async () => {
    const sut = guard(null);
    expect(await codeOf(sut.canActivate(context(Routes, 'open')))).toBe('ALLOWED');
    expect(await codeOf(sut.canActivate(context(AdminRoutes, 'exception')))).toBe('ALLOWED');
  });

  it('needs a session for @Authenticated() and @Roles() routes (401)', async () => {
    const sut = guard(null);
    expect(await codeOf(sut.canActivate(context(Routes, 'signedIn')))).toBe('UNAUTHENTICATED');
    expect(await codeOf(sut.canActivate(context(Routes, 'adminOrSupervisor')))).toBe('UNAUTHENTICATED');
    expect(await codeOf(sut.canActivate(context(AdminRoutes, 'list')))).toBe('UNAUTHENTICATED');
  });

  it('needs one of the roles (403), on the handler or the controller', async () => {
    expect(await codeOf(guard(session(['caseworker'])).canActivate(context(Routes, 'adminOrSupervisor')))).toBe('FORBIDDEN');
    expect(await codeOf(guard(session(['caseworker', 'supervisor'])).canActivate(context(Routes, 'adminOrSupervisor')))).toBe('ALLOWED');
    expect(await codeOf(guard(session(['supervisor'])).canActivate(context(AdminRoutes, 'list')))).toBe('FORBIDDEN');
    expect(await codeOf(guard(session(['caseworker'])).canActivate(context(Routes, 'signedIn')))).toBe('ALLOWED');
  });

  it('needs the CSRF token on every write with a session (403), not on reads', async () => {
    const sut = guard(session(['admin']));
    expect(await codeOf(sut.canActivate(context(AdminRoutes, 'list', { method: 'POST' })))).toBe('FORBIDDEN');
    expect(await codeOf(sut.canActivate(context(AdminRoutes, 'list', { method: 'PATCH', headers: { cookie: COOKIE, 'x-csrf-token': 'forged' } })))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(sut.canActivate(context(AdminRoutes, 'list', { method: 'POST', headers: { cookie: COOKIE, 'x-csrf-token': 'token' } })))).toBe(
      'ALLOWED',
    );
    expect(await codeOf(sut.canActivate(context(AdminRoutes, 'list', { method: 'HEAD' })))).toBe('ALLOWED');
  });

  it('zeroes the request’s key pair when the response closes', async () => {
    const found = session(['caseworker']);
    const sut = guard(found);
    const ctx = context(Routes, 'signedIn');
    await sut.canActivate(ctx);
    expect(found.staff.keyPair.destroyed).toBe(false);
    (ctx.switchToHttp().getResponse() as EventEmitter).emit('close');
    expect(found.staff.keyPair.destroyed).toBe(true);
  });
});
