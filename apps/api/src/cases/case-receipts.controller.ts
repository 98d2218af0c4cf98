import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { IssuedReceipt, ReceiptList, ReceiptRevocation, ReceiptSummary } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CaseParams } from './journal-written.js';
import { CaseReceiptsService } from './case-receipts.service.js';

const ReceiptParams = z.object({ id: z.uuid(), receiptId: z.uuid() });

/**
 * A case's receipts, for the supervisors and caseworkers who hold it (the
 * vault refuses a case without both grants: 403). Only ids and dates are
 * listed; a new receipt is answered once and never stored.
 */
@ApiTags('case receipts')
@Controller('cases/:id/receipts')
@Roles('supervisor', 'caseworker')
export class CaseReceiptsController {
  constructor(private readonly receipts: CaseReceiptsService) {}

  @ApiOperation({ description: 'Lists the follow-up receipts issued for a case (never the receipts themselves).' })
  @Get()
  @ApiSchemas({ responses: { 200: ReceiptList } })
  async list(@CurrentStaff() staff: CurrentStaffMember, @ValidParams(CaseParams) params: z.infer<typeof CaseParams>): Promise<ReceiptList> {
    return this.receipts.list(staff, params.id);
  }

  @ApiOperation({ description: 'Issues a new follow-up receipt for a case, shown once.' })
  @Post()
  @ApiSchemas({ responses: { 201: IssuedReceipt } })
  async issue(@CurrentStaff() staff: CurrentStaffMember, @ValidParams(CaseParams) params: z.infer<typeof CaseParams>): Promise<IssuedReceipt> {
    // Answered once with Cache-Control: no-store (every response carries it): the digits are never stored.
    return this.receipts.issue(staff, params.id);
  }

  @ApiOperation({ description: 'Revokes a follow-up receipt of a case.' })
  @Post(':receiptId/revoke')
  @ApiSchemas({ body: ReceiptRevocation, responses: { 201: ReceiptSummary } })
  async revoke(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(ReceiptRevocation) body: ReceiptRevocation,
    @ValidParams(ReceiptParams) params: z.infer<typeof ReceiptParams>,
  ): Promise<ReceiptSummary> {
    const { id, receiptId } = params;
    return this.receipts.revoke(staff, id, receiptId, body);
  }
}
