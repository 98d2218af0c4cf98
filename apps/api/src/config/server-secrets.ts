import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  CryptoError,
  deriveAnchorKey,
  deriveAuditChainKey,
  deriveIntakeKeyPair,
  generateSecret,
  parseAuditCheckpointKey,
  parseDirectorySigningKey,
  parseIndexKey,
  parseReceiptPepper,
  secretFingerprint,
  type AnchorKey,
  type AuditChainKey,
  type IdentityKeyPair,
  type IndexKey,
  type ReceiptPepper,
  type SecretKind,
  type SigningKeyPair,
  type Versioned,
} from '../crypto/index.js';
import { ConfigError, type AppConfig } from './config.schema.js';
import { exists, holdsDatabase, missingBesideDatabase, readSecretsFile } from './secrets-file.js';

/** The secrets that live outside the database, parsed once at boot. */
export interface ServerSecrets {
  readonly receiptPepper: ReceiptPepper;
  readonly indexKey: IndexKey;
  readonly directoryKey: Versioned<SigningKeyPair>;
  readonly auditCheckpointKey: Versioned<SigningKeyPair>;
  /** Signs the grants made at submission; derived from the directory key. */
  readonly intakeKey: IdentityKeyPair;
  /** One per configured secret: what the database records to recognise its secrets (never the secrets). */
  readonly fingerprints: readonly SecretFingerprint[];
  /** Keys the audit chain; derived from the checkpoint key. */
  readonly auditChainKey: AuditChainKey;
  /** Authenticates the integrity anchor file; derived from the checkpoint key. */
  readonly anchorKey: AnchorKey;
}

export interface SecretFingerprint {
  readonly kind: SecretKind;
  /** The environment variable that holds it. */
  readonly variable: SecretVariable;
  readonly fingerprint: string;
}

export type SecretVariable = 'RECEIPT_PEPPER' | 'DIRECTORY_SIGNING_KEY' | 'INDEX_KEY' | 'AUDIT_CHECKPOINT_KEY';

/** Every secret kept outside the database, by kind: a kind added here is loaded, generated and fingerprinted. */
export const SECRET_VARIABLES: Record<SecretKind, SecretVariable> = {
  'receipt-pepper': 'RECEIPT_PEPPER',
  'directory-signing-key': 'DIRECTORY_SIGNING_KEY',
  'index-key': 'INDEX_KEY',
  'audit-checkpoint-key': 'AUDIT_CHECKPOINT_KEY',
};

/**
 * From the environment, then SECRETS_FILE (the secrets kept apart from the
 * backups); in embedded demo mode only, missing ones are read from
 * DATA_DIR/secrets.env, and generated there only for a data directory that
 * holds no database yet. Anywhere else a missing or malformed secret stops
 * the start, naming every variable concerned.
 */
export async function loadServerSecrets(config: AppConfig, demo = true): Promise<ServerSecrets> {
  const given = await givenSecrets(config);
  // Demo secrets only for what the environment leaves out: a restore into a fresh data directory with every
  // secret given must not leave a file of unused random ones beside the database.
  const complete = Object.values(SECRET_VARIABLES).every((name) => given[name]);
  const values: Partial<Record<string, string>> = { ...(demo && config.embedded && !complete ? await demoSecrets(config.DATA_DIR, given) : {}), ...given };
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
    fingerprints: (Object.entries(SECRET_VARIABLES) as [SecretKind, SecretVariable][]).map(([kind, variable]) => ({
      kind,
      variable,
      fingerprint: secretFingerprint(values[variable] as string, config.TENANT, variable),
    })),
    auditChainKey: deriveAuditChainKey(auditCheckpointKey.value),
    anchorKey: deriveAnchorKey(auditCheckpointKey.value),
  };
}

/** The environment's secrets over those of SECRETS_FILE. */
async function givenSecrets(config: AppConfig): Promise<Partial<Record<string, string>>> {
  const values: Partial<Record<string, string>> = config.SECRETS_FILE ? await readSecretsFile(config.SECRETS_FILE, 'SECRETS_FILE') : {};
  for (const name of Object.values(SECRET_VARIABLES)) if (config[name]) values[name] = config[name];
  return values;
}

async function demoSecrets(dataDir: string, given: Partial<Record<string, string>>): Promise<Record<string, string>> {
  await mkdir(resolve(dataDir), { recursive: true, mode: 0o711 });
  const file = join(resolve(dataDir), 'secrets.env');
  const known = await exists(file);
  const values = known ? await readSecretsFile(file, file) : {};
  const missing = (Object.entries(SECRET_VARIABLES) as [SecretKind, string][]).filter(([, name]) => !values[name]);
  if (missing.length === 0) return values;
  // Beside a database made with secrets kept elsewhere (a restore, a copied data directory), new random ones
  // would open nothing: the portal would answer "ready" and fail every sign-in and every receipt.
  if (!known && (await holdsDatabase(dataDir)))
    throw new ConfigError(
      missingBesideDatabase(
        dataDir,
        missing.map(([, name]) => name).filter((name) => !given[name]),
      ),
    );
  for (const [kind, name] of missing) values[name] = generateSecret(kind);
  const body = Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  await writeFile(file, `# Demo secrets (embedded mode only). Keep apart from backups.\n${body}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return values;
}
