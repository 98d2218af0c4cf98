import { NestFactory } from '@nestjs/core';
import { AuditCheckpoints } from '../audit/audit-checkpoints.js';
import type { Runtime } from '../config/runtime.js';
import { RestoreChecksModule } from './restore-checks.module.js';

/**
 * Signs the audit log's head (when anything was logged since the last
 * checkpoint) just before a backup, so that every backup carries a checkpoint
 * at most a few rows old: the restore checks the chain it restores against it
 * ("checkpoint at row N"), not against none.
 */
export async function signCheckpointBeforeBackup(runtime: Runtime): Promise<void> {
  const context = await NestFactory.createApplicationContext(RestoreChecksModule.forRoot(runtime), { logger: false });
  try {
    await context.get(AuditCheckpoints).signIfChanged();
  } finally {
    await context.close();
  }
}
