import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { ReferenceCode, ReferenceData, ReferenceItem, ReferenceItemInput, ReferenceListName } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Authenticated, Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { ReferenceService } from './reference.service.js';

const ItemParams = z.object({ list: ReferenceListName, code: ReferenceCode });

@ApiTags('reference')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  /** Every signed-in role: labels for the dashboard and the reports. */
  @ApiOperation({ description: 'Lists the reference lists (regions, threat types, measures) with their labels.' })
  @Get('reference')
  @Authenticated()
  @ApiSchemas({ responses: { 200: ReferenceData } })
  async list(): Promise<ReferenceData> {
    return { items: await this.reference.all() };
  }

  @ApiOperation({ description: 'Adds or changes one entry of a reference list.' })
  @Put('admin/reference/:list/:code')
  @Roles('admin')
  @ApiSchemas({ body: ReferenceItemInput, responses: { 200: ReferenceItem } })
  async save(
    @CurrentStaff() admin: CurrentStaffMember,
    @ValidBody(ReferenceItemInput) input: ReferenceItemInput,
    @ValidParams(ItemParams) params: z.infer<typeof ItemParams>,
  ): Promise<ReferenceItem> {
    const { list, code } = params;
    return this.reference.save(admin, list, code, input);
  }
}
