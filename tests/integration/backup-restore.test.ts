/**
 * The restore drill: staff and cases, a signed audit checkpoint, a backup;
 * the database dropped; a restore on a fresh data directory (a brand-new
 * PostgreSQL cluster of its own, as on a spare machine) with only the backup
 * file and the separately kept secrets; then a portal on it where every case
 * opens for its staff (signed in again), the audit chain verifies and no
 * session from before survives. A changed or truncated backup is refused
 * before anything is written (there, and into empty databases of the test
 * server, as a DATABASE_URL restore does).
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { AuditVerification, CaseDetail } from '@mnpddh/shared';
import { createBackup } from '../../apps/api/src/backup/create-backup.js';
import { restoreBackup } from '../../apps/api/src/backup/restore-backup.js';
import { RestoreRefused } from '../../apps/api/src/backup/restore-refusal.js';
import { checkRestoredDatabase } from '../../apps/api/src/backup/restore-checks.js';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { createLogger } from '../../apps/api/src/common/logger.js';
import { parseConfig } from '../../apps/api/src/config/config.schema.js';
import { loadServerSecrets } from '../../apps/api/src/config/server-secrets.js';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { CryptoError, generateBackupKeyPair, parseDirectorySigningKey } from '../../apps/api/src/crypto/index.js';
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { fileStoreDir } from '../../apps/api/src/file-store/file-store.provider.js';
import { LocalFileStore } from '../../apps/api/src/file-store/local-file-store.js';
import { MIGRATION_PATHS } from '../../apps/api/src/paths.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { createAdmin, createStaff, FAST_PASSWORDS, ownerUrlOf, signIn, type StaffCredentials, type StaffClient } from '../support/staff.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

jest.setTimeout(180_000);

/** Kept apart from the database, as SECURITY.md asks: all a restore gets besides the backup file. */
const SECRETS = testSecrets();
const ENV = { ...FAST_PASSWORDS, ...SECRETS, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
const BACKUP_KEYS = generateBackupKeyPair();
const TENANT = 'ml-mnpddh';

let backupDir: string;
let backupFile: string;
let admin: StaffCredentials;
let supervisor: StaffCredentials;
let oldCookie: string;
const caseIds: string[] = [];
const references = new Map<string, string>();
let restored: RunningPortal | undefined;
let spareMachine: string | undefined;

function adminUrl(): string {
  return process.env.TEST_PG_ADMIN_URL as string;
}

/** A new, EMPTY database (not the migrated template): as on a fresh server. */
async function emptyDatabase(): Promise<{ ownerUrl: string; appUrl: string }> {
  const name = `restore_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const owner = new URL(adminUrl());
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  const [role, password] = (process.env.TEST_PG_APP_ROLE ?? '').split(':');
  app.username = role ?? '';
  app.password = password ?? '';
  return { ownerUrl: owner.toString(), appUrl: app.toString() };
}

async function asAdmin(sql: string, url = adminUrl()): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function tableCount(url: string): Promise<number> {
  const result = await asAdmin(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`, url);
  return (result.rows[0] as { n: number }).n;
}

/** A file store of its own for each restore into a scratch database. */
function scratchStore(): FileStore {
  return new LocalFileStore(join(mkdtempSync(join(tmpdir(), 'mnpddh-restored-files-')), 'files'));
}

async function restoreInto(
  ownerUrl: string,
  file: string,
  secrets: NodeJS.ProcessEnv = SECRETS,
  backupPrivateKey = BACKUP_KEYS.privateKey,
  fileStore = scratchStore(),
) {
  return restoreBackup({
    fileStore,
    file,
    databaseUrl: ownerUrl,
    tenant: TENANT,
    backupPrivateKey,
    directoryKey: parseDirectorySigningKey(secrets.DIRECTORY_SIGNING_KEY).value,
    migrationPaths: MIGRATION_PATHS,
    fingerprints: (await loadServerSecrets(parseConfig({ ...ENV, ...secrets, DATABASE_URL: ownerUrl }))).fingerprints,
  });
}

async function messageOf(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => 'NO_ERROR',
    (error: unknown) => (error as Error).message,
  );
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof RestoreRefused) return error.reason;
    return error instanceof CryptoError ? error.code : (error as Error).message;
  }
  return 'NO_ERROR';
}

