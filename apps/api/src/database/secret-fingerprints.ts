import pg from 'pg';
import type { SecretFingerprint } from '../config/server-secrets.js';

/**
 * The secrets belong to their database: the `setting` table records one
 * fingerprint per secret kind (never the secret, see crypto/secret-fingerprint.ts),
 * and every start and every command compares the configured secrets with it.
 * A kind without a fingerprint (a database made before fingerprints, a kind
 * added by a later release) is recorded once, by the portal's start.
 */
const PREFIX = 'secret-fingerprint:';

/** The configured secrets are not the ones this database was made with; names each wrong one. */
export class SecretsMismatch extends Error {
  constructor(readonly variables: string[]) {
    super(
      [
        ...variables.map((name) => `${name} n'est pas le secret avec lequel cette base a été créée / is not the secret this database was made with`),
        `Donnez les secrets gardés avec cette base (SECRETS_FILE=<fichier de secrets> ou les variables), jamais de nouveaux. / Give the secrets kept with this database (SECRETS_FILE=<secrets file> or the variables), never new ones. See docs/OPERATIONS.md, "The portal refuses its secrets".`,
      ].join('\n'),
    );
    this.name = 'SecretsMismatch';
  }
}

export interface FingerprintCheck {
  /** Kinds this call recorded (none unless `record`). */
  readonly recorded: string[];
  /** True when they were recorded into a database that already held data: an upgrade adopting its secrets. */
  readonly adopted: boolean;
}

/**
 * Throws SecretsMismatch when any recorded fingerprint differs from the
 * configured one. With `record`, writes the missing ones (under a lock, so two
 * starts cannot record two different sets).
 */
export async function checkSecretFingerprints(ownerUrl: string, configured: readonly SecretFingerprint[], record: boolean): Promise<FingerprintCheck> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Before the first migration there is nothing to compare with (and nothing to open).
    const migrated = await client.query<{ found: string | null }>(`SELECT to_regclass('public.setting')::text AS found`);
    if (!migrated.rows[0]?.found) return { recorded: [], adopted: false };
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('mnpddh:secret-fingerprints'))`);
    const rows = await client.query<{ key: string; value: string }>(`SELECT key, value FROM setting WHERE key LIKE $1`, [`${PREFIX}%`]);
    const recorded = new Map(rows.rows.map((row) => [row.key.slice(PREFIX.length), row.value]));
    const wrong = configured.filter((secret) => recorded.has(secret.kind) && recorded.get(secret.kind) !== secret.fingerprint);
    if (wrong.length > 0) throw new SecretsMismatch(wrong.map((secret) => secret.variable));
    const missing = record ? configured.filter((secret) => !recorded.has(secret.kind)) : [];
    for (const secret of missing) {
      await client.query(`INSERT INTO setting (key, value, updated_at) VALUES ($1, $2, now())`, [PREFIX + secret.kind, secret.fingerprint]);
    }
    const adopted = missing.length > 0 && (await holdsData(client));
    await client.query('COMMIT');
    return { recorded: missing.map((secret) => secret.kind), adopted };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Staff or an audit trail: made by the portal before, not brand new. */
async function holdsData(client: pg.Client): Promise<boolean> {
  const found = await client.query(`SELECT 1 FROM staff_user UNION ALL SELECT 1 FROM audit_event LIMIT 1`);
  return (found.rowCount ?? 0) > 0;
}

/** The fingerprints a database records, by kind (for the backup header). */
export async function recordedFingerprints(client: pg.ClientBase): Promise<Record<string, string>> {
  const rows = await client.query<{ key: string; value: string }>(`SELECT key, value FROM setting WHERE key LIKE $1 ORDER BY key`, [`${PREFIX}%`]);
  return Object.fromEntries(rows.rows.map((row) => [row.key.slice(PREFIX.length), row.value]));
}
