import { parseConfig } from '../config/config.schema.js';
import type { ServerSecrets } from '../config/server-secrets.js';
import { loadEmbedded } from '../database/load-embedded.js';
import { runningEmbeddedUrl } from '../database/running-postgres.js';
import { checkSecretFingerprints } from '../database/secret-fingerprints.js';

/**
 * Runs a command-line task against the portal's database: MIGRATION_DATABASE_URL
 * or DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR — the
 * running portal's when it runs (online), else started for the task and
 * stopped after. With `secrets`, refuses a database made with other secrets
 * (naming which) before the task touches it.
 */
export async function withDatabase<T>(task: (url: string) => Promise<T>, secrets?: ServerSecrets): Promise<T> {
  const config = parseConfig(process.env);
  const checked = async (url: string): Promise<T> => {
    if (secrets) await checkSecretFingerprints(url, secrets.fingerprints, false);
    return task(url);
  };
  if (!config.embedded) return checked(config.MIGRATION_DATABASE_URL ?? (config.DATABASE_URL as string));
  const running = await runningEmbeddedUrl(config.DATA_DIR, 'portal');
  if (running !== null) return checked(running);
  const startEmbeddedPostgres = await loadEmbedded();
  const embedded = await startEmbeddedPostgres(config.DATA_DIR);
  try {
    return await checked(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Prints a failure without a stack trace and exits non-zero. */
export function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
