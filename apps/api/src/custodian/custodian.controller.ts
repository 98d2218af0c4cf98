import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CustodianDrillResult,
  CustodianDrillStatus,
  CustodianOperationList,
  CustodianOperationRequest,
  CustodianOperationResult,
  CustodianOperationView,
} from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CustodianDrillService } from './custodian-drill.service.js';
import { CustodianOperationsService } from './custodian-operations.service.js';

const OperationParams = z.object({ id: z.uuid() });

/** Two-custodian operations and the drill: custodians only, each step in their own session. */
@ApiTags('custodians')
@Controller('custodian')
@Roles('custodian')
export class CustodianController {
  constructor(
    private readonly operations: CustodianOperationsService,
    private readonly drills: CustodianDrillService,
  ) {}

  @ApiOperation({ description: 'Requests an escrow operation, which a second custodian must complete.' })
  @Post('operations')
  @Roles('custodian')
  @ApiSchemas({ body: CustodianOperationRequest, responses: { 201: CustodianOperationView } })
  async request(
    @CurrentStaff() custodian: CurrentStaffMember,
    @ValidBody(CustodianOperationRequest) body: CustodianOperationRequest,
  ): Promise<CustodianOperationView> {
    return this.operations.request(custodian, body);
  }

  @ApiOperation({ description: 'Lists the escrow operations waiting for a second custodian.' })
  @Get('operations')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: CustodianOperationList } })
  async pending(@CurrentStaff() custodian: CurrentStaffMember): Promise<CustodianOperationList> {
    return this.operations.pending(custodian);
  }

  @ApiOperation({ description: 'Completes an escrow operation requested by another custodian.' })
  @Post('operations/:id/complete')
  @Roles('custodian')
  @HttpCode(200)
  @ApiSchemas({ responses: { 200: CustodianOperationResult } })
  async complete(
    @CurrentStaff() custodian: CurrentStaffMember,
    @ValidParams(OperationParams) params: z.infer<typeof OperationParams>,
  ): Promise<CustodianOperationResult> {
    const { id } = params;
    return this.operations.complete(custodian, id);
  }

  @ApiOperation({ description: 'Starts an escrow drill: proves the shares still open the escrow, changing nothing.' })
  @Post('drill')
  @Roles('custodian')
  @HttpCode(200)
  @ApiSchemas({ responses: { 200: CustodianDrillResult } })
  async drill(@CurrentStaff() custodian: CurrentStaffMember): Promise<CustodianDrillResult> {
    return this.drills.drill(custodian);
  }

  @ApiOperation({ description: 'Shows the current escrow drill and its result.' })
  @Get('drill')
  @Roles('custodian')
  @ApiSchemas({ responses: { 200: CustodianDrillStatus } })
  async drillStatus(): Promise<CustodianDrillStatus> {
    return this.drills.status();
  }
}
