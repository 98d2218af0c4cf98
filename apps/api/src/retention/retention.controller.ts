import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  @Get('upcoming')
  @ApiSchemas({ responses: { 200: UpcomingExpiryList } })
  async upcoming(): Promise<UpcomingExpiryList> {
    return this.retention.upcoming();
  }

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
