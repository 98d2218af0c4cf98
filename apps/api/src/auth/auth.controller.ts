import { Controller, Get, HttpCode, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActivateRequest, ActivateResponse, ChangePasswordRequest, SessionInfo, SessionState, SignInRequest, type Locale } from '@mnpddh/shared';
import { Authenticated, Public } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { ActivationService } from './activation.service.js';
import { attachStaffSession, staffSessionOf } from '../common/current-staff.js';
import { LoginGuard, signedInOf } from './login.guard.js';
import { PasswordChangeService } from './password-change.service.js';
import { RetryAfterInterceptor } from '../common/rate-limited.js';
import { RequestLocale } from './request-locale.js';
import { readSessionCookie, SessionCookie } from './session-cookie.js';
import { sessionInfo, SessionService } from './session.service.js';
import { SignInService } from './sign-in.service.js';
import { z } from 'zod';

@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly cookie: SessionCookie,
    private readonly signIn: SignInService,
    private readonly activation: ActivationService,
    private readonly passwordChange: PasswordChangeService,
    private readonly sessions: SessionService,
  ) {}

  /** Password (passport-local), second factor, key pair, new session: all in the LoginGuard. */
  @ApiOperation({ description: 'Signs a staff member in: password, second factor, then a new session.' })
  @Post('login')
  @Public()
  @UseGuards(LoginGuard)
  @HttpCode(200)
  @ApiSchemas({ body: SignInRequest, responses: { 200: SessionInfo } })
  login(@Req() request: Request, @Res({ passthrough: true }) response: Response): SessionInfo {
    const { cookie, info } = signedInOf(request);
    this.cookie.set(response, cookie);
    return SessionInfo.parse(info);
  }

  /** Counts as activity: the dashboard's "stay signed in". */
  @ApiOperation({ description: "Returns the caller's session and counts as activity (stay signed in)." })
  @Get('session')
  @Authenticated()
  @ApiSchemas({ responses: { 200: SessionInfo } })
  session(@Req() request: Request): SessionInfo {
    const session = staffSessionOf(request);
    return SessionInfo.parse(sessionInfo(session.staff, session));
  }

  /**
   * The same answer without a 401 when there is no session: a sign-in page
   * load asks it, and a browser logs every 401 as a console error. Resumes the
   * session exactly as the access guard does (and so counts as activity).
   */
  @ApiOperation({ description: 'Returns the session if there is one, without a 401 when there is none.' })
  @Get('session/state')
  @Public()
  @ApiSchemas({ responses: { 200: SessionState } })
  async sessionState(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionState> {
    const session = await this.sessions.resume(readSessionCookie(request), new Date());
    if (!session) return { session: null };
    attachStaffSession(request, response, session);
    return SessionState.parse({ session: sessionInfo(session.staff, session) });
  }

  @ApiOperation({ description: 'Signs the caller out and ends the session.' })
  @Post('logout')
  @ApiSchemas({ responses: { 204: z.void() } })
  @Authenticated()
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.signIn.signOut(staffSessionOf(request));
    this.cookie.clear(response);
  }

  @ApiOperation({ description: 'Activates an invited or reset account: sets the password and the second factor.' })
  @Post('activate')
  @Public()
  @HttpCode(200)
  @ApiSchemas({ body: ActivateRequest, responses: { 200: ActivateResponse } })
  async activate(@ValidBody(ActivateRequest) body: ActivateRequest, @RequestLocale() locale: Locale): Promise<ActivateResponse> {
    return this.activation.activate(body, locale);
  }

  @ApiOperation({ description: "Changes the caller's password." })
  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiSchemas({ body: ChangePasswordRequest, responses: { 204: z.void() } })
  async changePassword(@Req() request: Request, @ValidBody(ChangePasswordRequest) body: ChangePasswordRequest, @RequestLocale() locale: Locale): Promise<void> {
    await this.passwordChange.change(staffSessionOf(request), body, locale);
  }
}
