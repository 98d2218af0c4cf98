import { Controller, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { CaseLinkInput, CaseLinkWritten, CaseUnlinkInput, CollectiveSubject } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
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

  @ApiOperation({ description: 'Links a case to another case (same person, same incident, same group).' })
  @Post('links')
  @ApiSchemas({ body: CaseLinkInput, responses: { 201: CaseLinkWritten } })
  async link(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(CaseLinkInput) body: CaseLinkInput,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<CaseLinkWritten> {
    return this.links.link(staff, params.id, body);
  }

  @ApiOperation({ description: 'Removes a link between two cases, with the reason.' })
  @Post('links/:linkId/unlink')
  @ApiSchemas({ body: CaseUnlinkInput, responses: { 201: CaseLinkWritten } })
  async unlink(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(CaseUnlinkInput) body: CaseUnlinkInput,
    @ValidParams(LinkParams) params: z.infer<typeof LinkParams>,
  ): Promise<CaseLinkWritten> {
    const { id, linkId } = params;
    return this.links.unlink(staff, id, linkId, body);
  }

  @ApiOperation({ description: 'Records that a case concerns a collective subject (an organisation, a community).' })
  @Post('collective-subject')
  @ApiSchemas({ body: CollectiveSubject, responses: { 201: Written } })
  async collective(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(CollectiveSubject) body: CollectiveSubject,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    const entry = await this.links.markCollective(staff, params.id, body);
    return written(entry);
  }
}
