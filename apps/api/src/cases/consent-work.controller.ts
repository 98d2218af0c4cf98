import { Controller, Post } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { ConsentConfirmation, ConsentWritten, ConsentStaffWithdrawal, DisclosureException, NewConsent } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CaseParams, Written, written } from './journal-written.js';
import { ConsentWorkService } from './consent-work.service.js';

const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

/** Consent per disclosure on a case the caller holds (the vault refuses a case without a grant: 403). */
@ApiTags('case work')
@Controller()
@Roles('supervisor', 'caseworker')
export class ConsentWorkController {
  constructor(private readonly consents: ConsentWorkService) {}

  @ApiOperation({ description: 'Records a consent given by the defender for a case.' })
  @Post('cases/:id/consents')
  @ApiSchemas({ body: NewConsent, responses: { 201: ConsentWritten } })
  async record(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(NewConsent) body: NewConsent,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<ConsentWritten> {
    const { entry, consentId } = await this.consents.record(staff, params.id, body);
    return ConsentWritten.parse({ ...written(entry), consentId });
  }

  @ApiOperation({ description: 'Confirms a recorded consent.' })
  @Post('cases/:id/consents/:consentId/confirm')
  @ApiSchemas({ body: ConsentConfirmation, responses: { 201: Written } })
  async confirm(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(ConsentConfirmation) body: ConsentConfirmation,
    @ValidParams(ConsentParams) params: z.infer<typeof ConsentParams>,
  ) {
    const { id, consentId } = params;
    const entry = await this.consents.confirm(staff, id, consentId, body);
    return written(entry);
  }

  @ApiOperation({ description: 'Records the withdrawal of a consent.' })
  @Post('cases/:id/consents/:consentId/withdraw')
  @ApiSchemas({ body: ConsentStaffWithdrawal, responses: { 201: Written } })
  async withdraw(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(ConsentStaffWithdrawal) body: ConsentStaffWithdrawal,
    @ValidParams(ConsentParams) params: z.infer<typeof ConsentParams>,
  ) {
    const { id, consentId } = params;
    const entry = await this.consents.withdraw(staff, id, consentId, body);
    return written(entry);
  }

  /** Supervisors and the person on call only (checked in the service: being on call is not a role). */
  @ApiOperation({ description: 'Records a disclosure without consent, under an exception and its justification.' })
  @Post('cases/:id/disclosure-exceptions')
  @ApiSchemas({ body: DisclosureException, responses: { 201: Written } })
  async exception(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(DisclosureException) body: DisclosureException,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ) {
    const entry = await this.consents.recordException(staff, params.id, body);
    return written(entry);
  }
}
