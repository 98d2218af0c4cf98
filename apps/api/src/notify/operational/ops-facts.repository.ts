import { CHECKPOINT_EXPORTED_SETTING } from '../../audit/audit-checkpoints.js';
import type { Db } from '../../database/db.js';
import { BACKUP_FAILED_SETTING } from './backup-failure.js';

/*
 * The database facts the operational checks read: three settings the portal
 * and its commands note, and the first signed checkpoint. Plain functions,
 * like the other probes (ops-probes.ts), which turn them into dates.
 */

/** When the portal last had to start its embedded PostgreSQL again (ISO time). */
const DATABASE_RESTARTED_SETTING = 'ops.database_restarted_at';

async function settingValue(db: Db, key: string): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

/** When a checkpoint was last downloaded, as written (ISO time), or null when never. */
export function findCheckpointExported(db: Db): Promise<string | null> {
  return settingValue(db, CHECKPOINT_EXPORTED_SETTING);
}

/** When the first checkpoint was signed, or null when none was. */
export async function findFirstCheckpointSignedAt(db: Db): Promise<Date | null> {
  const first = await db.auditCheckpoint.findFirst({ orderBy: { id: 'asc' }, select: { signedAt: true } });
  return first?.signedAt ?? null;
}

/** The failure `npm run backup` noted and no success has cleared yet, as written. */
export function findBackupFailure(db: Db): Promise<string | null> {
  return settingValue(db, BACKUP_FAILED_SETTING);
}

/** When the supervised PostgreSQL was last started again, as written (ISO time). */
export function findDatabaseRestart(db: Db): Promise<string | null> {
  return settingValue(db, DATABASE_RESTARTED_SETTING);
}

export async function saveDatabaseRestart(db: Db, at: Date): Promise<void> {
  const value = at.toISOString();
  await db.setting.upsert({ where: { key: DATABASE_RESTARTED_SETTING }, create: { key: DATABASE_RESTARTED_SETTING, value }, update: { value } });
}
