import type pg from 'pg';
import { recordedFingerprints } from '../database/secret-fingerprints.js';
import { quoteTable, tablesInDependencyOrder } from './tables.js';

/** Rows fetched at a time: memory stays flat whatever the table's size. */
const BATCH = 500;

/** Every value in PostgreSQL's text form: what INSERT parses back to the same value, whatever the type. */
const AS_TEXT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export interface DumpState {
  /** Applied migrations, oldest first: the schema the rows belong to. */
  readonly migrations: string[];
  readonly tables: string[];
  /** The latest signed audit checkpoint, which the restore checks. */
  readonly checkpoint: { rowCount: string; headHash: string } | null;
  readonly fingerprints: Record<string, string>;
}

/**
 * Opens a consistent snapshot (REPEATABLE READ, read-only) on `client` and
 * reads what the header needs. Call dumpRows next, then end the transaction.
 */
export async function beginDump(client: pg.ClientBase): Promise<DumpState> {
  // Fixed text forms, so the restore session (same settings) reads back exactly what was written.
  await client.query(`SET DateStyle = ISO; SET IntervalStyle = postgres; SET TimeZone = 'UTC'; SET extra_float_digits = 3`);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const migrated = await client.query<{ found: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS found`);
  if (!migrated.rows[0]?.found) throw new Error('This database has never been migrated: there is nothing to back up.');
  const migrations = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`,
  );
  const checkpoint = await client.query<{ rowCount: string; headHash: string }>(
    `SELECT row_count::text AS "rowCount", head_hash AS "headHash" FROM audit_checkpoint ORDER BY row_count DESC LIMIT 1`,
  );
  return {
    migrations: migrations.rows.map((row) => row.name).sort(),
    tables: await tablesInDependencyOrder(client),
    checkpoint: checkpoint.rows[0] ?? null,
    fingerprints: await recordedFingerprints(client),
  };
}

/**
 * The dump, as newline-delimited JSON: per table ["table", name, columns],
 * then ["row", values] (text form or null), then ["end", name, count].
 */
export async function* dumpRows(client: pg.ClientBase, tables: string[]): AsyncGenerator<Buffer> {
  for (const table of tables) {
    await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT * FROM ${quoteTable(table)}`);
    let count = 0;
    let columns: string[] | null = null;
    for (;;) {
      const batch = await client.query({ text: `FETCH ${BATCH} FROM backup_cursor`, rowMode: 'array', types: AS_TEXT });
      if (columns === null) {
        columns = batch.fields.map((field) => field.name);
        yield line(['table', table, columns]);
      }
      if (batch.rows.length === 0) break;
      count += batch.rows.length;
      yield Buffer.from(batch.rows.map((row: unknown[]) => JSON.stringify(['row', row])).join('\n') + '\n');
    }
    await client.query('CLOSE backup_cursor');
    yield line(['end', table, count]);
  }
}

function line(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`);
}
