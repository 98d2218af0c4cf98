// Plain ESM over the built API (npm test builds first): jest loads global
// setup outside its module system, where the `.js` → `.ts` mapping is absent.
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { APP_ROLE, ensureAppLogin, startEmbeddedPostgres } from '../../apps/api/dist/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/dist/database/migrations.js';
import { MIGRATION_PATHS } from '../../apps/api/dist/paths.js';

const TEMPLATE_DATABASE = 'portal_template';
const APP_PASSWORD = 'test-app-password';

/**
 * One real PostgreSQL for the whole run (embedded, in a temporary folder),
 * with a migrated template database that each test file copies.
 */
export default async function globalSetup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-test-'));
  // The postgres system user must traverse the folder (mkdtemp makes it 0700).
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir);
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await applyMigrations(server.urlFor(TEMPLATE_DATABASE), MIGRATION_PATHS);
  await ensureAppLogin(server.urlFor('postgres'), APP_PASSWORD);
  process.env.TEST_PG_ADMIN_URL = server.urlFor('postgres');
  process.env.TEST_PG_APP_ROLE = `${APP_ROLE}:${APP_PASSWORD}`;
  process.env.TEST_DATA_ROOT = dataDir;
  globalThis.__testPostgres = server;
}
