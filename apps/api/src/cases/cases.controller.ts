import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { CaseDetail, CaseList, CaseListQuery, negotiateLocale } from '@mnpddh/shared';
import { staffSessionOf } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseInput } from '../common/valid-body.js';
import { CasesService } from './cases.service.js';

const CaseIdParams = z.object({ id: z.uuid() });

/**
 * Supervisors and caseworkers, on the cases they hold. Auditors and admins
 * never read a case (403); the vault refuses a case without a grant (403).
 * Responses go through the shared schemas: no ciphertext, key id or MAC out.
 */
@ApiTags('cases')
@Controller('cases')
@Roles('supervisor', 'caseworker')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiSchemas({ responses: { 200: CaseList } })
  async list(@Req() request: Request): Promise<CaseList> {
    const session = staffSessionOf(request);
    const query = parseInput(CaseListQuery, request.query, negotiateLocale(request.headers['accept-language']));
    return CaseList.parse(await this.cases.list(session.staff, session, query));
  }

  @Get(':id')
  @ApiSchemas({ responses: { 200: CaseDetail } })
  async view(@Req() request: Request): Promise<CaseDetail> {
    const { id } = parseInput(CaseIdParams, { id: request.params.id }, negotiateLocale(request.headers['accept-language']));
    return CaseDetail.parse(await this.cases.view(staffSessionOf(request).staff, id));
  }
}
