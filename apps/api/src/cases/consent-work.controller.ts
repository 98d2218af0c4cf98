import { Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { ConsentConfirmation, ConsentWritten, ConsentStaffWithdrawal, DisclosureException, NewConsent } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseParams, ValidBody } from '../common/valid-body.js';
import { CaseParams, Written, written } from './journal-written.js';
import { ConsentWorkService } from './consent-work.service.js';

const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });


/** Consent per disclosure on a case the caller holds (the vault refuses a case without a grant: 403). */
@ApiTags('case work')
@Controller()
@Roles('supervisor', 'caseworker')
export class ConsentWorkController {
  constructor(private readonly consents: ConsentWorkService) {}

  @Post('cases/:id/consents')
  @ApiSchemas({ body: NewConsent, responses: { 201: ConsentWritten } })
  async record(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(NewConsent) body: NewConsent): Promise<ConsentWritten> {
    const { entry, consentId } = await this.consents.record(staff, parseParams(CaseParams, request).id, body);
    return ConsentWritten.parse({ ...written(entry), consentId });
  }

  @Post('cases/:id/consents/:consentId/confirm')
  @ApiSchemas({ body: ConsentConfirmation, responses: { 201: Written } })
  async confirm(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(ConsentConfirmation) body: ConsentConfirmation) {
    const { id, consentId } = parseParams(ConsentParams, request);
    const entry = await this.consents.confirm(staff, id, consentId, body);
    return written(entry);
  }

  @Post('cases/:id/consents/:consentId/withdraw')
  @ApiSchemas({ body: ConsentStaffWithdrawal, responses: { 201: Written } })
  async withdraw(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(ConsentStaffWithdrawal) body: ConsentStaffWithdrawal) {
    const { id, consentId } = parseParams(ConsentParams, request);
    const entry = await this.consents.withdraw(staff, id, consentId, body);
    return written(entry);
  }

  /** Supervisors and the person on call only (checked in the service: being on call is not a role). */
  @Post('cases/:id/disclosure-exceptions')
  @ApiSchemas({ body: DisclosureException, responses: { 201: Written } })
  async exception(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(DisclosureException) body: DisclosureException) {
    const entry = await this.consents.recordException(staff, parseParams(CaseParams, request).id, body);
    return written(entry);
  }
}