beforeAll(async () => {
  backupDir = await mkdtemp(join(tmpdir(), 'mnpddh-backups-'));
  const portal = await startTestPortal(ENV);
  try {
    admin = await createAdmin(portal);
    const adminClient = await signIn(portal, admin);
    // Staff first: the triage team (supervisors) receives the cases created after them.
    const created = await createStaff(portal, adminClient, { roles: ['supervisor'] });
    supervisor = created.credentials;
    oldCookie = created.client.cookie;
    const vault = portal.app.get(CaseVaultService);
    for (const urgent of [true, false, false]) {
      const { caseId, reference } = await vault.createCase({ urgent, content: plainContent() });
      caseIds.push(caseId);
      references.set(caseId, reference);
    }
    expect((await created.client.get(`/api/cases/${caseIds[0]}`)).status).toBe(200);
    expect((await adminClient.post('/api/audit/checkpoints')).status).toBeLessThan(300);
    backupFile = await createBackup({
      fileStore: portal.app.get<FileStore>(FILE_STORE),
      databaseUrl: ownerUrlOf(portal),
      tenant: TENANT,
      backupPublicKey: BACKUP_KEYS.publicKey,
      directoryKey: parseDirectorySigningKey(SECRETS.DIRECTORY_SIGNING_KEY).value,
      dir: backupDir,
      keep: 14,
    });
  } finally {
    await portal.close();
  }
  // The server is gone: drop its database, only the backup file and the secrets remain.
  const database = new URL(ownerUrlOf(portal)).pathname.slice(1);
  await asAdmin(`DROP DATABASE ${database} WITH (FORCE)`);
});

afterAll(async () => {
  await restored?.close();
  if (spareMachine) await rm(spareMachine, { recursive: true, force: true });
});

/** A data directory nobody has used: `npm run restore` with DATA_DIR there initialises a new cluster. */
async function freshDataDirectory(): Promise<string> {
  spareMachine = await mkdtemp(join(tmpdir(), 'mnpddh-spare-'));
  // The postgres system user must traverse the folder (mkdtemp makes it 0700).
  await chmod(spareMachine, 0o755);
  return join(spareMachine, 'data');
}

