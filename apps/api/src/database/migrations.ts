import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

/*
 * Migrations run through Prisma's WebAssembly schema engine over the `pg`
 * driver adapter: the Prisma CLI wants a native engine downloaded from a host
 * these machines cannot reach. Same folder layout and `_prisma_migrations`
 * bookkeeping as `prisma migrate`, so the standard tools keep working where
 * they are available.
 */

const SNAPSHOT = 'schema.prisma';
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

/** Applies the pending migrations; with `only`, just those named (a restore brings a backup to its own schema). */
export async function applyMigrations(url: string, paths: MigrationPaths, only?: ReadonlySet<string>): Promise<string[]> {
  return withEngine(url, paths, async (engine) => {
    const output = await engine.applyMigrations({
      migrationsList: await listMigrations(paths.migrationsDir, only),
      filters: NO_FILTERS,
    });
    return output.appliedMigrationNames;
  });
}

/**
 * Writes a new migration folder with the SQL that takes the schema from its
 * state at the last migration (the snapshot kept beside each migration.sql) to
 * schema.prisma now. A pure diff of two datamodels: no database, no shadow
 * database (which the WebAssembly engine cannot create on its own).
 */
export async function createMigration(paths: MigrationPaths, name: string, url: string): Promise<string | null> {
  return withEngine(url, paths, async (engine, schema) => {
    const last = await lastSnapshot(paths.migrationsDir);
    const result = await engine.diff({
      from: last === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SNAPSHOT, content: last }] },
      to: { tag: 'schemaDatamodel', files: [{ path: paths.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const script = result.stdout ?? '';
    if (/^\s*(--.*\s*)*$/.test(script) || script.includes('This is an empty migration')) return null;
    const folder = `${timestamp()}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`;
    await mkdir(join(paths.migrationsDir, folder), { recursive: true });
    await writeFile(join(paths.migrationsDir, folder, 'migration.sql'), script);
    await writeFile(join(paths.migrationsDir, folder, SNAPSHOT), schema);
    await writeLockfile(paths.migrationsDir);
    return folder;
  });
}

async function withEngine<T>(url: string, paths: MigrationPaths, work: (engine: SchemaEngine, schema: string) => Promise<T>): Promise<T> {
  const schema = await readFile(paths.schemaPath, 'utf8');
  // Our own pool, ended below: an idle connection would keep holding the
  // engine's advisory lock and stall the next migration run.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  const Engine = await loadEngine();
  const engine = await Engine.new({ datamodels: [[paths.schemaPath, schema]] }, () => undefined, adapter);
  try {
    return await work(engine, schema);
  } finally {
    engine.free();
    await pool.end();
  }
}

/**
 * adapter-pg runs a migration script by splitting it on every `;`, which
 * breaks PL/pgSQL bodies and semicolons in comments. PostgreSQL's simple
 * query protocol takes the whole script at once, and runs it atomically.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

async function listMigrations(baseDir: string, only?: ReadonlySet<string>): Promise<MigrationList> {
  await mkdir(baseDir, { recursive: true });
  const entries = await readdir(baseDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && (only === undefined || only.has(entry.name)))
    .map((entry) => entry.name)
    .sort();
  const lockfilePath = 'migration_lock.toml';
  const lockContent = await readFile(join(baseDir, lockfilePath), 'utf8').catch(() => null);
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(baseDir, folder, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

async function writeLockfile(baseDir: string): Promise<void> {
  await writeFile(
    join(baseDir, 'migration_lock.toml'),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
}

// Node has WebAssembly; the server's type libraries (no DOM) do not declare it.
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: object } }>;
}

let loaded: Promise<typeof SchemaEngine> | undefined;

// The package's entry imports the .wasm file as a module (bundler style), which
// Node cannot do: instantiate the bindings by hand, once per process.
function loadEngine(): Promise<typeof SchemaEngine> {
  loaded ??= (async () => {
    const bindingsPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = join(dirname(bindingsPath), 'schema_engine_bg.wasm');
    const { instance } = await wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': withUnrefTimers(bindings) });
    const exports = instance.exports as { __wbindgen_start(): void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bindings.SchemaEngine;
  })();
  return loaded;
}

async function lastSnapshot(baseDir: string): Promise<string | null> {
  const { migrationDirectories } = await listMigrations(baseDir);
  const last = migrationDirectories.at(-1);
  if (!last) return null;
  return readFile(join(baseDir, last.path, SNAPSHOT), 'utf8');
}

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * The engine arms timers (connection timeouts) that it never clears; left as
 * they are, they hold a finished process open for ten seconds. Unref'd, they
 * still fire while the engine works but no longer keep Node alive.
 */
function withUnrefTimers(imports: object): Record<string, unknown> {
  const patched: Record<string, unknown> = { ...imports };
  for (const [name, value] of Object.entries(patched)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof value === 'function') {
      patched[name] = (...args: unknown[]) => {
        const timer = value(...args) as { unref?: () => void };
        timer.unref?.();
        return timer;
      };
    }
  }
  return patched;
}
