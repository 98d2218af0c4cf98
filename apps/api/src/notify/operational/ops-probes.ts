import { X509Certificate } from 'node:crypto';
import { readdir, readFile, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../database/db.js';
import { decodeBackupFailure } from './backup-failure.js';
import { findBackupFailure, findCheckpointExported, findDatabaseRestart, findFirstCheckpointSignedAt } from './ops-facts.repository.js';
import type { DiskSpace } from './ops-checks.js';

/**
 * What the operational checks observe: file times, free space, a certificate,
 * an HTTP answer, facts noted in the database (ops-facts.repository.ts).
 * Each probe fails soft — a probe that cannot look says so through its
 * result, never by throwing into the scheduler.
 */
const BACKUP_NAME = /^mnpddh-\d{8}T\d{6}Z\.backup$/;
const FORM_TIMEOUT_MS = 5_000;

/** When each backup of `dir` was written; none when the folder is missing. */
export async function backupTimes(dir: string): Promise<Date[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const times = await Promise.all(
    names
      .filter((name) => BACKUP_NAME.test(name))
      .map((name) =>
        stat(join(dir, name)).then(
          (s) => s.mtime,
          () => null,
        ),
      ),
  );
  return times.filter((time): time is Date => time !== null);
}

/** Free space of each folder that exists (a missing backup folder is the backup check's business). */
export async function diskSpaces(dirs: readonly string[]): Promise<DiskSpace[]> {
  const spaces = await Promise.all(
    dirs.map((dir) =>
      statfs(dir).then(
        (s) => ({ bavail: Number(s.bavail), blocks: Number(s.blocks) }),
        () => null,
      ),
    ),
  );
  return spaces.filter((space): space is DiskSpace => space !== null);
}

/** The certificate's expiry; the epoch (so: expiring) when it cannot be read. */
export async function certificateValidTo(file: string): Promise<Date> {
  try {
    return new Date(new X509Certificate(await readFile(file)).validTo);
  } catch {
    return new Date(0);
  }
}

/** The public form's status, or null when it does not answer in time. */
export async function publicFormStatus(publicUrl: string): Promise<number | null> {
  try {
    const response = await fetch(new URL('/demande', publicUrl), { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(FORM_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/** When a checkpoint was last downloaded, and when the first was signed (both null when never). */
export async function checkpointExportFacts(db: Db): Promise<{ lastExportedAt: Date | null; firstCheckpointAt: Date | null }> {
  const exported = await findCheckpointExported(db);
  const firstCheckpointAt = await findFirstCheckpointSignedAt(db);
  return { lastExportedAt: validDate(exported), firstCheckpointAt };
}

/** When `npm run backup` last noted a failure that no success has cleared, or null. */
export async function backupFailureAt(db: Db): Promise<Date | null> {
  return decodeBackupFailure(await findBackupFailure(db))?.at ?? null;
}

/** When the supervised PostgreSQL was last started again by the portal, or null. */
export async function databaseRestartedAt(db: Db): Promise<Date | null> {
  return validDate(await findDatabaseRestart(db));
}

/** A stored time, or null when there is none or it does not read as one. */
function validDate(value: string | null): Date | null {
  const at = value !== null ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}
