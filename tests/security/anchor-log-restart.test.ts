/**
 * The anchor file appends one line per update instead of rewriting every
 * case's revision: what those lines hold must survive a restart. A case
 * written on after the anchor's snapshot, then put back in SQL to its earlier
 * revision while the portal is down, is still caught when the portal starts
 * again (docs/SECURITY.md, "The anchor file"; T7, the database writer).
 */
import { readFile } from 'node:fs/promises';
import { CaseList } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffCredentials } from '../support/staff.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';

let database: TestDatabase;
let secrets: NodeJS.ProcessEnv;
let portal: RunningPortal | undefined;

function start(): Promise<RunningPortal> {
  return startPortal({
    ...secrets,
    ...FAST_PASSWORDS,
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  secrets = testSecrets();
});

afterAll(async () => {
  await portal?.close();
});

it('a case rolled back while the portal was down is flagged after a restart (its revision came from an appended line)', async () => {
  portal = await start();
  const admin = await signIn(portal, await createAdmin(portal));
  const lead = await createStaff(portal, admin, { roles: ['supervisor'] });
  const credentials: StaffCredentials = lead.credentials;
  const { caseId } = await portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() });
  const before = await asOwner<{ revision: number; index_mac: string; manifest_mac: string }>(
    portal,
    'SELECT revision, index_mac, manifest_mac FROM protection_case WHERE id = $1',
    [caseId],
  );
  expect((await lead.client.post(`/api/cases/${caseId}/notes`, { body: 'Appel au défenseur : situation stable.' })).status).toBe(201);
  const anchorText = await readFile(String(secrets.ANCHOR_FILE), 'utf8');
  // The note's revision was appended after the snapshot, not written into a new snapshot.
  expect(anchorText.trimEnd().split('\n').length).toBeGreaterThan(2);
  await portal.close();
  portal = undefined;

  // Down: the row put back to its first revision (MACs valid for it), as a database writer would.
  const row = before[0]!;
  const client = new (await import('pg')).default.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    await client.query('UPDATE protection_case SET revision = $2, index_mac = $3, manifest_mac = $4 WHERE id = $1', [
      caseId,
      row.revision,
      row.index_mac,
      row.manifest_mac,
    ]);
  } finally {
    await client.end();
  }

  portal = await start();
  const supervisor = await signIn(portal, credentials);
  const response = await supervisor.get('/api/cases?pageSize=100');
  expect(response.status).toBe(200);
  const item = CaseList.parse(await response.json()).items.find((candidate) => candidate.id === caseId);
  expect(item?.integrityFailed).toBe(true);
  expect((await supervisor.get(`/api/cases/${caseId}`)).status).toBe(409);
}, 300_000);
