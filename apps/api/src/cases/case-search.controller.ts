import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { CaseSearchQuery, CaseSearchResult } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { RetryAfterInterceptor } from '../common/rate-limited.js';
import { ValidBody } from '../common/valid-body.js';
import { CaseSearchService } from './case-search.service.js';
import { SearchBudget } from './search-budget.js';

/**
 * POST /api/cases/search — a POST so the query sits in no URL, access log
 * or browser history; answered 200 (it changes nothing but the audit log).
 * Supervisors and caseworkers, across the cases they hold; a few searches a
 * minute each, one at a time (429 with Retry-After beyond).
 */
@ApiTags('cases')
@Controller('cases/search')
@Roles('supervisor', 'caseworker')
@UseInterceptors(RetryAfterInterceptor)
export class CaseSearchController {
  constructor(
    private readonly cases: CaseSearchService,
    private readonly budget: SearchBudget,
  ) {}

  @ApiOperation({ description: 'Searches the cases the caller may read, by blind index and filters.' })
  @Post()
  @HttpCode(200)
  @ApiSchemas({ body: CaseSearchQuery, responses: { 200: CaseSearchResult } })
  async search(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(CaseSearchQuery) body: CaseSearchQuery): Promise<CaseSearchResult> {
    return CaseSearchResult.parse(await this.budget.run(staff.id, () => this.cases.search(staff, body.q)));
  }
}
