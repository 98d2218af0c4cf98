import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseReferenceLookup, CustodianCaseFound, CustodianPeople, EscrowRotationProgress } from '@mnpddh/shared';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidQuery } from '../common/valid-body.js';
import { CustodianLookupService } from './custodian-lookup.service.js';

/** Read-only look-ups for the custodian screens: custodians only. */
@ApiTags('custodians')
@Controller('custodian')
@Roles('custodian')
export class CustodianLookupController {
  constructor(private readonly lookups: CustodianLookupService) {}

  @Get('people')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: CustodianPeople } })
  async people(): Promise<CustodianPeople> {
    return this.lookups.people();
  }

  @Get('cases')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: CustodianCaseFound } })
  async caseByReference(@ValidQuery(CaseReferenceLookup) { reference }: CaseReferenceLookup): Promise<CustodianCaseFound> {
    return this.lookups.caseByReference(reference);
  }

  @Get('rotation')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: EscrowRotationProgress } })
  async rotation(): Promise<EscrowRotationProgress> {
    return this.lookups.rotation();
  }
}
