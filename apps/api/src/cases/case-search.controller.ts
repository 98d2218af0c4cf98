import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseSearchQuery, CaseSearchResult } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { CaseSearchService } from './case-search.service.js';

/**
 * POST /api/cases/search — a POST so the query sits in no URL, access log
 * or browser history; answered 200 (it changes nothing but the audit log).
 * Supervisors and caseworkers, across the cases they hold.
 */
@ApiTags('cases')
@Controller('cases/search')
@Roles('supervisor', 'caseworker')
export class CaseSearchController {
  constructor(private readonly cases: CaseSearchService) {}

  @Post()
  @HttpCode(200)
  @ApiSchemas({ body: CaseSearchQuery, responses: { 200: CaseSearchResult } })
  async search(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseSearchQuery) body: CaseSearchQuery): Promise<CaseSearchResult> {
    return CaseSearchResult.parse(await this.cases.search(staff, body.q));
  }
}
