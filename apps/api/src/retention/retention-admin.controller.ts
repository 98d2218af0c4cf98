import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { RetentionPolicy } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { RetentionPolicyService } from './retention-policy.service.js';

/** Admins: the retention policy (months per final status, warning days). */
@ApiTags('retention')
@Controller('admin/retention')
@Roles('admin')
export class RetentionAdminController {
  constructor(private readonly policies: RetentionPolicyService) {}

  @ApiOperation({ description: 'Shows the retention periods in force.' })
  @Get()
  @ApiSchemas({ responses: { 200: RetentionPolicy } })
  async current(): Promise<RetentionPolicy> {
    return this.policies.current();
  }

  @ApiOperation({ description: 'Changes the retention periods.' })
  @Put()
  @ApiSchemas({ body: RetentionPolicy, responses: { 200: RetentionPolicy } })
  async update(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(RetentionPolicy) body: RetentionPolicy): Promise<RetentionPolicy> {
    return this.policies.update(staff.id, body);
  }
}
