import { Controller, Delete, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { negotiateLocale, SpokenPromptKey, SpokenPromptList, SpokenPromptStatus, SpokenPromptUpload } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseInput, parseParams } from '../common/valid-body.js';
import { SpokenPromptsService } from './spoken-prompts.service.js';

/**
 * The admin's side of spoken help: which prompts exist, upload or replace
 * one (the recording's bytes as the body, whatever their declared type),
 * remove one. Admins only, each act audited.
 */
@ApiTags('spoken-help')
@Controller('admin/spoken-prompts')
export class SpokenPromptsController {
  constructor(private readonly prompts: SpokenPromptsService) {}

  @Get()
  @Roles('admin')
  @ApiSchemas({ responses: { 200: SpokenPromptList } })
  async list(): Promise<SpokenPromptList> {
    return SpokenPromptList.parse({ prompts: await this.prompts.list() });
  }

  @Put(':step/:language')
  @Roles('admin')
  @ApiSchemas({ responses: { 200: SpokenPromptStatus } })
  async upload(@Req() request: Request, @CurrentStaff() admin: CurrentStaffMember): Promise<SpokenPromptStatus> {
    const audio = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
    const { step, language, audio: bytes } = parseInput(SpokenPromptUpload, { ...request.params, audio }, negotiateLocale(request.headers['accept-language']));
    return SpokenPromptStatus.parse(await this.prompts.upload(admin, { step, language }, bytes));
  }

  @Delete(':step/:language')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Req() request: Request, @CurrentStaff() admin: CurrentStaffMember): Promise<void> {
    await this.prompts.remove(admin, parseParams(SpokenPromptKey, request));
  }
}
