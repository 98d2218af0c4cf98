import { Controller, Delete, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { negotiateLocale, SpokenPromptKey, SpokenPromptList, SpokenPromptStatus, SpokenPromptUpload } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseInput, ValidParams } from '../common/valid-body.js';
import { SpokenPromptsService } from './spoken-prompts.service.js';

const Recording = SpokenPromptUpload.pick({ audio: true });

/**
 * The admin's side of spoken help: which prompts exist, upload or replace
 * one (the recording's bytes as the body, whatever their declared type),
 * remove one. Admins only, each act audited.
 */
@ApiTags('spoken-help')
@Controller('admin/spoken-prompts')
export class SpokenPromptsController {
  constructor(private readonly prompts: SpokenPromptsService) {}

  @ApiOperation({ description: 'Lists the recorded spoken prompts, per step and language.' })
  @Get()
  @Roles('admin')
  @ApiSchemas({ responses: { 200: SpokenPromptList } })
  async list(): Promise<SpokenPromptList> {
    return { prompts: await this.prompts.list() };
  }

  @ApiOperation({ description: 'Uploads the recording of one spoken prompt.' })
  @Put(':step/:language')
  @Roles('admin')
  @ApiSchemas({ responses: { 200: SpokenPromptStatus } })
  async upload(
    @Req() request: Request,
    @CurrentStaff() admin: CurrentStaffMember,
    @ValidParams(SpokenPromptKey) key: SpokenPromptKey,
  ): Promise<SpokenPromptStatus> {
    const body = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
    const { audio } = parseInput(Recording, { audio: body }, negotiateLocale(request.headers['accept-language']));
    return this.prompts.upload(admin, key, audio);
  }

  @ApiOperation({ description: 'Removes the recording of one spoken prompt.' })
  @Delete(':step/:language')
  @Roles('admin')
  @HttpCode(204)
  @ApiSchemas({ responses: { 204: z.void() } })
  async remove(@CurrentStaff() admin: CurrentStaffMember, @ValidParams(SpokenPromptKey) key: SpokenPromptKey): Promise<void> {
    await this.prompts.remove(admin, key);
  }
}
