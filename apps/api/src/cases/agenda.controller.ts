import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { Agenda } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { AgendaService } from './agenda.service.js';

/** GET /api/agenda — the caller's own agenda (assigned cases only); hearings are added on the case (CaseWorkController). */
@ApiTags('case work')
@Controller('agenda')
@Roles('supervisor', 'caseworker')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @ApiOperation({ description: "Lists the caller's coming agenda events and overdue deadlines." })
  @Get()
  @ApiSchemas({ responses: { 200: Agenda } })
  async mine(@CurrentStaff() staff: CurrentStaffMember): Promise<Agenda> {
    return this.agenda.agendaFor(staff);
  }
}
