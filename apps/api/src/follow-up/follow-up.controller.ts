import { Controller, Delete, Get, Headers, HttpCode, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { ConsentWithdrawal, FollowUpLogin, FollowUpMessage, FollowUpView, RequestDetails } from '@mnpddh/shared';
import { RetryAfterInterceptor } from '../common/rate-limited.js';
import { secureCookies } from '../auth/session-cookie.js';
import { Public } from '../common/access.decorators.js';
import { readCookie } from '../common/cookies.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { ClientPuzzles } from '../public-work/client-puzzles.service.js';
import { PUZZLE_HEADER_DOC } from '../public-work/puzzle.controller.js';
import { FollowUpService, type OpenFollowUp } from './follow-up.service.js';
import { z } from 'zod';

export const FOLLOW_UP_COOKIE = 'mnpddh_follow_up';
const COOKIE = FOLLOW_UP_COOKIE;

/**
 * Public routes, opened by a receipt rather than an account: the session
 * cookie (httpOnly, SameSite=Strict, this path only) is what authorises them.
 */
@ApiTags('follow-up')
@Controller('follow-up')
@UseInterceptors(RetryAfterInterceptor)
export class FollowUpController {
  readonly #cookie: CookieOptions;

  constructor(
    private readonly followUp: FollowUpService,
    private readonly puzzles: ClientPuzzles,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.#cookie = { httpOnly: true, sameSite: 'strict', path: '/api/follow-up', secure: secureCookies(runtime.config) };
  }

  @ApiOperation({ description: 'Opens a follow-up session for a defender with their receipt.' })
  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiHeader(PUZZLE_HEADER_DOC)
  @ApiSchemas({ body: FollowUpLogin, responses: { 200: FollowUpView } })
  async open(@ValidBody(FollowUpLogin) login: FollowUpLogin, @Res({ passthrough: true }) response: Response, @Headers('puzzle-solution') solution?: string) {
    const { cookie, view } = await this.followUp.open(login.receipt, this.puzzles.redeem(solution));
    response.cookie(COOKIE, cookie, this.#cookie);
    return FollowUpView.parse(view);
  }

  @ApiOperation({ description: "Shows the defender their case's status and messages." })
  @Get()
  @Public()
  @ApiSchemas({ responses: { 200: FollowUpView } })
  async view(@Req() request: Request) {
    return this.within(request, (session) => this.followUp.view(session));
  }

  @ApiOperation({ description: "Sends the defender's message to the mechanism." })
  @Post('messages')
  @Public()
  @HttpCode(201)
  @ApiSchemas({ body: FollowUpMessage, responses: { 201: FollowUpView } })
  async message(@ValidBody(FollowUpMessage) message: FollowUpMessage, @Req() request: Request) {
    return this.within(request, (session) => this.followUp.addMessage(session, message.body));
  }

  @ApiOperation({ description: "Adds details to the defender's request." })
  @Post('details')
  @Public()
  @HttpCode(201)
  @ApiSchemas({ body: RequestDetails, responses: { 201: FollowUpView } })
  async details(@ValidBody(RequestDetails) details: RequestDetails, @Req() request: Request) {
    return this.within(request, (session) => this.followUp.addDetails(session, details));
  }

  @ApiOperation({ description: 'Withdraws a consent the defender gave.' })
  @Post('consent')
  @Public()
  @HttpCode(201)
  @ApiSchemas({ body: ConsentWithdrawal, responses: { 201: FollowUpView } })
  async consent(@ValidBody(ConsentWithdrawal) withdrawal: ConsentWithdrawal, @Req() request: Request) {
    return this.within(request, (session) => this.followUp.withdrawConsent(session, withdrawal));
  }

  @ApiOperation({ description: "Closes the defender's follow-up session." })
  @Delete('session')
  @ApiSchemas({ responses: { 204: z.void() } })
  @Public()
  @HttpCode(204)
  async close(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const session = await this.followUp.resume(readCookie(request, COOKIE)).catch(() => null);
    if (session) {
      await this.followUp.close(session);
      session.threadKey.destroy();
    }
    response.clearCookie(COOKIE, this.#cookie);
  }

  private async within(request: Request, work: (session: OpenFollowUp) => Promise<FollowUpView>) {
    return this.followUp.within(readCookie(request, COOKIE), work);
  }
}
