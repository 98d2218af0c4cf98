import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import pg from 'pg';
import type { SecretFingerprint } from '../config/server-secrets.js';
import {
  backupDamage,
  backupOpensWith,
  CryptoError,
  deriveBackupSigningKeyPair,
  openBackupStream,
  readBackupHeader,
  verifyBackup,
  type SigningKeyPair,
} from '../crypto/index.js';
import { applyMigrations, type MigrationPaths } from '../database/migrations.js';
import type { FileStore } from '../file-store/file-store.js';
import { decodeHeader, type BackupHeader } from './header.js';
import { StoredFileLoader } from './load-stored-files.js';
import { refuse } from './restore-refusal.js';
import { quoteTable } from './tables.js';

export interface RestoreOptions {
  readonly file: string;
  /** An EMPTY database, as a role that may create the schema. */
  readonly databaseUrl: string;
  readonly tenant: string;
  /** The offline backup private key (text). */
  readonly backupPrivateKey: string;
  readonly directoryKey: SigningKeyPair;
  readonly migrationPaths: MigrationPaths;
  /** The restored portal's file store (FILE_STORE_DIR, else DATA_DIR/files): the attachments' encrypted content goes there. */
  readonly fileStore: FileStore;
  /** The configured secrets' fingerprints, compared with those the backup recorded. */
  readonly fingerprints?: readonly SecretFingerprint[];
}

/** Rows per INSERT (well under PostgreSQL's 65,535 parameters). */
const ROWS_PER_INSERT = 100;

/**
 * Each check names its own cause (restore-refusal.ts), cheapest first and
 * nothing written until all pass: the file is a backup of this tenant; it was
 * made with these secrets; this private key opens it; its signature verifies
 * over the whole file (else: truncated or changed); the target is empty; this
 * release knows its migrations. Then the database is migrated to exactly the
 * backup's migrations (the next start applies this release's later ones:
 * an older backup is upgraded like an older data directory) and every table
 * is loaded in one transaction (the signature checked again before COMMIT),
 * the attachments' encrypted content written back into the file store.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupHeader> {
  const signer = deriveBackupSigningKeyPair(options.directoryKey);
  try {
    const header = await unverifiedHeader(options.file);
    if (header.tenant !== options.tenant) throw refuse.otherTenant(header.tenant, options.tenant);
    assertSameSecrets(header, options.fingerprints ?? [], signer.publicKey);
    if (!(await backupOpensWith(createReadStream(options.file), options.backupPrivateKey))) throw refuse.wrongBackupKey(header.encryptedTo);
    await assertSigned(options.file, signer.publicKey);
    await assertEmpty(options.databaseUrl);
    await assertKnownMigrations(header, options.migrationPaths);
    await applyMigrations(options.databaseUrl, options.migrationPaths, new Set(header.migrations));
    await loadRows(options, header, signer.publicKey);
    return header;
  } finally {
    signer.destroy();
  }
}

/** The clear header as the file states it; authenticated only by assertSigned, so used for diagnosis first. */
async function unverifiedHeader(file: string): Promise<BackupHeader> {
  const start = await readStart(file);
  let bytes: Buffer;
  try {
    bytes = readBackupHeader(start);
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'TRUNCATED_STREAM') throw refuse.truncated();
    throw refuse.notABackup();
  }
  try {
    return decodeHeader(bytes);
  } catch {
    // Our magic, then a header that does not parse: a changed file, not someone else's.
    throw refuse.changed();
  }
}

async function readStart(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Enough for any header this release writes (the crypto layer caps them at 1 MiB). */
const HEADER_READ_BYTES = 1024 * 1024 + 64;

/**
 * Recorded fingerprints name the wrong secret; a backup from before them
 * still names a wrong directory key (its signing key is derived from it).
 */
function assertSameSecrets(header: BackupHeader, configured: readonly SecretFingerprint[], signerPublicKey: string): void {
  const recorded = header.fingerprints ?? {};
  const wrong = configured
    .filter((secret) => recorded[secret.kind] !== undefined && recorded[secret.kind] !== secret.fingerprint)
    .map((secret) => secret.variable);
  if (wrong.length === 0 && header.signedBy !== signerPublicKey) wrong.push('DIRECTORY_SIGNING_KEY');
  if (wrong.length > 0) throw refuse.wrongSecrets(wrong);
}

async function assertSigned(file: string, signerPublicKey: string): Promise<void> {
  try {
    await verifyBackup(createReadStream(file), signerPublicKey);
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    throw (await backupDamage(createReadStream(file))) === 'truncated' ? refuse.truncated() : refuse.changed();
  }
}

async function assertEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' LIMIT 1`);
    if (found.rowCount !== 0) throw refuse.notEmpty();
  } finally {
    await client.end();
  }
}

