import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { IntegrityStatus } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Authenticated, Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { IntegrityService } from './integrity.service.js';

/** The integrity banner (every staff member sees it) and its acknowledgement (admins). */
@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  @ApiOperation({ description: 'Shows whether the database still matches its integrity anchor.' })
  @Get()
  @Authenticated()
  @ApiSchemas({ responses: { 200: IntegrityStatus } })
  async status(): Promise<IntegrityStatus> {
    return this.integrity.status();
  }

  @ApiOperation({ description: 'Acknowledges an integrity alarm after it was investigated.' })
  @Post('acknowledge')
  @Roles('admin')
  @HttpCode(200)
  @ApiSchemas({ responses: { 200: IntegrityStatus } })
  async acknowledge(@CurrentStaff() admin: CurrentStaffMember): Promise<IntegrityStatus> {
    return this.integrity.acknowledge(admin);
  }
}
