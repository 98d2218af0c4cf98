import { z } from 'zod';

export const BACKUP_FORMAT = 1;

/** The clear part of a backup file: enough to know what it is, nothing about any case. */
export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  tenant: z.string(),
  /** The last applied migration, and all of them: the restore migrates an empty database to exactly these. */
  migration: z.string().nullable(),
  migrations: z.array(z.string()),
  createdAt: z.string().datetime(),
  tables: z.array(z.string()),
  checkpoint: z.object({ rowCount: z.string(), headHash: z.string() }).nullable(),
  /** Ed25519 key that signed the file (derived from the directory key); informative, the restore derives its own. */
  signedBy: z.string(),
  /** BACKUP_PUBLIC_KEY it was encrypted to: a restore names a wrong private key before reading further. */
  encryptedTo: z.string().optional(),
  /** The database's secret fingerprints by kind (never the secrets): a restore names a wrong secret before anything else. */
  fingerprints: z.record(z.string(), z.string()).optional(),
  /** Encrypted files of the file store that follow the tables (absent in a backup made before the store: none). */
  storedFiles: z.number().int().min(0).optional(),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export function encodeHeader(header: BackupHeader): Buffer {
  return Buffer.from(JSON.stringify(header));
}

export function decodeHeader(bytes: Buffer): BackupHeader {
  return BackupHeader.parse(JSON.parse(bytes.toString('utf8')));
}
