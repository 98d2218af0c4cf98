import { parseConfig } from '../config/config.schema.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/**
 * Runs a command-line task against the portal's database: MIGRATION_DATABASE_URL
 * or DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR (started
 * for the task and stopped after; the portal itself must not be running).
 */
export async function withDatabase<T>(task: (url: string) => Promise<T>): Promise<T> {
  const config = parseConfig(process.env);
  if (!config.embedded) return task(config.MIGRATION_DATABASE_URL ?? (config.DATABASE_URL as string));
  const embedded = await startEmbeddedPostgres(config.DATA_DIR);
  try {
    return await task(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Prints a failure without a stack trace and exits non-zero. */
export function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
