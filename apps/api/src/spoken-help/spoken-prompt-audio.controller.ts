import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { SPOKEN_PROMPT_TYPES, SpokenPromptKey } from '@mnpddh/shared';
import { Public } from '../common/access.decorators.js';
import { ApiFile } from '../common/openapi.js';
import { AppError } from '../common/app-error.js';
import { ValidParams } from '../common/valid-body.js';
import { SpokenPromptsService } from './spoken-prompts.service.js';

/**
 * A prompt for the defender, fetched only when they press "Écouter": from
 * this origin, never cached (a seized phone must not hold it: it says which
 * site was visited), never sniffed as anything but the audio it is.
 */
@ApiTags('spoken-help')
@Controller('spoken-prompts')
export class SpokenPromptAudioController {
  constructor(private readonly prompts: SpokenPromptsService) {}

  @ApiOperation({ description: 'Plays the recorded spoken help of one step of the request form, in one language.' })
  @Get(':language/:step')
  @Public()
  @ApiFile(...SPOKEN_PROMPT_TYPES)
  async play(@ValidParams(SpokenPromptKey) key: SpokenPromptKey, @Res() response: Response): Promise<void> {
    const audio = await this.prompts.audio(key);
    if (!audio) throw new AppError('NOT_FOUND');
    response.setHeader('Content-Type', audio.contentType);
    response.setHeader('Content-Length', String(audio.content.byteLength));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Disposition', 'inline');
    response.status(200).end(Buffer.from(audio.content));
  }
}
