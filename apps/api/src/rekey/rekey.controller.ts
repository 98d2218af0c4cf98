import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { CaseRekeyRequest, RekeyJobView, RevocationForCause } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseParams, ValidBody } from '../common/valid-body.js';
import { RekeyJobs } from './rekey-jobs.service.js';

const IdParams = z.object({ id: z.uuid() });

/**
 * Revocation for cause and re-keying. Supervisors hold every case,
 * so they revoke a colleague who was arrested, left or was compromised, at
 * any hour, without waiting for an admin; a caseworker may re-key a case they
 * hold on its own (a receipt taken under coercion, after revoking it).
 */
@ApiTags('re-keying')
@Controller('rekey')
export class RekeyController {
  constructor(private readonly jobs: RekeyJobs) {}

  @Get('jobs')
  @Roles('supervisor')
  @ApiSchemas({ responses: { 200: z.array(RekeyJobView) } })
  list(): Promise<RekeyJobView[]> {
    return this.jobs.list();
  }

  @Post('revocations')
  @Roles('supervisor')
  @ApiSchemas({ body: RevocationForCause, responses: { 201: RekeyJobView } })
  revoke(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(RevocationForCause) body: RevocationForCause): Promise<RekeyJobView> {
    return this.jobs.revokeForCause(staff, body);
  }

  @Post('cases/:id')
  @Roles('supervisor', 'caseworker')
  @ApiSchemas({ body: CaseRekeyRequest, responses: { 201: RekeyJobView } })
  rekeyCase(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseRekeyRequest) body: CaseRekeyRequest): Promise<RekeyJobView> {
    return this.jobs.rekeyCase(staff, parseParams(IdParams, request).id, body);
  }

  @Post('jobs/:id/resume')
  @Roles('supervisor')
  @ApiSchemas({ responses: { 201: RekeyJobView } })
  resume(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember): Promise<RekeyJobView> {
    return this.jobs.resume(staff, parseParams(IdParams, request).id);
  }
}
