import type { BuiltTable } from './statistics-table.js';

/** Built tables kept at most for one counter version (each holds its cells and decisions; a few hundred KiB at most). */
export const MAX_CACHED_TABLES = 300;

/**
 * Tables built from the counters as they stood at one version: the counters
 * change only when a batch applies, so a table is built once per version
 * (and once per request, however many other tables link to it).
 */
export class BuiltTables {
  private version = -1n;
  private tables = new Map<string, Promise<BuiltTable>>();

  /** The tables of this counter version: emptied when a batch was applied since they were built, or when full. */
  at(version: bigint): Map<string, Promise<BuiltTable>> {
    if (version !== this.version || this.tables.size > MAX_CACHED_TABLES) {
      this.version = version;
      this.tables = new Map();
    }
    return this.tables;
  }
}

/** The table under this key, built once; a failed build (the database away) is not kept, so the next request tries again. */
export function builtOnce(tables: Map<string, Promise<BuiltTable>>, key: string, build: () => Promise<BuiltTable>): Promise<BuiltTable> {
  const known = tables.get(key);
  if (known) return known;
  const building = build();
  tables.set(key, building);
  building.catch(() => tables.delete(key));
  return building;
}
