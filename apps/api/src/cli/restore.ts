import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { restoreBackup } from '../backup/restore-backup.js';
import { checkRestoredDatabase } from '../backup/restore-checks.js';
import { createLogger } from '../common/logger.js';
import { parseConfig } from '../config/config.schema.js';
import { loadServerSecrets } from '../config/server-secrets.js';
import { MIGRATION_PATHS } from '../paths.js';
import { fail, withDatabase } from './with-database.js';

/*
 * `npm run restore -- FILE`: into an EMPTY database (DATABASE_URL /
 * MIGRATION_DATABASE_URL, or the embedded PostgreSQL of a fresh DATA_DIR),
 * with the separately kept secrets in the environment and the offline backup
 * private key in BACKUP_PRIVATE_KEY or the file BACKUP_PRIVATE_KEY_FILE (only
 * for this command; never in the portal's configuration). Prints "ready"
 * only once the certificates and the audit checkpoint check out.
 */
const file = process.argv[2];
if (!file) fail('Usage: BACKUP_PRIVATE_KEY_FILE=<file> npm run restore -- <backup file>');
try {
  const config = parseConfig(process.env);
  const secrets = await loadServerSecrets(config);
  const backupPrivateKey = await privateKey();
  const report = await withDatabase(async (databaseUrl) => {
    const options = { file, databaseUrl, tenant: config.TENANT, backupPrivateKey, directoryKey: secrets.directoryKey.value, migrationPaths: MIGRATION_PATHS };
    const header = await restoreBackup(options);
    return checkRestoredDatabase({ config, databaseUrl, logger: createLogger('silent'), secrets }, header);
  });
  console.log(
    `Restored: ${report.staffCertificates} staff and ${report.escrowCertificates} escrow certificates verified, ` +
      `${report.auditRows} audit rows verified against the checkpoint at row ${report.checkpointRowCount ?? '(none)'}.`,
  );
  console.log('ready');
} catch (error) {
  fail(error);
}

async function privateKey(): Promise<string> {
  const path = process.env.BACKUP_PRIVATE_KEY_FILE;
  const text = path ? await readFile(path, 'utf8') : process.env.BACKUP_PRIVATE_KEY;
  if (!text) fail('Give the backup private key in BACKUP_PRIVATE_KEY_FILE (a file) or BACKUP_PRIVATE_KEY.');
  return text.trim();
}
