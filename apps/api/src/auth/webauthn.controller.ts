import { Controller, Delete, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { EnrolSecurityKeyRequest, SecurityKeyChallengeRequest, SecurityKeyList, SecurityKeyOptions, SecurityKeySummary } from '@mnpddh/shared';
import { Authenticated, Public } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { RetryAfterInterceptor } from '../common/rate-limited.js';
import { ValidBody, ValidParams } from '../common/valid-body.js';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { SecurityKeyService } from './webauthn.service.js';

const KeyParams = z.object({ id: z.uuid() });

/** Security keys: the sign-in challenge (public), and each person's own keys. */
@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class SecurityKeyController {
  constructor(private readonly securityKeys: SecurityKeyService) {}

  /** Step one of a sign-in with a key; the assertion then goes in POST /api/auth/login as `securityKey`. */
  @ApiOperation({ description: 'Starts a sign-in with a security key: the challenge to sign.' })
  @Post('login/challenge')
  @Public()
  @HttpCode(200)
  @ApiSchemas({ body: SecurityKeyChallengeRequest, responses: { 200: SecurityKeyOptions } })
  async challenge(@ValidBody(SecurityKeyChallengeRequest) body: SecurityKeyChallengeRequest): Promise<SecurityKeyOptions> {
    return this.securityKeys.signInOptions(body.email, new Date());
  }

  @ApiOperation({ description: "Lists the caller's security keys." })
  @Get('security-keys')
  @Authenticated()
  @ApiSchemas({ responses: { 200: SecurityKeyList } })
  async list(@CurrentStaff() staff: CurrentStaffMember): Promise<SecurityKeyList> {
    return this.securityKeys.list(staff);
  }

  @ApiOperation({ description: 'Starts the enrolment of a new security key: the options for the browser.' })
  @Post('security-keys/options')
  @Authenticated()
  @HttpCode(200)
  @ApiSchemas({ responses: { 200: SecurityKeyOptions } })
  async enrolmentOptions(@CurrentStaff() staff: CurrentStaffMember): Promise<SecurityKeyOptions> {
    return this.securityKeys.enrolmentOptions(staff, new Date());
  }

  @ApiOperation({ description: 'Enrols a new security key for the caller.' })
  @Post('security-keys')
  @Authenticated()
  @ApiSchemas({ body: EnrolSecurityKeyRequest, responses: { 201: SecurityKeySummary } })
  async enrol(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(EnrolSecurityKeyRequest) body: EnrolSecurityKeyRequest): Promise<SecurityKeySummary> {
    return this.securityKeys.enrol(staff, body, new Date());
  }

  @ApiOperation({ description: "Removes one of the caller's security keys." })
  @Delete('security-keys/:id')
  @ApiSchemas({ responses: { 204: z.void() } })
  @Authenticated()
  @HttpCode(204)
  async remove(@CurrentStaff() staff: CurrentStaffMember, @ValidParams(KeyParams) params: z.infer<typeof KeyParams>): Promise<void> {
    const { id } = params;
    await this.securityKeys.remove(staff, id);
  }
}
