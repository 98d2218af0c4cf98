import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { RegisterOfProcessing } from '@mnpddh/shared';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { RetentionPolicyService } from '../retention/retention-policy.service.js';
import { registerOfProcessing } from './register-of-processing.js';

/** Admins: the register of processing (Loi 2013-015), as configured now, for the APDP. */
@ApiTags('privacy')
@Controller('admin/register-of-processing')
@Roles('admin')
export class RegisterOfProcessingController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly policies: RetentionPolicyService,
  ) {}

  @ApiOperation({ description: 'Shows the register of processing activities.' })
  @Get()
  @ApiSchemas({ responses: { 200: RegisterOfProcessing } })
  async register(): Promise<RegisterOfProcessing> {
    return registerOfProcessing(this.runtime.config, await this.policies.current(), new Date());
  }
}
