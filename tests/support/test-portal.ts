import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { generateSecret } from '../../apps/api/src/crypto/index.js';
import { createTestDatabase } from './test-database.js';

/**
 * Fresh secrets, as an operator would set them outside the database, and a
 * fresh integrity anchor file and file store beside them (a portal started
 * twice with the same secrets is the same deployment: it keeps its anchor
 * and its files). The store sits under the tests' data root, which the leak
 * scans read.
 */
export function testSecrets(): NodeJS.ProcessEnv {
  return {
    ANCHOR_FILE: join(mkdtempSync(join(tmpdir(), 'mnpddh-anchor-')), 'integrity-anchor.json'),
    FILE_STORE_DIR: join(mkdtempSync(join(process.env.TEST_DATA_ROOT ?? tmpdir(), 'mnpddh-files-')), 'files'),
    RECEIPT_PEPPER: generateSecret('receipt-pepper'),
    DIRECTORY_SIGNING_KEY: generateSecret('directory-signing-key'),
    INDEX_KEY: generateSecret('index-key'),
    AUDIT_CHECKPOINT_KEY: generateSecret('audit-checkpoint-key'),
  };
}

/** The real portal on a random loopback port, on its own fresh database. */
export async function startTestPortal(env: NodeJS.ProcessEnv = {}): Promise<RunningPortal> {
  const database = await createTestDatabase();
  return startPortal({
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...testSecrets(),
    ...env,
  });
}
