import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from './config.schema.js';

/**
 * A secrets file: `NAME=value` lines, `#` comments, as DATA_DIR/secrets.env
 * and as the file an operator keeps apart from the backups (SECRETS_FILE).
 * A file that cannot be read stops the command, naming the file, not its content.
 */
export async function readSecretsFile(path: string, label: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([`${label}: cannot read the secrets file (${code}) / fichier de secrets illisible`]);
  }
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim().replace(/^export\s+/, ''))
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), unquote(line.slice(line.indexOf('=') + 1).trim())]),
  );
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** True once the embedded PostgreSQL of this data directory was initialised: it holds a database. */
export function holdsDatabase(dataDir: string): Promise<boolean> {
  return exists(join(resolve(dataDir), 'pg', 'PG_VERSION'));
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Why no demo secret is generated here, and how to give the real ones. */
export function missingBesideDatabase(dataDir: string, names: string[]): string[] {
  return [
    ...names.map(
      (name) =>
        `${name} manque : ${resolve(dataDir)} contient déjà une base, créée avec d'autres secrets / is missing: this data directory already holds a database, made with other secrets`,
    ),
    `Donnez les secrets de cette base (SECRETS_FILE=<fichier de secrets> ou les variables) ; aucun secret n'est généré à côté d'une base existante. / Give this database's secrets (SECRETS_FILE=<secrets file> or the variables); none is generated beside an existing database. See docs/OPERATIONS.md.`,
  ];
}
