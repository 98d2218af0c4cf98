import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { StaffRole } from '@mnpddh/shared';
import { AppError } from './app-error.js';
import type { IdentityKeyPair } from '../crypto/index.js';

/** The signed-in staff member of a request. */
export interface CurrentStaffMember {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  /** from the row, and only because its certificate still matches it */
  readonly roles: readonly StaffRole[];
  readonly onCall: boolean;
  /**
   * Their key pair, unwrapped from the session for this request only: it is
   * destroyed (zeroed) when the response closes. Never keep it beyond.
   */
  readonly keyPair: IdentityKeyPair;
  /** The session this request runs in (its decrypted journals are kept for it, and die with it). */
  readonly session?: { readonly idHash: string; readonly expiresAt: Date };
}

/** A valid session as the access guard found it. */
export interface StaffSessionContext {
  readonly staff: CurrentStaffMember;
  readonly idHash: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly csrfToken: string;
  /** Constant-time check of an X-CSRF-Token header. */
  csrfMatches(presented: unknown): boolean;
}

// Kept off the request object itself: nothing can serialise or log it by accident.
const contexts = new WeakMap<Request, StaffSessionContext>();

export function attachStaffSession(request: Request, response: Response, context: StaffSessionContext): void {
  contexts.set(request, context);
  response.once('close', () => context.staff.keyPair.destroy());
}

/** The session of an authenticated request; UNAUTHENTICATED on a route that is public by mistake. */
export function staffSessionOf(request: Request): StaffSessionContext {
  const context = contexts.get(request);
  if (!context) throw new AppError('UNAUTHENTICATED');
  return context;
}

/** `@CurrentStaff() staff: CurrentStaffMember` on a route marked `@Authenticated()` or `@Roles(…)`. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CurrentStaffMember => staffSessionOf(context.switchToHttp().getRequest<Request>()).staff,
);
