/**
 * The secrets belong to their database: a portal, or any command, given a
 * secret other than the one the database was made with refuses to run and
 * names that secret (instead of answering "ready" and failing every sign-in
 * and every receipt); a database from before the fingerprints adopts the
 * configured secrets once, in the audit log; the fingerprints are never the
 * secrets.
 */
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPortal } from '../../apps/api/src/boot.js';
import { SecretsMismatch } from '../../apps/api/src/database/secret-fingerprints.js';
import { ROOT_DIR } from '../../apps/api/src/paths.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';
import { createAdmin, FAST_PASSWORDS } from '../support/staff.js';
import pg from 'pg';

jest.setTimeout(120_000);

const SECRETS = testSecrets();
let database: TestDatabase;

function start(secrets: NodeJS.ProcessEnv) {
  return startPortal({
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...FAST_PASSWORDS,
    ...secrets,
  });
}

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function refusal(work: Promise<{ close(): Promise<void> }>): Promise<Error | null> {
  try {
    const portal = await work;
    await portal.close();
    return null;
  } catch (error) {
    return error as Error;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const portal = await start(SECRETS);
  await createAdmin(portal);
  await portal.close();
});

describe('secrets belong to their database', () => {
  it('records one fingerprint per secret kind, none of which is (or contains) the secret', async () => {
    const rows = await sql<{ key: string; value: string }>(`SELECT key, value FROM setting WHERE key LIKE 'secret-fingerprint:%' ORDER BY key`);
    expect(rows.map((row) => row.key)).toEqual([
      'secret-fingerprint:audit-checkpoint-key',
      'secret-fingerprint:directory-signing-key',
      'secret-fingerprint:index-key',
      'secret-fingerprint:receipt-pepper',
    ]);
    const everything = JSON.stringify(await sql('SELECT * FROM setting'));
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain((secret as string).split('.').pop());
  });

  it('refuses to start with one other secret, naming it and only it', async () => {
    for (const variable of ['RECEIPT_PEPPER', 'DIRECTORY_SIGNING_KEY', 'INDEX_KEY', 'AUDIT_CHECKPOINT_KEY'] as const) {
      const error = await refusal(start({ ...SECRETS, [variable]: testSecrets()[variable] }));
      expect(error).toBeInstanceOf(SecretsMismatch);
      expect((error as SecretsMismatch).variables).toEqual([variable]);
      expect(error?.message).toContain('SECRETS_FILE');
    }
    expect(await refusal(start(SECRETS))).toBeNull();
  });

  it('a database from before the fingerprints adopts the configured secrets once, audited, then holds to them', async () => {
    await sql(`DELETE FROM setting WHERE key LIKE 'secret-fingerprint:%'`);
    expect(await refusal(start(SECRETS))).toBeNull();
    const adopted = await sql<{ details: Record<string, string> }>(`SELECT details FROM audit_event WHERE action = 'secrets.adopted'`);
    expect(adopted).toHaveLength(1);
    expect(adopted[0]?.details.kinds?.split(',').sort()).toEqual(['audit-checkpoint-key', 'directory-signing-key', 'index-key', 'receipt-pepper']);
    expect(await refusal(start({ ...SECRETS, INDEX_KEY: testSecrets().INDEX_KEY }))).toBeInstanceOf(SecretsMismatch);
    expect(await refusal(start(SECRETS))).toBeNull();
    expect(await sql(`SELECT 1 FROM audit_event WHERE action = 'secrets.adopted'`)).toHaveLength(1);
  });

  it('every command refuses too: npm run backup with another directory key names it and writes nothing', async () => {
    const cli = join(ROOT_DIR, 'apps/api/dist/cli/backup.js');
    const run = promisify(execFile)(process.execPath, [cli], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        ...SECRETS,
        DIRECTORY_SIGNING_KEY: testSecrets().DIRECTORY_SIGNING_KEY,
        BACKUP_PUBLIC_KEY: 'backup-public-key.v1.' + 'A'.repeat(43),
        BACKUP_DIR: join(ROOT_DIR, '.never-written'),
        DATABASE_URL: database.appUrl,
        MIGRATION_DATABASE_URL: database.ownerUrl,
      },
      timeout: 60_000,
    });
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^DIRECTORY_SIGNING_KEY .*is not the secret this database was made with/m);
    expect(failure?.stderr).not.toMatch(/RECEIPT_PEPPER|INDEX_KEY|undefined/);
  });
});
