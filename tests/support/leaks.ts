import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Everything a logical dump holds: every row of every table, as PostgreSQL
 * renders it (COPY text form, bytea as hex) and, for binary columns, the raw
 * bytes too. (The embedded server is PostgreSQL 18 and the npm package ships
 * no pg_dump; Debian's pg_dump 15 refuses a newer server.)
 */
export async function databaseDump(url: string): Promise<Buffer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const parts: Buffer[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query({ text: `SELECT * FROM ${name}`, rowMode: 'array' });
      for (const row of rows.rows as unknown[][]) {
        for (const value of row)
          parts.push(Buffer.isBuffer(value) ? Buffer.concat([value, Buffer.from(value.toString('hex'))]) : Buffer.from(`${JSON.stringify(value)}\t`));
      }
      const text = await client.query({ text: `SELECT t::text AS line FROM ${name} t` });
      parts.push(Buffer.from(text.rows.map((r: { line: string }) => r.line).join('\n')));
    }
    return Buffer.concat(parts);
  } finally {
    await client.end();
  }
}

/** The forms in which a secret could sit in bytes: raw, UTF-8, hex, base64, base64url. */
export function encodings(secret: Buffer | string): Buffer[] {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  return [bytes, Buffer.from(bytes.toString('hex')), Buffer.from(bytes.toString('base64')), Buffer.from(bytes.toString('base64url'))];
}

/** Paths of the files under `root` that contain any of the needles. */
export function filesContaining(root: string, needles: Buffer[]): string[] {
  const hits: string[] = [];
  const walk = (path: string) => {
    const info = statSync(path);
    if (info.isDirectory()) return readdirSync(path).forEach((name) => walk(join(path, name)));
    if (!info.isFile()) return;
    const content = readFileSync(path);
    if (needles.some((needle) => content.includes(needle))) hits.push(path);
  };
  walk(root);
  return hits;
}
