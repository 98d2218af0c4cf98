import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { AlertList, AlertView, JunkBurst, JunkBurstResult } from '@mnpddh/shared';
import { StaffIdParam as UuidParam } from '../admin/staff-id.param.js';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { AlertsService } from './alerts.service.js';
import { JunkBursts } from './junk-bursts.service.js';

/** The alerts of the signed-in supervisor or caseworker; acknowledging one stops its escalation. */
@ApiTags('alerts')
@Controller('alerts')
@Roles('supervisor', 'caseworker')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly junk: JunkBursts,
  ) {}

  @ApiOperation({ description: 'Lists the alerts addressed to the caller (urgent requests, escalations).' })
  @Get()
  @ApiSchemas({ responses: { 200: AlertList } })
  async list(@CurrentStaff() staff: CurrentStaffMember): Promise<AlertList> {
    return this.alerts.listFor(staff);
  }

  /** A supervisor marks a flood of fake requests as junk: acknowledged, audited, left out of the statistics. */
  @ApiOperation({ description: 'Marks a flood of fake requests as junk: acknowledged, audited, left out of the statistics.' })
  @Post('junk')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiSchemas({ body: JunkBurst, responses: { 200: JunkBurstResult } })
  async markJunk(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(JunkBurst) burst: JunkBurst): Promise<JunkBurstResult> {
    return this.junk.mark(staff, burst);
  }

  /** Whoever the alert reached, a supervisor, or the on-call staff while nobody has answered (403 otherwise). */
  @ApiOperation({ description: 'Acknowledges an alert, so the rota stops escalating it.' })
  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiSchemas({ responses: { 200: AlertView } })
  async acknowledge(@CurrentStaff() staff: CurrentStaffMember, @UuidParam() id: string): Promise<AlertView> {
    return this.alerts.acknowledge(staff, id);
  }
}
