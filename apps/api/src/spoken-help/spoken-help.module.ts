import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { SPOKEN_PROMPT_MAX_BYTES } from '@mnpddh/shared';
import { AuthModule } from '../auth/auth.module.js';
import { AppError } from '../common/app-error.js';
import { SpokenPromptAudioController } from './spoken-prompt-audio.controller.js';
import { SpokenPromptsController } from './spoken-prompts.controller.js';
import { SpokenPromptsRepository } from './spoken-prompts.repository.js';
import { SpokenPromptsService } from './spoken-prompts.service.js';

/** Any declared type: the recording's type is read from its bytes. */
const rawRecording = express.raw({ type: () => true, limit: SPOKEN_PROMPT_MAX_BYTES });

/** A recording over the cap is refused with the reason, before a byte more is read. */
function recordingBody(request: Request, response: Response, next: NextFunction): void {
  rawRecording(request, response, (error?: unknown) => {
    const status = (error as { status?: unknown } | undefined)?.status;
    next(status === 413 ? new AppError('PAYLOAD_TOO_LARGE', [{ field: 'audio', message: 'prompt_too_large' }]) : error);
  });
}

/** Spoken help: prompts the mechanism recorded, uploaded by admins, played by defenders on demand. */
@Module({
  imports: [AuthModule],
  controllers: [SpokenPromptsController, SpokenPromptAudioController],
  providers: [SpokenPromptsService, SpokenPromptsRepository],
  exports: [SpokenPromptsService],
})
export class SpokenHelpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(recordingBody).forRoutes({ path: 'admin/spoken-prompts/:step/:language', method: RequestMethod.PUT });
  }
}
