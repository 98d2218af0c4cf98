import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { SecurityKeyPolicy } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { ValidBody } from '../common/valid-body.js';
import { PrismaService } from '../database/prisma.service.js';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { SecurityKeyPolicyStore } from './webauthn-policy.js';

/** The admin's choice: which roles must sign in with a security key (setting `webauthn.required_roles`). */
@ApiTags('admin')
@Controller('admin/security-key-policy')
@Roles('admin')
export class SecurityKeyPolicyController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policy: SecurityKeyPolicyStore,
    private readonly audit: AuditService,
  ) {}

  @ApiOperation({ description: 'Shows which roles must sign in with a security key.' })
  @Get()
  @ApiSchemas({ responses: { 200: SecurityKeyPolicy } })
  async view(): Promise<SecurityKeyPolicy> {
    return this.policy.read(this.prisma);
  }

  @ApiOperation({ description: 'Changes which roles must sign in with a security key.' })
  @Put()
  @ApiSchemas({ body: SecurityKeyPolicy, responses: { 200: SecurityKeyPolicy } })
  async update(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(SecurityKeyPolicy) body: SecurityKeyPolicy): Promise<SecurityKeyPolicy> {
    await this.prisma.$transaction(async (tx) => {
      await this.policy.write(tx, body);
      await this.audit.record({ action: 'staff.security_key_policy_changed', actorId: staff.id, details: { requiredRoles: body.requiredRoles.join(',') } }, tx);
    });
    return this.policy.read(this.prisma);
  }
}
