import type { AppConfig } from '../config/config.schema.js';
import { MIGRATION_PATHS } from '../paths.js';
import { loadEmbedded } from './load-embedded.js';
import { applyMigrations } from './migrations.js';
import type { SupervisionEvents } from './embedded-supervisor.js';

export interface DatabaseLog {
  /** PostgreSQL's own output. */
  trace(message: string): void;
  /** The embedded server stopped or could not be started again. */
  error(message: string, facts: Record<string, unknown>): void;
  info(message: string, facts: Record<string, unknown>): void;
}

function supervisionLog(log: DatabaseLog, restarted: (downMs: number) => Promise<void>): SupervisionEvents {
  return {
    down: (reason) => log.error('embedded PostgreSQL stopped by itself; restarting it', { reason }),
    retrying: (error, retryInMs) =>
      log.error('embedded PostgreSQL did not restart yet', { error: error instanceof Error ? error.message : String(error), retryInMs }),
    up: (downMs) => {
      log.info('embedded PostgreSQL restarted', { downMs });
      restarted(downMs).catch((error: unknown) =>
        log.error('the restart could not be recorded', { error: error instanceof Error ? error.message : String(error) }),
      );
    },
  };
}

export interface OpenDatabase {
  readonly url: string;
  /** As the owner of the schema (migrations, the secrets' fingerprints). */
  readonly ownerUrl: string;
  readonly appliedMigrations: string[];
  /** The embedded server only: called after the portal's own PostgreSQL came back by itself. */
  onRestarted(handler: (downMs: number) => Promise<void>): void;
  close(): Promise<void>;
}

/**
 * The database the portal uses: DATABASE_URL if set, else a PostgreSQL the
 * portal starts itself in DATA_DIR. Pending migrations are applied either way.
 */
export async function openDatabase(config: AppConfig, log: DatabaseLog): Promise<OpenDatabase> {
  if (!config.embedded) {
    const url = config.DATABASE_URL as string;
    const appliedMigrations = await applyMigrations(config.MIGRATION_DATABASE_URL ?? url, MIGRATION_PATHS);
    return { url, ownerUrl: config.MIGRATION_DATABASE_URL ?? url, appliedMigrations, onRestarted: () => undefined, close: () => Promise.resolve() };
  }
  const startEmbeddedPostgres = await loadEmbedded();
  const embedded = await startEmbeddedPostgres(config.DATA_DIR, (message) => log.trace(message));
  try {
    // Migrations as the owner; the portal itself as the restricted application role.
    const appliedMigrations = await applyMigrations(embedded.url, MIGRATION_PATHS);
    await embedded.ensureAppLogin();
    let restarted: (downMs: number) => Promise<void> = () => Promise.resolve();
    embedded.supervise(supervisionLog(log, (downMs) => restarted(downMs)));
    return {
      url: embedded.appUrl,
      ownerUrl: embedded.url,
      appliedMigrations,
      onRestarted: (handler) => {
        restarted = handler;
      },
      close: () => embedded.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
