import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { deriveBackupSigningKeyPair, sealBackupStream, type SigningKeyPair } from '../crypto/index.js';
import type { FileStore } from '../file-store/file-store.js';
import { beginDump, dumpRows } from './dump.js';
import { dumpStoredFiles, storedFileKeys } from './dump-stored-files.js';
import { BACKUP_FORMAT, encodeHeader, type BackupHeader } from './header.js';

export interface BackupOptions {
  /** As the owner of the schema (reads every table). */
  readonly databaseUrl: string;
  readonly tenant: string;
  readonly backupPublicKey: string;
  readonly directoryKey: SigningKeyPair;
  /** Where the attachments' encrypted content is: it goes into the backup after the tables. */
  readonly fileStore: FileStore;
  readonly dir: string;
  /** Backups kept after this one is written (older ones are deleted). */
  readonly keep: number;
  readonly now?: Date;
}

const NAME = /^mnpddh-\d{8}T\d{6}Z\.backup$/;

export function backupFileName(at: Date): string {
  return `mnpddh-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}.backup`;
}

/** Writes DIR/mnpddh-<timestamp>.backup (atomically: a .partial file renamed), then prunes; returns its path. */
export async function createBackup(options: BackupOptions): Promise<string> {
  const at = options.now ?? new Date();
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, backupFileName(at));
  const partial = `${path}.partial`;
  const signer = deriveBackupSigningKeyPair(options.directoryKey);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const state = await beginDump(client);
    const storedFiles = await storedFileKeys(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      tenant: options.tenant,
      migration: state.migrations.at(-1) ?? null,
      migrations: state.migrations,
      createdAt: at.toISOString(),
      tables: state.tables,
      checkpoint: state.checkpoint,
      signedBy: signer.publicKey,
      encryptedTo: options.backupPublicKey,
      fingerprints: state.fingerprints,
      storedFiles: storedFiles.length,
    };
    const sealed = sealBackupStream(encodeHeader(header), dumpAll(client, state.tables, options.fileStore, storedFiles), options.backupPublicKey, signer);
    await pipeline(Readable.from(sealed), createWriteStream(partial, { mode: 0o600 }));
    await client.query('COMMIT');
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    signer.destroy();
    await client.end();
  }
  await pruneBackups(dir, options.keep);
  return path;
}

async function* dumpAll(client: pg.Client, tables: string[], store: FileStore, storedFiles: string[]): AsyncGenerator<Buffer> {
  yield* dumpRows(client, tables);
  yield* dumpStoredFiles(store, storedFiles);
}

/** Keeps the `keep` newest backups (names sort by time) and deletes the rest: bounded retention. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => NAME.test(name)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) await rm(join(dir, name));
  return old;
}
