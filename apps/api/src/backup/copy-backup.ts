import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pruneBackups } from './create-backup.js';

/**
 * Copies a finished backup into BACKUP_COPY_DIR — a folder mounted from
 * another machine (NFS, SMB, sshfs, a USB disk): the copy is what survives
 * the loss of this server. Written under a temporary name, compared byte for
 * byte (SHA-256) with the original, then renamed, so the folder never holds a
 * half-copied file under a backup's name; the copies follow BACKUP_KEEP too
 * (a purged case must leave the copies as it leaves the backups).
 */
export async function copyBackup(file: string, dir: string, keep: number): Promise<string> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true, mode: 0o700 });
  const path = join(target, basename(file));
  const partial = `${path}.partial`;
  try {
    await copyFile(file, partial);
    if ((await sha256(file)) !== (await sha256(partial))) throw new Error(`the copy in ${target} differs from the backup`);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await pruneBackups(target, keep);
  return path;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest('hex');
}
