import { Global, Module } from '@nestjs/common';
import { IntegrityAnchor } from './integrity-anchor.service.js';
import { IntegrityController } from './integrity.controller.js';
import { IntegrityService } from './integrity.service.js';
import { SignedStaffStatus } from './signed-staff-status.js';

/** The anchor kept outside PostgreSQL; every module that seals, grants or signs in consults it. */
@Global()
@Module({ controllers: [IntegrityController], providers: [IntegrityAnchor, IntegrityService, SignedStaffStatus], exports: [IntegrityAnchor, SignedStaffStatus] })
export class IntegrityModule {}
