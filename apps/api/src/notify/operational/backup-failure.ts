import pg from 'pg';

/*
 * `npm run backup` failing is an operational alert of its own:
 * the command notes the failure in one setting row — when and a coarse
 * reason code, never a message, a path or a key — and the operational scan
 * raises 'backup_failed' until a backup succeeds (which deletes the row).
 */
export const BACKUP_FAILED_SETTING = 'backup.last_failure';

export const BACKUP_FAILURE_REASONS = ['missing_key', 'target_unwritable', 'copy_failed', 'error'] as const;
export type BackupFailureReason = (typeof BACKUP_FAILURE_REASONS)[number];

export interface BackupFailure {
  readonly at: Date;
  readonly reason: BackupFailureReason;
}

/** File-system refusals: the backup folder cannot be created or written. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EISDIR', 'EDQUOT']);

/** What went wrong, coarsely; the message itself may name paths and stays on the operator's terminal. */
export function backupFailureReason(error: unknown): BackupFailureReason {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNWRITABLE.has(code) ? 'target_unwritable' : 'error';
}

export function encodeBackupFailure(failure: BackupFailure): string {
  return JSON.stringify({ at: failure.at.toISOString(), reason: failure.reason });
}

/** The stored row, or null when it is missing or unreadable (an unreadable row is no evidence of failure). */
export function decodeBackupFailure(value: string | null | undefined): BackupFailure | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { at?: unknown; reason?: unknown };
    const at = typeof parsed.at === 'string' ? new Date(parsed.at) : null;
    const reason = BACKUP_FAILURE_REASONS.find((r) => r === parsed.reason);
    return at && !Number.isNaN(at.getTime()) && reason ? { at, reason } : null;
  } catch {
    return null;
  }
}

/** Notes the failure (the command line has no Nest app: a plain client, like the backup itself). */
export async function recordBackupFailure(databaseUrl: string, failure: BackupFailure): Promise<void> {
  await withClient(databaseUrl, (client) =>
    client.query(
      'INSERT INTO setting (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()',
      [BACKUP_FAILED_SETTING, encodeBackupFailure(failure)],
    ),
  );
}

/** A backup succeeded: the failure is over. */
export async function clearBackupFailure(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query('DELETE FROM setting WHERE key = $1', [BACKUP_FAILED_SETTING]));
}

async function withClient(databaseUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
