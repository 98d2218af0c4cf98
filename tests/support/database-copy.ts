import pg from 'pg';

/*
 * What someone holding a copy of the data directory reads: every tuple
 * version on every heap page (live ones and dead ones not yet vacuumed),
 * with the ids of the transactions that wrote (xmin) and removed (xmax) it,
 * and the raw bytes of each column. pageinspect reads the same pages a file
 * copy holds, so the live server stands in for the copy.
 */

export interface TupleVersion {
  readonly table: string;
  readonly xmin: string;
  /** '0' while the version is live. */
  readonly xmax: string;
  /** Raw column bytes, in column order (null for a null column). */
  readonly attrs: (Buffer | null)[];
}

export interface TimeColumn {
  readonly table: string;
  /** 0-based position in TupleVersion.attrs. */
  readonly index: number;
  readonly column: string;
}

/** Every tuple version of every table of the public schema, read from the heap pages. */
export async function readEveryTupleVersion(ownerUrl: string): Promise<TupleVersion[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const tables = await client.query<{ name: string; blocks: number }>(
      `SELECT c.relname AS name, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS blocks
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    const versions: TupleVersion[] = [];
    for (const { name, blocks } of tables.rows) {
      for (let block = 0; block < blocks; block++) {
        const items = await client.query<{ xmin: string; xmax: string; attrs: (Buffer | null)[] }>(
          `SELECT t_xmin::text AS xmin, t_xmax::text AS xmax, t_attrs AS attrs
             FROM heap_page_item_attrs(get_raw_page($1, $2), $1::regclass, false)
            WHERE lp_flags = 1 AND t_xmin IS NOT NULL`,
          [name, block],
        );
        for (const item of items.rows) versions.push({ table: name, ...item });
      }
    }
    return versions;
  } finally {
    await client.end();
  }
}

/** The timestamp columns of every table, as positions in a tuple's attributes. */
export async function timeColumns(ownerUrl: string): Promise<TimeColumn[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const rows = await client.query<{ table: string; attnum: number; column: string }>(
      `SELECT c.relname AS table, a.attnum, a.attname AS column
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND a.atttypid IN ('timestamp'::regtype, 'timestamptz'::regtype)`,
    );
    return rows.rows.map((row) => ({ table: row.table, index: row.attnum - 1, column: row.column }));
  } finally {
    await client.end();
  }
}

/** A timestamp column's raw bytes: microseconds since 2000-01-01, little-endian. */
export function timeOf(raw: Buffer): Date {
  const micros = raw.readBigInt64LE(0);
  return new Date(Date.UTC(2000, 0, 1) + Number(micros / 1000n));
}

/** Whether a raw timestamp is finer than the hour. */
export function finerThanHour(raw: Buffer): boolean {
  return raw.readBigInt64LE(0) % 3_600_000_000n !== 0n;
}

/** The identifiers a tuple version names, in binary (uuid columns) or text form. */
export function namesAny(version: TupleVersion, ids: Map<string, string>): Set<string> {
  const named = new Set<string>();
  for (const raw of version.attrs) {
    if (!raw) continue;
    for (const [id, owner] of ids) {
      if (raw.length === 16 ? raw.equals(Buffer.from(id.replaceAll('-', ''), 'hex')) : raw.includes(id)) named.add(owner);
    }
  }
  return named;
}

/**
 * For each transaction that wrote or removed a version of `table`, the cases
 * the copy ties to it: cases whose rows that transaction wrote or removed,
 * and cases whose rows were written by a transaction whose tuples it removed
 * (a queue drained) or that removed tuples it wrote.
 */
export function casesBehindWrites(versions: TupleVersion[], table: string, ids: Map<string, string>): Map<string, Set<string>> {
  const touched = new Map<string, Set<string>>();
  const touch = (xid: string, cases: Set<string>) => {
    if (xid === '0') return;
    const set = touched.get(xid) ?? new Set<string>();
    cases.forEach((c) => set.add(c));
    touched.set(xid, set);
  };
  for (const version of versions) {
    const cases = namesAny(version, ids);
    touch(version.xmin, cases);
    touch(version.xmax, cases);
  }
  const behind = new Map<string, Set<string>>();
  const writers = new Set(
    versions
      .filter((v) => v.table === table)
      .flatMap((v) => [v.xmin, v.xmax])
      .filter((x) => x !== '0'),
  );
  for (const xid of writers) {
    const cases = new Set(touched.get(xid) ?? []);
    for (const version of versions) {
      if (version.xmax === xid) touched.get(version.xmin)?.forEach((c) => cases.add(c));
      if (version.xmin === xid) touched.get(version.xmax)?.forEach((c) => cases.add(c));
    }
    behind.set(xid, cases);
  }
  return behind;
}
