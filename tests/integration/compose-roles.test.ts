/**
 * docker-compose's database roles, checked offline on a real PostgreSQL: a
 * cluster of its own initialised as the official image does (superuser
 * `postgres`, database `portal`), then deploy/postgres/roles.sql as
 * init-roles.sh runs it, then the migrations as portal_owner — exactly the
 * compose start. The API's role must be unable to rewrite the audit log, and
 * neither role may be a superuser.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import pg from 'pg';
import { ensureDatabase } from '../../apps/api/src/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/database/migrations.js';
import { MIGRATION_PATHS } from '../../apps/api/src/paths.js';
import { startBareCluster, type BareCluster } from '../fault/own-postgres.js';

/** What psql does with `-v name=value`: :'name' becomes a quoted literal, :"name" a quoted identifier. */
function fillPsqlVariables(sql: string, values: Record<string, string>): string {
  return sql
    .replace(/:'(\w+)'/g, (_, name: string) => `'${values[name]!.replaceAll("'", "''")}'`)
    .replace(/:"(\w+)"/g, (_, name: string) => `"${values[name]!.replaceAll('"', '""')}"`);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('docker-compose database roles (deploy/postgres)', () => {
  let cluster: BareCluster;
  const urlFor = (user: string, password: string) => cluster.urlFor('portal', user, password);
  const passwords = { owner: randomBytes(18).toString('base64url'), app: randomBytes(18).toString('base64url') };

  beforeAll(async () => {
    cluster = await startBareCluster();
    await ensureDatabase(cluster.urlFor('postgres'), 'portal');
    const roles = await readFile(new URL('../../deploy/postgres/roles.sql', import.meta.url), 'utf8');
    const sql = fillPsqlVariables(roles, { owner_password: passwords.owner, app_password: passwords.app, database: 'portal' });
    await withClient(cluster.urlFor('portal'), (client) => client.query(sql));
    await applyMigrations(urlFor('portal_owner', passwords.owner), MIGRATION_PATHS);
  }, 120_000);

  afterAll(async () => {
    await cluster?.server.stop();
    if (cluster) await rm(cluster.root, { recursive: true, force: true });
  });

  it('runs the migrations as a schema owner that is not a superuser', async () => {
    const roles = await withClient(urlFor('portal_owner', passwords.owner), (client) =>
      client.query<{ rolname: string; rolsuper: boolean }>(
        "SELECT rolname, rolsuper FROM pg_roles WHERE rolname IN ('portal_owner', 'portal_app') ORDER BY rolname",
      ),
    );
    expect(roles.rows).toEqual([
      { rolname: 'portal_app', rolsuper: false },
      { rolname: 'portal_owner', rolsuper: false },
    ]);
  });

  it('lets the API role append to and read the audit log, and nothing more', async () => {
    await withClient(urlFor('portal_app', passwords.app), async (client) => {
      await expect(client.query('SELECT count(*) FROM audit_event')).resolves.toBeDefined();
      await expect(client.query('UPDATE audit_event SET seq = seq')).rejects.toThrow(/permission denied/);
      await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/permission denied/);
      await expect(client.query('TRUNCATE audit_event')).rejects.toThrow(/permission denied/);
      await expect(client.query('SELECT * FROM "_prisma_migrations"')).rejects.toThrow(/permission denied/);
      await expect(client.query('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    });
  });

  it('lets the API role read and write the case data it works on', async () => {
    await withClient(urlFor('portal_app', passwords.app), async (client) => {
      await expect(client.query('SELECT count(*) FROM protection_case')).resolves.toBeDefined();
      await expect(client.query('DELETE FROM protection_case WHERE false')).resolves.toBeDefined();
    });
  });
});
