import { Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { ConsentConfirmation, ConsentStaffWithdrawal, DisclosureException, negotiateLocale, NewConsent } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../auth/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { parseInput, ValidBody } from '../common/valid-body.js';
import { ConsentWorkService } from './consent-work.service.js';

const CaseParams = z.object({ id: z.uuid() });
const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });
const Written = z.object({ id: z.uuid(), seq: z.number().int() });

function params<T>(schema: z.ZodType<T>, request: Request): T {
  return parseInput(schema, request.params, negotiateLocale(request.headers['accept-language']));
}

/** Consent per disclosure on a case the caller holds (the vault refuses a case without a grant: 403). */
@ApiTags('case work')
@Controller()
@Roles('supervisor', 'caseworker')
export class ConsentWorkController {
  constructor(private readonly consents: ConsentWorkService) {}

  @Post('cases/:id/consents')
  @ApiSchemas({ body: NewConsent, responses: { 201: Written } })
  async record(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(NewConsent) body: NewConsent) {
    const entry = await this.consents.record(staff, params(CaseParams, request).id, body);
    return { id: entry.id, seq: entry.seq };
  }

  @Post('cases/:id/consents/:consentId/confirm')
  @ApiSchemas({ body: ConsentConfirmation, responses: { 201: Written } })
  async confirm(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(ConsentConfirmation) body: ConsentConfirmation) {
    const { id, consentId } = params(ConsentParams, request);
    const entry = await this.consents.confirm(staff, id, consentId, body);
    return { id: entry.id, seq: entry.seq };
  }

  @Post('cases/:id/consents/:consentId/withdraw')
  @ApiSchemas({ body: ConsentStaffWithdrawal, responses: { 201: Written } })
  async withdraw(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(ConsentStaffWithdrawal) body: ConsentStaffWithdrawal) {
    const { id, consentId } = params(ConsentParams, request);
    const entry = await this.consents.withdraw(staff, id, consentId, body);
    return { id: entry.id, seq: entry.seq };
  }

  /** Supervisors and the person on call only (checked in the service: being on call is not a role). */
  @Post('cases/:id/disclosure-exceptions')
  @ApiSchemas({ body: DisclosureException, responses: { 201: Written } })
  async exception(@Req() request: Request, @CurrentStaff() staff: CurrentStaffMember, @ValidBody(DisclosureException) body: DisclosureException) {
    const entry = await this.consents.recordException(staff, params(CaseParams, request).id, body);
    return { id: entry.id, seq: entry.seq };
  }
}
