import 'reflect-metadata';
import { signCheckpointBeforeBackup } from '../backup/backup-checkpoint.js';
import { copyBackup } from '../backup/copy-backup.js';
import { createBackup } from '../backup/create-backup.js';
import { createLogger } from '../common/logger.js';
import { parseConfig, type AppConfig } from '../config/config.schema.js';
import { loadServerSecrets } from '../config/server-secrets.js';
import { fileStoreDir } from '../file-store/file-store.provider.js';
import { LocalFileStore } from '../file-store/local-file-store.js';
import { backupFailureReason, clearBackupFailure, recordBackupFailure, type BackupFailureReason } from '../notify/operational/backup-failure.js';
import { fail, withDatabase } from './with-database.js';

/*
 * `npm run backup`: a logical dump of the whole database but its sessions, and
 * the attachments' encrypted content from the file store,
 * encrypted to BACKUP_PUBLIC_KEY and signed, into BACKUP_DIR; keeps the
 * BACKUP_KEEP newest. Same environment as the portal (DATABASE_URL or
 * MIGRATION_DATABASE_URL, else the embedded PostgreSQL — the running
 * portal's, online, or started for the backup). A checkpoint of the audit
 * log is signed first, so that the backup carries a recent one.
 * A failure is noted in the database (when it can be reached) so that the
 * portal raises a 'backup_failed' operational alert; a success clears it.
 */
let config: AppConfig;
try {
  config = parseConfig(process.env);
} catch (error) {
  fail(error);
}

class MissingBackupKey extends Error {}
class CopyFailed extends Error {}

try {
  if (!config.BACKUP_PUBLIC_KEY) throw new MissingBackupKey('BACKUP_PUBLIC_KEY is not set: run `npm run backup:keygen` once and configure its public key.');
  const secrets = await loadServerSecrets(config);
  const path = await withDatabase(async (databaseUrl) => {
    await signCheckpointBeforeBackup({ config, databaseUrl, logger: createLogger('silent'), secrets });
    const written = await createBackup({
      databaseUrl,
      tenant: config.TENANT,
      backupPublicKey: config.BACKUP_PUBLIC_KEY as string,
      directoryKey: secrets.directoryKey.value,
      fileStore: new LocalFileStore(fileStoreDir(config)),
      dir: config.BACKUP_DIR,
      keep: config.BACKUP_KEEP,
    });
    await clearBackupFailure(databaseUrl).catch(() => console.error('The backup is written, but an earlier failure note could not be cleared.'));
    return written;
  }, secrets);
  console.log(`Backup written / Sauvegarde écrite: ${path}`);
  if (config.BACKUP_COPY_DIR) {
    const copy = await copyBackup(path, config.BACKUP_COPY_DIR, config.BACKUP_KEEP).catch((error: unknown) => {
      throw new CopyFailed(
        `The backup is written here, but its copy off the server failed / la copie hors du serveur a échoué: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    console.log(`Copied off the server / Copiée hors du serveur: ${copy}`);
  }
} catch (error) {
  await noteFailure(error instanceof MissingBackupKey ? 'missing_key' : error instanceof CopyFailed ? 'copy_failed' : backupFailureReason(error));
  fail(error);
}

/** Best effort: when the database itself is what failed, the "no recent backup" alert still comes. */
async function noteFailure(reason: BackupFailureReason): Promise<void> {
  try {
    await withDatabase((databaseUrl) => recordBackupFailure(databaseUrl, { at: new Date(), reason }));
  } catch {
    console.error('The failure could not be noted in the database either / L’échec n’a pas pu être noté dans la base.');
  }
}
