import { Global, Module } from '@nestjs/common';
import { SECURITY_EVENTS } from '../audit/security-events.js';
import { IntegrityAnchor } from './integrity-anchor.service.js';
import { IntegrityController } from './integrity.controller.js';
import { IntegrityService } from './integrity.service.js';
import { SignedStaffStatus } from './signed-staff-status.js';
import { StaffStatusRepository } from './staff-status.repository.js';

/** The anchor kept outside PostgreSQL; every module that seals, grants or signs in consults it. */
@Global()
@Module({
  controllers: [IntegrityController],
  // The checkpoint scheduler (audit) hears of security events through this token, not by importing integrity.
  providers: [IntegrityAnchor, IntegrityService, SignedStaffStatus, StaffStatusRepository, { provide: SECURITY_EVENTS, useExisting: IntegrityAnchor }],
  exports: [IntegrityAnchor, SignedStaffStatus, SECURITY_EVENTS],
})
export class IntegrityModule {}
