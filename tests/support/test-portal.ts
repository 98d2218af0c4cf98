import 'reflect-metadata';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { createTestDatabase } from './test-database.js';

/** The real portal on a random loopback port, on its own fresh database. */
export async function startTestPortal(env: NodeJS.ProcessEnv = {}): Promise<RunningPortal> {
  const database = await createTestDatabase();
  return startPortal({
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  });
}
