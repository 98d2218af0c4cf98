import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
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

  @ApiOperation({ description: 'Lists the staff members a custodian may restore access for or grant an orphan case to.' })
  @Get('people')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: CustodianPeople } })
  async people(): Promise<CustodianPeople> {
    return this.lookups.people();
  }

  @ApiOperation({ description: 'Finds a case by its reference, for an escrow operation.' })
  @Get('cases')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: CustodianCaseFound } })
  async caseByReference(@ValidQuery(CaseReferenceLookup) { reference }: CaseReferenceLookup): Promise<CustodianCaseFound> {
    return this.lookups.caseByReference(reference);
  }

  @ApiOperation({ description: 'Shows the state of the escrow key rotation.' })
  @Get('rotation')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: EscrowRotationProgress } })
  async rotation(): Promise<EscrowRotationProgress> {
    return this.lookups.rotation();
  }
}
