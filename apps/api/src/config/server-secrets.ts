import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  CryptoError,
  deriveIntakeKeyPair,
  generateSecret,
  parseAuditCheckpointKey,
  parseDirectorySigningKey,
  parseIndexKey,
  parseReceiptPepper,
  type IdentityKeyPair,
  type IndexKey,
  type ReceiptPepper,
  type SecretKind,
  type SigningKeyPair,
  type Versioned,
} from '../crypto/index.js';
import { ConfigError, type AppConfig } from './config.schema.js';

/** The secrets that live outside the database, parsed once at boot. */
export interface ServerSecrets {
  readonly receiptPepper: ReceiptPepper;
  readonly indexKey: IndexKey;
  readonly directoryKey: Versioned<SigningKeyPair>;
  readonly auditCheckpointKey: Versioned<SigningKeyPair>;
  /** Signs the grants made at submission; derived from the directory key. */
  readonly intakeKey: IdentityKeyPair;
}

const VARIABLES: Record<SecretKind, 'RECEIPT_PEPPER' | 'DIRECTORY_SIGNING_KEY' | 'INDEX_KEY' | 'AUDIT_CHECKPOINT_KEY'> = {
  'receipt-pepper': 'RECEIPT_PEPPER',
  'directory-signing-key': 'DIRECTORY_SIGNING_KEY',
  'index-key': 'INDEX_KEY',
  'audit-checkpoint-key': 'AUDIT_CHECKPOINT_KEY',
};

/**
 * From the environment; in embedded demo mode only, missing ones are read
 * from (or generated into) DATA_DIR/secrets.env. Anywhere else a missing or
 * malformed secret stops the start, naming every variable concerned.
 */
export async function loadServerSecrets(config: AppConfig): Promise<ServerSecrets> {
  // Demo secrets only for what the environment leaves out: a restore into a fresh data directory with every
  // secret given must not leave a file of unused random ones beside the database.
  const fromEnvironment = Object.values(VARIABLES).every((name) => config[name]);
  const values: Partial<Record<string, string>> = { ...(config.embedded && !fromEnvironment ? await demoSecrets(config.DATA_DIR) : {}) };
  for (const name of Object.values(VARIABLES)) if (config[name]) values[name] = config[name];
  const problems: string[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const receiptPepper = attempt(() => parseReceiptPepper(values.RECEIPT_PEPPER));
  const indexKey = attempt(() => parseIndexKey(values.INDEX_KEY));
  const directoryKey = attempt(() => parseDirectorySigningKey(values.DIRECTORY_SIGNING_KEY));
  const auditCheckpointKey = attempt(() => parseAuditCheckpointKey(values.AUDIT_CHECKPOINT_KEY));
  if (!receiptPepper || !indexKey || !directoryKey || !auditCheckpointKey) throw new ConfigError(problems);
  return {
    receiptPepper,
    indexKey,
    directoryKey,
    auditCheckpointKey,
    intakeKey: deriveIntakeKeyPair(directoryKey.value),
  };
}

async function demoSecrets(dataDir: string): Promise<Record<string, string>> {
  await mkdir(resolve(dataDir), { recursive: true, mode: 0o711 });
  const file = join(resolve(dataDir), 'secrets.env');
  const text = await readFile(file, 'utf8').catch(() => '');
  const values = Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const missing = (Object.entries(VARIABLES) as [SecretKind, string][]).filter(([, name]) => !values[name]);
  if (missing.length === 0) return values;
  for (const [kind, name] of missing) values[name] = generateSecret(kind);
  const body = Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  await writeFile(file, `# Demo secrets (embedded mode only). Keep apart from backups.\n${body}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return values;
}
