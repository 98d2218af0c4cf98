import type pg from 'pg';

/**
 * Never backed up: sessions and replay answers are short-lived secrets of
 * people signed in at the time (a restored portal must start with nobody
 * signed in), and resumable uploads expire within the day.
 */
export const EXCLUDED_TABLES = new Set(['_prisma_migrations', 'staff_session', 'follow_up_session', 'intake_replay', 'upload_session', 'upload_piece']);

/** Any table a later migration adds with such a name is left out too. */
function excluded(table: string): boolean {
  return EXCLUDED_TABLES.has(table) || /_(session|replay)$/.test(table);
}

/** The public schema's base tables, parents before children (foreign keys), excluded ones left out. */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent
       FROM information_schema.table_constraints tc
       JOIN information_schema.constraint_column_usage ccu
         ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
  );
  const names = tables.rows.map((row) => row.name).filter((name) => !excluded(name));
  return topologicalOrder(names, edges.rows);
}

export function topologicalOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges) if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.length) {
    const ready = names.filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((parent) => placed.has(parent)));
    if (ready.length === 0) throw new Error('foreign keys form a cycle between tables; the backup cannot order them');
    for (const name of ready) {
      placed.add(name);
      order.push(name);
    }
  }
  return order;
}

/** A table name from information_schema or a backup header, quoted for SQL (and checked: ours are snake_case). */
export function quoteTable(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name in backup: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
