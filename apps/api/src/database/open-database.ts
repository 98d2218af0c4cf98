import type { AppConfig } from '../config/config.schema.js';
import { MIGRATION_PATHS } from '../paths.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrations.js';

export interface OpenDatabase {
  readonly url: string;
  /** As the owner of the schema (migrations, the secrets' fingerprints). */
  readonly ownerUrl: string;
  readonly appliedMigrations: string[];
  close(): Promise<void>;
}

/**
 * The database the portal uses: DATABASE_URL if set, else a PostgreSQL the
 * portal starts itself in DATA_DIR. Pending migrations are applied either way.
 */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenDatabase> {
  if (!config.embedded) {
    const url = config.DATABASE_URL as string;
    const appliedMigrations = await applyMigrations(config.MIGRATION_DATABASE_URL ?? url, MIGRATION_PATHS);
    return { url, ownerUrl: config.MIGRATION_DATABASE_URL ?? url, appliedMigrations, close: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres(config.DATA_DIR, log);
  try {
    // Migrations as the owner; the portal itself as the restricted application role.
    const appliedMigrations = await applyMigrations(embedded.url, MIGRATION_PATHS);
    await embedded.ensureAppLogin();
    return { url: embedded.appUrl, ownerUrl: embedded.url, appliedMigrations, close: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
