import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ErasureConfirmation, NewDataSubjectRequest } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CaseParams, Written, written } from '../cases/journal-written.js';
import { DataSubjectService } from './data-subject.service.js';

const RequestParams = z.object({ id: z.uuid(), requestId: z.uuid() });

/**
 * Data-subject requests on a case the caller holds (the vault refuses a case
 * without a grant: 403). Caseworkers and supervisors record requests and
 * export an access answer; only a supervisor erases.
 */
@ApiTags('data-subject requests')
@Controller('cases/:id/data-subject-requests')
@Roles('supervisor', 'caseworker')
export class DataSubjectController {
  constructor(private readonly requests: DataSubjectService) {}

  @ApiOperation({ description: "Records a data subject's request (access, correction, erasure) on a case." })
  @Post()
  @ApiSchemas({ body: NewDataSubjectRequest, responses: { 201: Written } })
  async record(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(NewDataSubjectRequest) body: NewDataSubjectRequest,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<Written> {
    const entry = await this.requests.record(staff, params.id, body);
    return written(entry);
  }

  /** A download, never shown in the page; `no-store` like every answer (security headers), said again here. */
  @ApiOperation({ description: 'Downloads what the portal holds on the data subject, for an access request.' })
  @Get(':requestId/export')
  @ApiFile('application/json')
  async export(
    @Res() response: Response,
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidParams(RequestParams) params: z.infer<typeof RequestParams>,
  ): Promise<void> {
    const { id, requestId } = params;
    const file = await this.requests.exportAccess(staff, id, requestId);
    response.status(200);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(file.body);
  }

  /** Irreversible: crypto-shreds the whole case now. */
  @ApiOperation({ description: "Erases a case for a data subject's request: crypto-shreds it now, irreversibly." })
  @Post(':requestId/erase')
  @Roles('supervisor')
  @HttpCode(204)
  @ApiSchemas({ body: ErasureConfirmation, responses: { 204: z.void() } })
  async erase(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(ErasureConfirmation) body: ErasureConfirmation,
    @ValidParams(RequestParams) params: z.infer<typeof RequestParams>,
  ): Promise<void> {
    const { id, requestId } = params;
    await this.requests.erase(staff, id, requestId, body);
  }
}
