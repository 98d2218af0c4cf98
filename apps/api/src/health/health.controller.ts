import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthResponse, LivenessResponse } from '@mnpddh/shared';
import { Public } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @ApiOperation({ description: 'Readiness: whether the portal and its database answer.' })
  @Get()
  @Public()
  @ApiSchemas({ responses: { 200: HealthResponse, 503: HealthResponse } })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const health = HealthResponse.parse(await this.health.check());
    response.status(health.database === 'up' ? 200 : 503);
    return health;
  }

  /**
   * Liveness, for an orchestrator that restarts what hangs: never touches the
   * database, so an outage there (which GET /api/health, the readiness check,
   * reports) does not make it restart a portal that is fine.
   */
  @ApiOperation({ description: 'Liveness: whether the process answers, without touching the database.' })
  @Get('live')
  @Public()
  @ApiSchemas({ responses: { 200: LivenessResponse } })
  live(): LivenessResponse {
    return { status: 'ok' };
  }
}
