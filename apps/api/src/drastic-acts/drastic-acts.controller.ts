import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { DrasticActList, DrasticActRequest, DrasticActView } from '@mnpddh/shared';
import { StaffIdParam } from '../admin/staff-id.param.js';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { DrasticActs } from './drastic-acts.service.js';
import { z } from 'zod';

/** Two people for drastic acts: admins and supervisors ask, and confirm each other's requests. */
@ApiTags('admin')
@Controller('admin/drastic-acts')
@Roles('admin', 'supervisor')
export class DrasticActsController {
  constructor(private readonly acts: DrasticActs) {}

  @ApiOperation({
    description: 'Lists the drastic acts on staff accounts (deactivation, revocation for cause, reinstatement) and who must still confirm them.',
  })
  @Get()
  @ApiSchemas({ responses: { 200: DrasticActList } })
  async list(): Promise<DrasticActList> {
    return this.acts.list();
  }

  @ApiOperation({ description: 'Requests a drastic act on a staff account, which a second person must confirm.' })
  @Post()
  @ApiSchemas({ body: DrasticActRequest, responses: { 201: DrasticActView } })
  async request(@CurrentStaff() requester: CurrentStaffMember, @ValidBody(DrasticActRequest) body: DrasticActRequest): Promise<DrasticActView> {
    return this.acts.request(requester, body);
  }

  @ApiOperation({ description: 'Confirms a drastic act on a staff account requested by someone else.' })
  @Post(':id/confirm')
  @ApiSchemas({ responses: { 204: z.void() } })
  @HttpCode(204)
  async confirm(@CurrentStaff() confirmer: CurrentStaffMember, @StaffIdParam() id: string): Promise<void> {
    await this.acts.confirm(confirmer, id);
  }
}
