import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { RotaUpdate, StaffDirectory } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { RotaService } from './rota.service.js';

/**
 * The on-call rota: the staff on it first, in escalation order, then the
 * other active staff. Putting someone on it makes them receive every new
 * case (their certificate is re-issued).
 */
@ApiTags('admin')
@Controller('admin/rota')
@Roles('admin', 'supervisor')
export class RotaController {
  constructor(private readonly rota: RotaService) {}

  @ApiOperation({ description: 'Shows the on-call rota and its escalation delays.' })
  @Get()
  @ApiSchemas({ responses: { 200: StaffDirectory } })
  async view(): Promise<StaffDirectory> {
    return this.rota.view();
  }

  @ApiOperation({ description: 'Changes the on-call rota and its escalation delays.' })
  @Put()
  @ApiSchemas({ body: RotaUpdate, responses: { 200: StaffDirectory } })
  async update(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(RotaUpdate) body: RotaUpdate): Promise<StaffDirectory> {
    return this.rota.update(staff, body);
  }
}
