import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecret } from '../crypto/index.js';
import { ConfigError, parseConfig } from './config.schema.js';
import { loadServerSecrets } from './server-secrets.js';

const given = () => ({
  RECEIPT_PEPPER: generateSecret('receipt-pepper'),
  DIRECTORY_SIGNING_KEY: generateSecret('directory-signing-key'),
  INDEX_KEY: generateSecret('index-key'),
  AUDIT_CHECKPOINT_KEY: generateSecret('audit-checkpoint-key'),
});

describe('loadServerSecrets in embedded mode', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'secrets-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes no demo secrets file when the environment gives every secret (a restore into a fresh data directory)', async () => {
    await loadServerSecrets(parseConfig({ DATA_DIR: dataDir, ...given() }));
    await expect(stat(join(dataDir, 'secrets.env'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('generates the missing ones into a file only its owner reads, and reads the same ones back', async () => {
    const first = await loadServerSecrets(parseConfig({ DATA_DIR: dataDir }));
    const file = join(dataDir, 'secrets.env');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain('RECEIPT_PEPPER=');
    const again = await loadServerSecrets(parseConfig({ DATA_DIR: dataDir }));
    expect(again.directoryKey.value.publicKey).toBe(first.directoryKey.value.publicKey);
  });
});

describe('demo secrets beside an existing database', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'secrets-'));
    // What initdb leaves: the data directory already holds a database (a restore, a copied directory).
    await mkdir(join(dataDir, 'pg'), { recursive: true });
    await writeFile(join(dataDir, 'pg', 'PG_VERSION'), '18\n');
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('are never generated: the start stops, naming each missing secret and how to give it', async () => {
    const error = await loadServerSecrets(parseConfig({ DATA_DIR: dataDir })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['RECEIPT_PEPPER', 'DIRECTORY_SIGNING_KEY', 'INDEX_KEY', 'AUDIT_CHECKPOINT_KEY']) expect(message).toContain(`${name} manque`);
    expect(message).toContain('SECRETS_FILE');
    await expect(stat(join(dataDir, 'secrets.env'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('are read from SECRETS_FILE, the variables winning over it', async () => {
    const file = join(dataDir, 'kept-apart.env');
    const secrets = given();
    await writeFile(
      file,
      `# kept apart\n${Object.entries(secrets)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n')}\n`,
    );
    const other = given().INDEX_KEY;
    const loaded = await loadServerSecrets(parseConfig({ DATA_DIR: dataDir, SECRETS_FILE: file, INDEX_KEY: other }));
    const expected = await loadServerSecrets(parseConfig({ DATA_DIR: dataDir, ...secrets, INDEX_KEY: other }));
    expect(loaded.fingerprints).toEqual(expected.fingerprints);
    await expect(stat(join(dataDir, 'secrets.env'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