/** Every migration of the backup must be one of this release's: a backup from a newer release cannot be loaded here. */
async function assertKnownMigrations(header: BackupHeader, paths: MigrationPaths): Promise<void> {
  const entries = await readdir(paths.migrationsDir, { withFileTypes: true });
  const here = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  if (header.migrations.some((name) => !here.has(name))) throw refuse.newerRelease(header.migration);
}

async function loadRows(options: RestoreOptions, header: BackupHeader, signerPublicKey: string): Promise<void> {
  const files = new StoredFileLoader(options.fileStore, header.storedFiles ?? 0);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET DateStyle = ISO; SET IntervalStyle = postgres; SET TimeZone = 'UTC'`);
    await client.query('BEGIN');
    const loader = new TableLoader(client, header.tables);
    for await (const line of lines(openBackupStream(createReadStream(options.file), options.backupPrivateKey, signerPublicKey))) {
      const entry = JSON.parse(line) as unknown[];
      await (StoredFileLoader.handles(entry[0]) ? files.take(entry) : loader.take(entry));
    }
    loader.finish();
    files.finish();
    await resetSequences(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await files.discard().catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function* lines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const piece of source) {
    const text = rest + decoder.decode(piece, { stream: true });
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) if (part !== '') yield part;
  }
  rest += decoder.decode();
  if (rest !== '') throw new Error('backup dump ends in the middle of a line');
}

/** Takes the dump's lines in order and inserts the rows, checking tables and counts against the header. */
class TableLoader {
  #index = 0;
  #table: string | null = null;
  #columns: string[] = [];
  #pending: unknown[][] = [];
  #count = 0;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly tables: string[],
  ) {}

  async take(entry: unknown[]): Promise<void> {
    const [kind, a, b] = entry;
    if (kind === 'table') return this.#open(a as string, b as string[]);
    if (kind === 'row' && this.#table !== null && Array.isArray(a) && a.length === this.#columns.length) {
      this.#pending.push(a);
      this.#count++;
      if (this.#pending.length >= ROWS_PER_INSERT) await this.#flush();
      return;
    }
    if (kind === 'end' && a === this.#table && b === this.#count) {
      await this.#flush();
      this.#table = null;
      return;
    }
    throw new Error('backup dump is malformed');
  }

  finish(): void {
    if (this.#table !== null || this.#index !== this.tables.length) throw new Error('backup dump is incomplete');
  }

  #open(table: string, columns: string[]): void {
    if (this.#table !== null || table !== this.tables[this.#index]) throw new Error('backup dump tables are out of order');
    this.#index++;
    this.#table = table;
    this.#columns = columns.map((column) => quoteIdentifier(column));
    this.#count = 0;
  }

  async #flush(): Promise<void> {
    if (this.#pending.length === 0 || this.#table === null) return;
    const width = this.#columns.length;
    const values = this.#pending.map((_, row) => `(${this.#columns.map((__, column) => `$${row * width + column + 1}`).join(', ')})`);
    await this.client.query(`INSERT INTO ${quoteTable(this.#table)} (${this.#columns.join(', ')}) VALUES ${values.join(', ')}`, this.#pending.flat());
    this.#pending = [];
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unexpected column name in backup: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** Sequences owned by restored columns continue after the largest restored value. */
async function resetSequences(client: pg.ClientBase): Promise<void> {
  const owned = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = s.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of owned.rows) {
    await client.query(
      `SELECT setval('public.${quoteIdentifier(seq)}', COALESCE((SELECT MAX(${quoteIdentifier(col)}) FROM ${quoteTable(tbl)}), 1), (SELECT COUNT(*) > 0 FROM ${quoteTable(tbl)}))`,
    );
  }
}
