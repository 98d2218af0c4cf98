import type { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { PrismaService } from '../../database/prisma.service.js';
import { OperationalScan } from './operational-scan.js';
import { saveDatabaseRestart } from './ops-facts.repository.js';

/**
 * Once the supervised PostgreSQL is back: the restart is noted (a setting the
 * operational checks read, and an audit event), and the checks run at once,
 * so the person on call hears of it now, not at the next tick.
 */
export async function recordDatabaseRestart(app: INestApplicationContext, downMs: number): Promise<void> {
  // The pool may still hold connections to the server that died: the first attempts can fail on those.
  for (let attempt = 1; ; attempt++) {
    try {
      return await record(app, downMs);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function record(app: INestApplicationContext, downMs: number): Promise<void> {
  await saveDatabaseRestart(app.get(PrismaService), new Date());
  await app.get(AuditService).record({ action: 'database.restarted', actorId: null, details: { downMs } });
  await app.get(OperationalScan).run();
}
