import 'reflect-metadata';
import { createBackup } from '../backup/create-backup.js';
import { parseConfig } from '../config/config.schema.js';
import { loadServerSecrets } from '../config/server-secrets.js';
import { fail, withDatabase } from './with-database.js';

/*
 * `npm run backup`: a logical dump of the whole database but its sessions,
 * encrypted to BACKUP_PUBLIC_KEY and signed, into BACKUP_DIR; keeps the
 * BACKUP_KEEP newest. Same environment as the portal (DATABASE_URL or
 * MIGRATION_DATABASE_URL, else the embedded PostgreSQL — portal stopped).
 */
try {
  const config = parseConfig(process.env);
  if (!config.BACKUP_PUBLIC_KEY) fail('BACKUP_PUBLIC_KEY is not set: run `npm run backup:keygen` once and configure its public key.');
  const secrets = await loadServerSecrets(config);
  const path = await withDatabase((databaseUrl) =>
    createBackup({
      databaseUrl,
      tenant: config.TENANT,
      backupPublicKey: config.BACKUP_PUBLIC_KEY as string,
      directoryKey: secrets.directoryKey.value,
      dir: config.BACKUP_DIR,
      keep: config.BACKUP_KEEP,
    }),
  );
  console.log(`Backup written / Sauvegarde écrite: ${path}`);
} catch (error) {
  fail(error);
}
