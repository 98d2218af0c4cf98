import { Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { CaseLinkInput, CaseLinkWritten, CaseUnlinkInput, CollectiveSubject } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseParams, ValidBody } from '../common/valid-body.js';
import { CaseParams, Written, written } from './journal-written.js';
import { CaseLinksService } from './case-links.service.js';

const LinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });


/**
 * Links between cases and collective subjects, for the supervisors and
 * caseworkers who hold the case (403 otherwise, as on every case-work
 * route); the other case of a link must be held too (404 otherwise, never
 * saying whether it exists).
 */
@ApiTags('case work')
@Controller('cases/:id')
@Roles('supervisor', 'caseworker')
export class CaseLinksController {
  constructor(private readonly links: CaseLinksService) {}

  @Post('links')
  @ApiSchemas({ body: CaseLinkInput, responses: { 201: CaseLinkWritten } })
  async link(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseLinkInput) body: CaseLinkInput): Promise<CaseLinkWritten> {
    return this.links.link(staff, parseParams(CaseParams, request).id, body);
  }

  @Post('links/:linkId/unlink')
  @ApiSchemas({ body: CaseUnlinkInput, responses: { 201: CaseLinkWritten } })
  async unlink(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseUnlinkInput) body: CaseUnlinkInput): Promise<CaseLinkWritten> {
    const { id, linkId } = parseParams(LinkParams, request);
    return this.links.unlink(staff, id, linkId, body);
  }

  @Post('collective-subject')
  @ApiSchemas({ body: CollectiveSubject, responses: { 201: Written } })
  async collective(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(CollectiveSubject) body: CollectiveSubject) {
    const entry = await this.links.markCollective(staff, parseParams(CaseParams, request).id, body);
    return written(entry);
  }
}
