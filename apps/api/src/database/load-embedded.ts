import type { startEmbeddedPostgres } from './embedded-postgres.js';

export type StartEmbedded = typeof startEmbeddedPostgres;

/**
 * The embedded PostgreSQL is for the demo and for tests: loaded only when no
 * DATABASE_URL is set, so the production image can leave out its 60 MB of
 * PostgreSQL binaries (and their attack surface). Without them, the answer
 * says what to set rather than a module-resolution error.
 */
export async function loadEmbedded(
  load: () => Promise<{ startEmbeddedPostgres: StartEmbedded }> = () => import('./embedded-postgres.js'),
): Promise<StartEmbedded> {
  try {
    return (await load()).startEmbeddedPostgres;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error('This installation has no embedded PostgreSQL (the production image leaves it out): set DATABASE_URL to your PostgreSQL server.', {
        cause: error,
      });
    }
    throw error;
  }
}
