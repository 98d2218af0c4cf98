import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditService } from './audit.service.js';

/**
 * A database made before its secrets were fingerprinted took the configured
 * ones as its own at this start: the audit log says so (which kinds, when), so
 * an auditor can tell an upgrade from secrets swapped behind the portal's back.
 */
export async function auditAdoption(app: INestApplicationContext, kinds: string[], logger: Logger): Promise<void> {
  await app.get(AuditService).record({ action: 'secrets.adopted', actorId: null, details: { kinds: kinds.join(',') } });
  logger.warn({ kinds }, 'this database had no record of its secrets: the configured ones are now its own');
}
