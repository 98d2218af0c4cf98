import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../backup/restore-backup.js';
import { checkRestoredDatabase, type RestoreReport } from '../backup/restore-checks.js';
import { createLogger } from '../common/logger.js';
import { parseConfig } from '../config/config.schema.js';
import { loadServerSecrets } from '../config/server-secrets.js';
import { fileStoreDir } from '../file-store/file-store.provider.js';
import { LocalFileStore } from '../file-store/local-file-store.js';
import { MIGRATION_PATHS } from '../paths.js';
import { fail, withDatabase } from './with-database.js';

/*
 * `npm run restore -- <backup> --secrets <secrets file> --key <private key file>`:
 * into an EMPTY database (DATABASE_URL / MIGRATION_DATABASE_URL, or the
 * embedded PostgreSQL of a fresh DATA_DIR), with the secrets file kept apart
 * from the backups (or SECRETS_FILE, or the variables) and the offline backup
 * private key (or BACKUP_PRIVATE_KEY_FILE / BACKUP_PRIVATE_KEY; never in the
 * portal's configuration). No secret is ever generated here. Prints "ready"
 * only once the certificates and the audit checkpoint check out.
 */
const USAGE = 'Usage: npm run restore -- <backup file> --secrets <secrets file> --key <backup private key file>';

const { file, secretsFile, keyFile } = parseArguments();
try {
  if (secretsFile) process.env.SECRETS_FILE = secretsFile;
  const config = parseConfig(process.env);
  const secrets = await loadServerSecrets(config, false).catch((error: unknown) => {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nLa restauration a besoin des secrets du serveur qui a fait la sauvegarde / A restore needs the secrets of the server that made the backup: --secrets <file>.`,
    );
  });
  const backupPrivateKey = await privateKey(keyFile);
  const report = await withDatabase(async (databaseUrl) => {
    const options = {
      file,
      databaseUrl,
      tenant: config.TENANT,
      backupPrivateKey,
      directoryKey: secrets.directoryKey.value,
      migrationPaths: MIGRATION_PATHS,
      fileStore: new LocalFileStore(fileStoreDir(config)),
      fingerprints: secrets.fingerprints,
    };
    const header = await restoreBackup(options);
    return checkRestoredDatabase({ config, databaseUrl, logger: createLogger('silent'), secrets }, header);
  });
  console.log(summary(report));
  console.log('ready');
} catch (error) {
  fail(error);
}

function summary(report: RestoreReport): string {
  const checkpoint =
    report.checkpointRowCount === null
      ? 'this backup carries no signed checkpoint (made before any was signed): the chain verifies, but its end is not anchored'
      : `matching the signed checkpoint at row ${report.checkpointRowCount}`;
  return `Restored: ${report.staffCertificates} staff and ${report.escrowCertificates} escrow certificates verified, ${report.auditRows} audit rows verified, ${checkpoint}.`;
}

function parseArguments(): { file: string; secretsFile?: string; keyFile?: string } {
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { secrets: { type: 'string' }, key: { type: 'string' } } });
    if (positionals.length !== 1) fail(USAGE);
    return { file: positionals[0] as string, secretsFile: values.secrets, keyFile: values.key };
  } catch {
    fail(USAGE);
  }
}

async function privateKey(keyFile: string | undefined): Promise<string> {
  const path = keyFile ?? process.env.BACKUP_PRIVATE_KEY_FILE;
  const text = path ? await readFile(path, 'utf8').catch(() => fail(`Cannot read the backup private key file ${path}.`)) : process.env.BACKUP_PRIVATE_KEY;
  if (!text) fail(`Give the backup private key: --key <file> (or BACKUP_PRIVATE_KEY_FILE / BACKUP_PRIVATE_KEY). ${USAGE}`);
  const line = text
    .split('\n')
    .map((entry) => entry.trim().replace(/^BACKUP_PRIVATE_KEY=/, ''))
    .find((entry) => entry.startsWith('backup-private-key.'));
  return line ?? text.trim();
}
