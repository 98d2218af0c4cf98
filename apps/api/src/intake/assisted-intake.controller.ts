import { Controller, Headers, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AssistedReceipt, AssistedRequest } from '@mnpddh/shared';
import { CurrentStaff, type CurrentStaffMember } from '../common/current-staff.js';
import { Roles } from '../common/access.decorators.js';
import { ApiSchemas } from '../common/openapi.js';
import { RetryAfterInterceptor } from '../common/rate-limited.js';
import { ValidBody } from '../common/valid-body.js';
import { IntakeService } from './intake.service.js';

/** Assisted intake: the same request and the same vault, typed in by staff, with the channel it came by. */
@ApiTags('intake')
@Controller('assisted-requests')
@UseInterceptors(RetryAfterInterceptor)
export class AssistedIntakeController {
  constructor(private readonly intake: IntakeService) {}

  @ApiOperation({ description: "Files a protection request on a defender's behalf (by phone, in person)." })
  @Post()
  @Roles('supervisor', 'caseworker')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random value per form; a retry returns the first answer.' })
  @ApiSchemas({ body: AssistedRequest, responses: { 201: AssistedReceipt } })
  async file(@CurrentStaff() staff: CurrentStaffMember, @ValidBody(AssistedRequest) request: AssistedRequest, @Headers('idempotency-key') key?: string) {
    return this.intake.fileAssisted(staff.id, request, key);
  }
}
