import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecret } from '../crypto/index.js';
import { parseConfig } from './config.schema.js';
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
