import { Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { Partner, PartnerInput, PartnerList } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { PartnersService } from './partners.service.js';

const PartnerParams = z.object({ id: z.uuid() });

/** The partner directory: staff who refer cases read it; admins and supervisors keep it. */
@ApiTags('partners')
@Controller()
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @ApiOperation({ description: 'Lists the partner organisations cases can be referred to.' })
  @Get('partners')
  @Roles('supervisor', 'caseworker', 'admin')
  @ApiSchemas({ responses: { 200: PartnerList } })
  async list(): Promise<PartnerList> {
    return { items: await this.partners.list() };
  }

  @ApiOperation({ description: 'Adds a partner organisation to the signed directory.' })
  @Post('admin/partners')
  @Roles('admin', 'supervisor')
  @ApiSchemas({ body: PartnerInput, responses: { 201: Partner } })
  async create(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(PartnerInput) input: PartnerInput): Promise<Partner> {
    return this.partners.create(staff, input);
  }

  @ApiOperation({ description: 'Changes a partner organisation in the signed directory.' })
  @Put('admin/partners/:id')
  @Roles('admin', 'supervisor')
  @ApiSchemas({ body: PartnerInput, responses: { 200: Partner } })
  async update(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(PartnerInput) input: PartnerInput,
    @ValidParams(PartnerParams) params: z.infer<typeof PartnerParams>,
  ): Promise<Partner> {
    const { id } = params;
    return this.partners.update(staff, id, input);
  }
}
