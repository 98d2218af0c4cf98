import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { PurgeConfirmation, RetentionExtension, UpcomingExpiryList } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { CaseIdParam } from './case-id.param.js';
import { RetentionService } from './retention.service.js';
import { z } from 'zod';

/** Supervisors: cases nearing expiry (clear index only), extensions, legal-hold confirmations. */
@ApiTags('retention')
@Controller('retention')
@Roles('supervisor')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @ApiOperation({ description: 'Lists the cases whose retention period ends soon.' })
  @Get('upcoming')
  @ApiSchemas({ responses: { 200: UpcomingExpiryList } })
  async upcoming(): Promise<UpcomingExpiryList> {
    return this.retention.upcoming();
  }

  @ApiOperation({ description: "Extends a case's retention period, with the reason." })
  @Post(':caseId/extend')
  @HttpCode(204)
  @ApiSchemas({ body: RetentionExtension, responses: { 204: z.void() } })
  async extend(
    @CurrentStaff() staff: CurrentStaffMember,
    @CaseIdParam() caseId: string,
    @ValidBody(RetentionExtension) body: RetentionExtension,
  ): Promise<void> {
    await this.retention.extend(staff, caseId, body);
  }

  @ApiOperation({ description: 'Confirms that a case past its retention period may be purged.' })
  @Post(':caseId/confirm-purge')
  @HttpCode(204)
  @ApiSchemas({ body: PurgeConfirmation, responses: { 204: z.void() } })
  async confirmPurge(
    @CurrentStaff() staff: CurrentStaffMember,
    @CaseIdParam() caseId: string,
    @ValidBody(PurgeConfirmation) body: PurgeConfirmation,
  ): Promise<void> {
    await this.retention.confirmPurge(staff, caseId, body);
  }
}
