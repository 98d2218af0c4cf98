import { Controller, Get, Post, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { NewReferral, ReferralAnswer, ReferralWritten } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiFile, ApiSchemas } from '../common/openapi.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CaseParams, Written, written } from './journal-written.js';
import { ReferralWorkService } from './referral-work.service.js';

const ReferralParams = z.object({ id: z.uuid(), referralId: z.uuid() });

/** Referrals of a case the caller holds to partners of the directory. */
@ApiTags('case work')
@Controller()
@Roles('supervisor', 'caseworker')
export class ReferralWorkController {
  constructor(private readonly referrals: ReferralWorkService) {}

  @ApiOperation({ description: 'Refers a case to a partner organisation, within the consent given.' })
  @Post('cases/:id/referrals')
  @ApiSchemas({ body: NewReferral, responses: { 201: ReferralWritten } })
  async send(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(NewReferral) body: NewReferral,
    @ValidParams(CaseParams) params: z.infer<typeof CaseParams>,
  ): Promise<ReferralWritten> {
    const { entry, referralId } = await this.referrals.send(staff, params.id, body);
    return ReferralWritten.parse({ ...written(entry), referralId });
  }

  @ApiOperation({ description: "Records a partner's answer to a referral." })
  @Post('cases/:id/referrals/:referralId/answer')
  @ApiSchemas({ body: ReferralAnswer, responses: { 201: Written } })
  async answer(
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidBody(ReferralAnswer) body: ReferralAnswer,
    @ValidParams(ReferralParams) params: z.infer<typeof ReferralParams>,
  ) {
    const { id, referralId } = params;
    const entry = await this.referrals.answer(staff, id, referralId, body);
    return written(entry);
  }

  /** A download, never shown inline or kept by a cache; the content is never logged. */
  @ApiOperation({ description: "Downloads a referral's sheet for the partner (a file, never cached)." })
  @Get('cases/:id/referrals/:referralId/sheet')
  @ApiFile('text/plain')
  async sheet(
    @Res() response: Response,
    @CurrentStaff() staff: CurrentStaffMember,
    @ValidParams(ReferralParams) params: z.infer<typeof ReferralParams>,
  ): Promise<void> {
    const { id, referralId } = params;
    const sheet = await this.referrals.sheet(staff, id, referralId);
    response.status(200);
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="fiche-orientation.txt"');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(sheet);
  }
}
