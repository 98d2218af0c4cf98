import { Module } from '@nestjs/common';
import { AuditCheckpoints } from './audit-checkpoints.js';
import { AuditExporter } from './audit-exporter.js';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditVerifier } from './audit-verifier.js';
import { CheckpointScheduler } from './checkpoint-scheduler.js';

/**
 * Reading, exporting and verifying the audit log, and its signed
 * checkpoints. Apart from AuditModule (appending), which the admin CLI
 * also loads: the checkpoint scheduler runs in the API only.
 */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLogService, AuditExporter, AuditVerifier, AuditCheckpoints, CheckpointScheduler],
  exports: [AuditVerifier, AuditCheckpoints],
})
export class AuditLogModule {}
