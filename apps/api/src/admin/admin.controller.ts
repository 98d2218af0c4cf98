import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import {
  ActivationLink,
  InviteStaffRequest,
  PasswordResetImpact,
  PasswordResetRequest,
  StaffDirectory,
  StaffSummary,
  UpdateStaffRequest,
} from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { PasswordResetService } from './password-reset.service.js';
import { StaffAdminService } from './staff-admin.service.js';
import { StaffIdParam } from './staff-id.param.js';
import { z } from 'zod';

/** Account administration; responses go through the shared schemas so internal columns stay in. */
@ApiTags('admin')
@Controller('admin/staff')
@Roles('admin')
export class AdminController {
  constructor(
    private readonly staff: StaffAdminService,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @ApiOperation({ description: 'Lists the staff accounts with their roles and state.' })
  @Get()
  @ApiSchemas({ responses: { 200: StaffDirectory } })
  async list(): Promise<StaffDirectory> {
    return this.staff.directoryOfStaff();
  }

  @ApiOperation({ description: 'Invites a new staff member: creates the account and returns a one-time activation link.' })
  @Post()
  @ApiSchemas({ body: InviteStaffRequest, responses: { 201: ActivationLink } })
  async invite(@CurrentStaff() admin: CurrentStaffMember, @ValidBody(InviteStaffRequest) body: InviteStaffRequest): Promise<ActivationLink> {
    return this.staff.invite(admin, body);
  }

  @ApiOperation({ description: "Changes a staff member's name or roles." })
  @Patch(':id')
  @ApiSchemas({ body: UpdateStaffRequest, responses: { 200: StaffSummary } })
  async update(
    @CurrentStaff() admin: CurrentStaffMember,
    @StaffIdParam() id: string,
    @ValidBody(UpdateStaffRequest) body: UpdateStaffRequest,
  ): Promise<StaffSummary> {
    return this.staff.update(admin, id, body);
  }

  @ApiOperation({ description: 'Deactivates a staff account and ends its sessions.' })
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiSchemas({ responses: { 200: StaffSummary } })
  async deactivate(@CurrentStaff() admin: CurrentStaffMember, @StaffIdParam() id: string): Promise<StaffSummary> {
    return this.staff.deactivate(admin, id);
  }

  @ApiOperation({ description: 'Ends every open session of a staff member.' })
  @Post(':id/end-sessions')
  @ApiSchemas({ responses: { 204: z.void() } })
  @HttpCode(204)
  async endSessions(@CurrentStaff() admin: CurrentStaffMember, @StaffIdParam() id: string): Promise<void> {
    await this.staff.endSessions(admin, id);
  }

  @ApiOperation({ description: "Resets a staff member's second factor, so they enrol a new one at next sign-in." })
  @Post(':id/reset-second-factor')
  @ApiSchemas({ responses: { 201: ActivationLink } })
  async resetSecondFactor(@CurrentStaff() admin: CurrentStaffMember, @StaffIdParam() id: string): Promise<ActivationLink> {
    return this.staff.resetSecondFactor(admin, id);
  }

  /** What a password reset would end, and what it does to the escrow: shown before the admin confirms. */
  @ApiOperation({ description: 'Shows what a password reset would end (sessions, case access, escrow share) before it is confirmed.' })
  @Get(':id/reset-impact')
  @ApiSchemas({ responses: { 200: PasswordResetImpact } })
  async resetImpact(@StaffIdParam() id: string): Promise<PasswordResetImpact> {
    return this.passwordResets.impact(id);
  }

  @ApiOperation({ description: "Resets a staff member's password and returns a one-time activation link." })
  @Post(':id/reset-password')
  @ApiSchemas({ body: PasswordResetRequest, responses: { 201: ActivationLink } })
  async resetPassword(
    @CurrentStaff() admin: CurrentStaffMember,
    @StaffIdParam() id: string,
    @ValidBody(PasswordResetRequest) body: PasswordResetRequest,
  ): Promise<ActivationLink> {
    return this.passwordResets.reset(admin, id, body);
  }
}
