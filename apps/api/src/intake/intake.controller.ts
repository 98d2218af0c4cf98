import { Controller, Headers, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { CallbackRequest, ProtectionRequest, SubmissionReceipt, negotiateLocale } from '@mnpddh/shared';
import { RetryAfterInterceptor } from '../common/rate-limited.js';
import { Public } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { ClientPuzzles } from '../public-work/client-puzzles.service.js';
import { PUZZLE_HEADER_DOC } from '../public-work/puzzle.controller.js';
import { IntakeService } from './intake.service.js';

const CallbackAnswer = z.object({ reference: z.string() });

@ApiTags('intake')
@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly puzzles: ClientPuzzles,
  ) {}

  @ApiOperation({ description: 'Submits a protection request; returns the follow-up receipt, shown once.' })
  @Post('requests')
  @Public()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random value; a retry with it returns the first answer.' })
  @ApiHeader(PUZZLE_HEADER_DOC)
  @ApiSchemas({ body: ProtectionRequest, responses: { 201: SubmissionReceipt } })
  async submit(
    @ValidBody(ProtectionRequest) request: ProtectionRequest,
    @Headers('idempotency-key') key?: string,
    @Headers('puzzle-solution') solution?: string,
    @Headers('accept-language') language?: string,
  ) {
    // The form sends its interface language: staff answer in it (kept encrypted with the request).
    return this.intake.submit(request, key, this.puzzles.redeem(solution), negotiateLocale(language));
  }

  @ApiOperation({ description: 'Asks to be called back by the mechanism: the minimal request, reachable from every public page.' })
  @Post('callback-requests')
  @Public()
  @HttpCode(201)
  @ApiHeader(PUZZLE_HEADER_DOC)
  @ApiSchemas({ body: CallbackRequest, responses: { 201: CallbackAnswer } })
  async callback(
    @ValidBody(CallbackRequest) request: CallbackRequest,
    @Headers('idempotency-key') key?: string,
    @Headers('puzzle-solution') solution?: string,
  ) {
    return this.intake.requestCallback(request, key, this.puzzles.redeem(solution));
  }
}
