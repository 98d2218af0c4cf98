import type { OpsTopic } from '@mnpddh/shared';

/**
 * The operational checks as pure decisions: each takes what was
 * observed and says whether the mechanism is at risk. I/O lives in ops-probes.ts.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** True when no backup file was written in the last `maxAgeHours`. */
export function backupMissing(now: Date, backupTimes: readonly Date[], maxAgeHours: number): boolean {
  return !backupTimes.some((at) => now.getTime() - at.getTime() <= maxAgeHours * HOUR_MS);
}

/**
 * True when the backup command noted a failure and no backup file was
 * written since (a backup restored elsewhere may carry an old note: the
 * newer file proves it is over).
 */
export function backupFailed(lastFailureAt: Date | null, backupTimes: readonly Date[]): boolean {
  return lastFailureAt !== null && !backupTimes.some((at) => at.getTime() >= lastFailureAt.getTime());
}

export interface DiskSpace {
  /** Blocks free to the portal's user, and the file system's size, in blocks (fs.statfs). */
  readonly bavail: number;
  readonly blocks: number;
}

/** True when any watched file system has less than `minFreePercent` free. */
export function diskNearlyFull(disks: readonly DiskSpace[], minFreePercent: number): boolean {
  return disks.some((disk) => disk.blocks > 0 && (disk.bavail / disk.blocks) * 100 < minFreePercent);
}

/**
 * True when no checkpoint was downloaded for `maxDays`; counted from the first
 * checkpoint when none ever was (a fresh portal is not late), never with no checkpoint.
 */
export function checkpointNotExported(now: Date, lastExportedAt: Date | null, firstCheckpointAt: Date | null, maxDays: number): boolean {
  const since = lastExportedAt ?? firstCheckpointAt;
  return since !== null && now.getTime() - since.getTime() > maxDays * DAY_MS;
}

/** True when the certificate expires in fewer than `minDays` (or has expired). */
export function tlsExpiring(now: Date, validTo: Date, minDays: number): boolean {
  return validTo.getTime() - now.getTime() < minDays * DAY_MS;
}

/** The public form's answer: its HTTP status, or null when it could not be reached in time. */
export function publicFormUnreachable(status: number | null): boolean {
  return status === null || status < 200 || status >= 400;
}

/** True for a day after the portal had to restart its embedded PostgreSQL (one alert: the daily dedupe key). */
export function restartedWithinADay(now: Date, restartedAt: Date | null): boolean {
  return restartedAt !== null && now.getTime() - restartedAt.getTime() < DAY_MS;
}

/** One operational alert per topic per (UTC) day. */
export function opsDedupeKey(topic: OpsTopic, now: Date): string {
  return `ops:${topic}:${now.toISOString().slice(0, 10)}`;
}
