import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Migrated once by global-setup.mjs; copied for each test file. */
const TEMPLATE_DATABASE = 'portal_template';

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is unset: run through jest (tests/support/global-setup.ts).');
  return url;
}

export interface TestDatabase {
  /** As the owner (superuser): migrations, tampering, inspection. */
  readonly ownerUrl: string;
  /** As the restricted application role the portal runs as. */
  readonly appUrl: string;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const owner = new URL(adminUrl());
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  const [role, password] = (process.env.TEST_PG_APP_ROLE ?? '').split(':');
  app.username = role ?? '';
  app.password = password ?? '';
  return { ownerUrl: owner.toString(), appUrl: app.toString() };
}
