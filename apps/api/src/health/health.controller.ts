import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthResponse } from '@mnpddh/shared';
import { Public } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiSchemas({ responses: { 200: HealthResponse, 503: HealthResponse } })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const health = HealthResponse.parse(await this.health.check());
    response.status(health.database === 'up' ? 200 : 503);
    return health;
  }
}
