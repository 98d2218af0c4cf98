import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { EscrowHealth } from '@mnpddh/shared';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { PrismaService } from '../database/prisma.service.js';
import { EscrowHealthService } from '../directory/escrow-health.service.js';

/**
 * Which pairs of custodians can open the escrow: read on every page by
 * admins and supervisors (the warning banner) and by custodians (the drill).
 * Names and counts only, never key material.
 */
@ApiTags('custodians')
@Controller('escrow')
export class EscrowHealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly escrow: EscrowHealthService,
  ) {}

  @ApiOperation({ description: 'Shows whether the key escrow can still be opened (custodians, shares, last drill).' })
  @Get('health')
  @Roles('admin', 'supervisor', 'custodian')
  @ApiSchemas({ responses: { 200: EscrowHealth } })
  async health(): Promise<EscrowHealth> {
    return this.escrow.health(this.prisma);
  }
}
