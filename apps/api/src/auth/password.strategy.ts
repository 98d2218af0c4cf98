import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { SignInRequest } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { readSessionCookie } from './session-cookie.js';
import { SignInService, type SignedIn } from './sign-in.service.js';

/**
 * passport-local for the password step, on a Passport instance of this
 * application's own. (@nestjs/passport registers strategies on passport's
 * process-wide default instance: two portals in one process, as in the
 * tests, would sign people in against each other's database.)
 */
@Injectable()
export class PasswordStrategy {
  readonly #passport = new passport.Passport();

  constructor(signIn: SignInService) {
    this.#passport.use(
      'local',
      new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false }, (request, email, password, done) => {
        // The body was parsed with LoginRequest by the LoginGuard before passport saw it.
        const { totp, securityKey } = request.body as SignInRequest;
        signIn.signIn({ email, password, totp, securityKey }, readSessionCookie(request)).then(
          (signedIn) => done(null, signedIn),
          (error: unknown) => done(error),
        );
      }),
    );
  }

  authenticate(request: Request, response: Response): Promise<SignedIn> {
    return new Promise((resolve, reject) => {
      const middleware = this.#passport.authenticate('local', { session: false }, (error: unknown, signedIn: SignedIn | false) => {
        if (error) reject(error);
        else if (!signedIn) reject(new AppError('UNAUTHENTICATED'));
        else resolve(signedIn);
      }) as (request: Request, response: Response, next: (error?: unknown) => void) => void;
      middleware(request, response, (error?: unknown) => reject(error ?? new AppError('UNAUTHENTICATED')));
    });
  }
}
