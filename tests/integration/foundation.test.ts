import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, chmod, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ErrorBody, HealthResponse } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startPortal } from '../../apps/api/src/boot.js';
import { ROOT_DIR } from '../../apps/api/src/paths.js';
import { createTestDatabase } from '../support/test-database.js';
import { nextTotp, postLogin } from '../support/staff.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

describe('the portal on a real PostgreSQL', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(async () => {
    await portal.close();
  });

  it('answers /api/health with the database up', async () => {
    const response = await fetch(`${portal.url}/api/health`);
    expect(response.status).toBe(200);
    expect(HealthResponse.parse(await response.json())).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the web app at / with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${portal.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the scripts gzip-compressed when the browser accepts it', async () => {
    const html = await (await fetch(`${portal.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const compressed = await fetch(`${portal.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('content-type')).toContain('javascript');
    expect((await compressed.text()).length).toBeGreaterThan(1000);
    const api = await fetch(`${portal.url}/api/health`, { headers: { 'accept-encoding': 'gzip' } });
    expect(api.headers.get('content-encoding')).toBeNull();
  });

  it('serves client-side routes from index.html but never for unknown /api paths', async () => {
    const page = await fetch(`${portal.url}/demande`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await fetch(`${portal.url}/api/does-not-exist`, { headers: { 'accept-language': 'en' } });
    expect(api.status).toBe(404);
    const body = ErrorBody.parse(await api.json());
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toMatch(/does not exist/);
  });

  it('publishes a valid OpenAPI document built from the zod schemas', async () => {
    const response = await fetch(`${portal.url}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>>;
      components: { schemas: Record<string, { properties: object }> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    // The answer is the shared schema, named once among the components and referenced.
    const reference = document.paths['/api/health']?.get?.responses['200']?.content['application/json']?.schema.$ref ?? '';
    const health = document.components.schemas[reference.replace('#/components/schemas/', '')];
    expect(Object.keys(health?.properties ?? {})).toEqual(['status', 'database']);
  });

  it('answers malformed JSON with a French validation error and no internals', async () => {
    const response = await fetch(`${portal.url}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(ErrorBody.parse(JSON.parse(text)).error.message).toMatch(/Vérifiez/);
    expect(text).not.toMatch(/SyntaxError|at .*\.js|JSON\.parse/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(`${portal.url}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(300 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(ErrorBody.parse(await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('when PostgreSQL stops answering', () => {
  it('reports the database down with 503, then up again without a restart', async () => {
    const database = await createTestDatabase();
    const portal = await startPortal({
      ...testSecrets(),
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    const name = new URL(database.ownerUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    try {
      // Refuse new connections and end the open ones: the database is "down" for the portal.
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const down = await fetch(`${portal.url}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'degraded', database: 'down' });
      // Liveness does not depend on the database: an orchestrator must not restart a portal that only waits for it.
      expect((await fetch(`${portal.url}/api/health/live`)).status).toBe(200);

      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      const up = await fetch(`${portal.url}/api/health`);
      expect(up.status).toBe(200);
    } finally {
      await admin.end();
      await portal.close();
    }
  });
});

describe('configuration', () => {
  it('refuses to start on a bad variable and names it', async () => {
    await expect(startPortal({ PORT: 'not-a-port', LOG_LEVEL: 'silent' })).rejects.toThrow(/PORT/);
  });

  it('refuses to start outside demo mode when a secret is missing, naming it', async () => {
    const database = await createTestDatabase();
    const { INDEX_KEY: _omitted, ...secrets } = testSecrets();
    await expect(startPortal({ ...secrets, DATABASE_URL: database.appUrl, PORT: '0', LOG_LEVEL: 'silent' })).rejects.toThrow(/INDEX_KEY is missing/);
  });

  it('refuses to start from the command line with the variable named, and exit code 1', () => {
    const main = join(ROOT_DIR, 'apps/api/dist/main.js');
    expect(existsSync(main)).toBe(true);
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'mysql://root:hunter2@db/portal' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('uses DATABASE_URL instead of starting its own PostgreSQL', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-unused-'));
    const portal = await startPortal({ ...testSecrets(), DATABASE_URL: database.ownerUrl, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
    try {
      const client = new pg.Client({ connectionString: database.ownerUrl });
      await client.connect();
      const migrations = await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      await client.end();
      expect(migrations.rowCount).toBeGreaterThan(0);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
      expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
    } finally {
      await portal.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('embedded mode', () => {
  it('starts its own PostgreSQL in DATA_DIR, migrates it, and reuses the data on a second start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mnpddh-embedded-'));
    await chmod(dataDir, 0o755);
    try {
      const first = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      // The demo team is seeded once, with an escrow sealed to its three custodians (two with another role), and can sign in.
      expect(first.demoAccounts.map((a) => a.roles.join('+')).sort()).toEqual(
        ['admin', 'auditor', 'caseworker', 'caseworker+custodian', 'custodian', 'supervisor', 'supervisor+custodian'].sort(),
      );
      // Each person once in demo-accounts.txt.
      const listed = (await readFile(join(dataDir, 'data', 'demo-accounts.txt'), 'utf8')).split('\n').filter((line) => line.includes('@demo.'));
      expect(listed).toHaveLength(7);
      expect(new Set(listed.map((line) => /\S+@demo\.\S+/.exec(line)?.[0])).size).toBe(7);
      const admin = first.demoAccounts.find((a) => a.roles.includes('admin'));
      const login = await postLogin(first, { email: admin?.email, password: admin?.password, totp: await nextTotp(admin?.totpSecret ?? '') });
      expect(login.status).toBe(200);
      expect(await query(first.databaseUrl, 'SELECT count(*)::int AS n FROM escrow_share')).toEqual([{ n: 6 }]); // one per ordered pair
      await query(first.databaseUrl, "INSERT INTO setting (key, value, updated_at) VALUES ('kept', 'yes', now())");
      await first.close();
      expect(existsSync(join(dataDir, 'data', 'pg', 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(dataDir, 'data', 'pg', 'postmaster.pid'))).toBe(false);

      const second = await startPortal({ DATA_DIR: join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      expect(second.demoAccounts).toEqual([]);
      const kept = await query(second.databaseUrl, "SELECT value FROM setting WHERE key = 'kept'");
      await second.close();
      expect(kept).toEqual([{ value: 'yes' }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Two starts, each with initdb or recovery and the demo team's Argon2id derivations: minutes on a busy 2-core machine.
  }, 240_000);
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
