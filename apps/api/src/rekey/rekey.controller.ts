import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { CaseRekeyRequest, RekeyJobView, RevocationForCause } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
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

  @ApiOperation({ description: 'Lists the re-keying jobs and their progress (counts only, never which cases).' })
  @Get('jobs')
  @Roles('supervisor')
  @ApiSchemas({ responses: { 200: z.array(RekeyJobView) } })
  list(): Promise<RekeyJobView[]> {
    return this.jobs.list();
  }

  @ApiOperation({ description: 'Revokes a staff member for cause: their access ends now and every case they held is re-keyed.' })
  @Post('revocations')
  @Roles('supervisor')
  @ApiSchemas({ body: RevocationForCause, responses: { 201: RekeyJobView } })
  revoke(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(RevocationForCause) body: RevocationForCause): Promise<RekeyJobView> {
    return this.jobs.revokeForCause(staff, body);
  }

  @ApiOperation({ description: 'Re-keys one case on its own (a receipt taken under coercion, a key exposed).' })
  @Post('cases/:id')
  @Roles('supervisor', 'caseworker')
  @ApiSchemas({ body: CaseRekeyRequest, responses: { 201: RekeyJobView } })
  rekeyCase(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(CaseRekeyRequest) body: CaseRekeyRequest,
    @ValidParams(IdParams) params: z.infer<typeof IdParams>,
  ): Promise<RekeyJobView> {
    return this.jobs.rekeyCase(staff, params.id, body);
  }

  @ApiOperation({ description: 'Resumes an interrupted re-keying job.' })
  @Post('jobs/:id/resume')
  @Roles('supervisor')
  @ApiSchemas({ responses: { 201: RekeyJobView } })
  resume(@CurrentStaff() staff: CurrentStaffMember, @ValidParams(IdParams) params: z.infer<typeof IdParams>): Promise<RekeyJobView> {
    return this.jobs.resume(staff, params.id);
  }
}