describe('restore drill', () => {
  it('restores on a fresh data directory, checks certificates and the checkpoint, and the portal serves every case again', async () => {
    // What `npm run restore -- FILE` does with DATA_DIR set and no DATABASE_URL (cli/restore.ts, cli/with-database.ts):
    // a brand-new cluster (initdb) on its own port, the restore and its checks, the cluster stopped.
    const dataDir = await freshDataDirectory();
    const config = parseConfig({ ...ENV, DATA_DIR: dataDir, FILE_STORE_DIR: undefined });
    expect(config.embedded).toBe(true);
    const cluster = await startEmbeddedPostgres(dataDir);
    try {
      // A tampered copy first: refused before it writes anything, so the real file below still finds the database empty.
      const tampered = join(backupDir, 'tampered-for-spare.bin');
      const bytes = await readFile(backupFile);
      bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0x01;
      await writeFile(tampered, bytes);
      expect(await codeOf(restoreInto(cluster.url, tampered))).toBe('changed');
      expect(await tableCount(cluster.url)).toBe(0);

      const header = await restoreInto(cluster.url, backupFile, SECRETS, BACKUP_KEYS.privateKey, new LocalFileStore(fileStoreDir(config)));
      expect(header.tables).not.toContain('staff_session');
      expect(header.checkpoint).not.toBeNull();
      const secrets = await loadServerSecrets(config);
      const report = await checkRestoredDatabase({ config, databaseUrl: cluster.url, logger: createLogger('silent'), secrets }, header);
      expect(report.staffCertificates).toBeGreaterThanOrEqual(2);
      expect(report.checkpointRowCount).toBe(Number(header.checkpoint?.rowCount));
    } finally {
      await cluster.stop();
    }

    // The portal on that directory, as `npm start` runs it there: embedded, the same secrets, nothing else.
    restored = await startPortal({ ...ENV, DATA_DIR: dataDir, FILE_STORE_DIR: fileStoreDir(config), PORT: '0' });
    expect(restored.demoAccounts).toEqual([]);
    // Sessions were not backed up: the old cookie no longer signs anyone in.
    const old = await fetch(`${restored.url}/api/auth/session`, { headers: { cookie: oldCookie } });
    expect(old.status).toBe(401);

    const staff: StaffClient = await signIn(restored, supervisor);
    for (const id of caseIds) {
      const response = await staff.get(`/api/cases/${id}`);
      expect(response.status).toBe(200);
      expect(CaseDetail.parse(await response.json()).index.reference).toBe(references.get(id));
    }
    const auditor = await signIn(restored, admin);
    const verification = AuditVerification.parse(await (await auditor.get('/api/audit/verify')).json());
    expect(verification.valid).toBe(true);
    expect(verification.checkpoint?.matches).toBe(true);
  });

  it('refuses a database that is not empty', async () => {
    const target = await emptyDatabase();
    await asAdmin('CREATE TABLE intruder (id int)', target.ownerUrl);
    expect(await codeOf(restoreInto(target.ownerUrl, backupFile))).toBe('not_empty');
  });

  it('refuses a backup with one byte flipped, or truncated, before writing anything', async () => {
    const original = await readFile(backupFile);
    for (const offset of [30, Math.floor(original.length / 2), original.length - 10]) {
      const tampered = Buffer.from(original);
      tampered[offset] = (tampered[offset] as number) ^ 0x20;
      const file = join(backupDir, `tampered-${offset}.bin`);
      await writeFile(file, tampered);
      const target = await emptyDatabase();
      expect(await codeOf(restoreInto(target.ownerUrl, file))).toBe('changed');
      expect(await tableCount(target.ownerUrl)).toBe(0);
    }
    const truncated = join(backupDir, 'truncated.bin');
    await writeFile(truncated, original.subarray(0, original.length - 100));
    const target = await emptyDatabase();
    expect(await codeOf(restoreInto(target.ownerUrl, truncated))).toBe('truncated');
    expect(await tableCount(target.ownerUrl)).toBe(0);
  });

  it('names a wrong secret, a wrong backup key, a changed and a truncated file each by its cause, writing nothing', async () => {
    const other = testSecrets();
    const target = await emptyDatabase();
    const wrongIndex = await messageOf(restoreInto(target.ownerUrl, backupFile, { ...SECRETS, INDEX_KEY: other.INDEX_KEY }));
    expect(wrongIndex).toMatch(/^INDEX_KEY .*is not the secret/m);
    expect(wrongIndex).not.toMatch(/DIRECTORY_SIGNING_KEY|RECEIPT_PEPPER|AUDIT_CHECKPOINT_KEY|signature/);
    const wrongTwo = await messageOf(
      restoreInto(target.ownerUrl, backupFile, { ...SECRETS, DIRECTORY_SIGNING_KEY: other.DIRECTORY_SIGNING_KEY, RECEIPT_PEPPER: other.RECEIPT_PEPPER }),
    );
    expect(wrongTwo).toMatch(/^RECEIPT_PEPPER /m);
    expect(wrongTwo).toMatch(/^DIRECTORY_SIGNING_KEY /m);
    expect(await codeOf(restoreInto(target.ownerUrl, backupFile, SECRETS, generateBackupKeyPair().privateKey))).toBe('wrong_backup_key');
    const notOurs = join(backupDir, 'not-a-backup.bin');
    await writeFile(notOurs, 'PGDMP not ours');
    expect(await codeOf(restoreInto(target.ownerUrl, notOurs))).toBe('not_a_backup');
    expect(await tableCount(target.ownerUrl)).toBe(0);
  });

  it('keeps at most BACKUP_KEEP backups (bounded retention)', async () => {
    const source = await emptyDatabase();
    await restoreInto(source.ownerUrl, backupFile);
    const dir = await mkdtemp(join(tmpdir(), 'mnpddh-keep-'));
    const directoryKey = parseDirectorySigningKey(SECRETS.DIRECTORY_SIGNING_KEY).value;
    for (const day of [1, 2, 3]) {
      await createBackup({
        fileStore: scratchStore(),
        databaseUrl: source.ownerUrl,
        tenant: TENANT,
        backupPublicKey: BACKUP_KEYS.publicKey,
        directoryKey,
        dir,
        keep: 2,
        now: new Date(Date.UTC(2026, 10, day, 2)),
      });
    }
    expect((await readdir(dir)).sort()).toEqual(['mnpddh-20261102T020000Z.backup', 'mnpddh-20261103T020000Z.backup']);
  });
});
