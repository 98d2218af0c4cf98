/**
 * Upgrades keep every case. The fixture was made by the previous release
 * itself (tests/upgrade/make-fixture.fixture.ts run in its checkout, see
 * scripts/make-upgrade-fixture.sh): its cases, receipts, follow-up sessions,
 * statistics counters, audit log and a signed checkpoint, saved as one of its
 * backups. Restored here with that release's own migrations only, it is the
 * database that release left; then this release's start applies every later
 * migration (whatever main holds) and adopts the secrets: every case opens,
 * every receipt works, the statistics are unchanged, the audit chain verifies
 * (its unkeyed prefix sealed once), and no unkeyed row can follow it.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { AuditVerification, CaseDetail, FollowUpView, IntegrityStatus, PartnerList } from '@mnpddh/shared';
import { restoreBackup } from '../../apps/api/src/backup/restore-backup.js';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { parseConfig } from '../../apps/api/src/config/config.schema.js';
import { loadServerSecrets } from '../../apps/api/src/config/server-secrets.js';
import { readSecretsFile } from '../../apps/api/src/config/secrets-file.js';
import { chainValues } from '../../apps/api/src/audit/audit.service.js';
import { legacyAuditChainHash, parseDirectorySigningKey } from '../../apps/api/src/crypto/index.js';
import { LocalFileStore } from '../../apps/api/src/file-store/local-file-store.js';
import { MIGRATION_PATHS, ROOT_DIR } from '../../apps/api/src/paths.js';
import { FAST_PASSWORDS, signIn, type StaffCredentials } from '../support/staff.js';

jest.setTimeout(240_000);

const FIXTURE = join(ROOT_DIR, 'tests/fixtures/upgrade-fd06a03');

interface Expected {
  backup: string;
  supervisor: StaffCredentials;
  auditor: StaffCredentials;
  submissions: { receipt: string; reference: string }[];
  statistics: Record<string, { status: number; body: unknown }>;
}

let expected: Expected;
let portal: RunningPortal;
let migrationsBefore: string[];
let ownerUrl: string;

async function sql<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  expected = JSON.parse(await readFile(join(FIXTURE, 'expected.json'), 'utf8')) as Expected;
  const secrets = await readSecretsFile(join(FIXTURE, 'secrets.env'), 'fixture');
  const name = `upgrade_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const owner = new URL(process.env.TEST_PG_ADMIN_URL as string);
  owner.pathname = `/${name}`;
  ownerUrl = owner.toString();
  const app = new URL(owner);
  const [role, password] = (process.env.TEST_PG_APP_ROLE ?? '').split(':');
  app.username = role ?? '';
  app.password = password ?? '';
  const env = {
    ...FAST_PASSWORDS,
    ...secrets,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ANCHOR_FILE: join(await mkdtemp(join(tmpdir(), 'mnpddh-anchor-')), 'integrity-anchor.json'),
    FILE_STORE_DIR: join(await mkdtemp(join(tmpdir(), 'mnpddh-files-')), 'files'),
    DATABASE_URL: app.toString(),
    MIGRATION_DATABASE_URL: ownerUrl,
    PORT: '0',
  };
  // The previous release's database, as it left it: its migrations only, its rows.
  const header = await restoreBackup({
    fileStore: new LocalFileStore(env.FILE_STORE_DIR),
    file: join(FIXTURE, expected.backup),
    databaseUrl: ownerUrl,
    tenant: 'ml-mnpddh',
    backupPrivateKey: (await readFile(join(FIXTURE, 'backup-private.key'), 'utf8')).trim(),
    directoryKey: parseDirectorySigningKey(secrets.DIRECTORY_SIGNING_KEY).value,
    migrationPaths: MIGRATION_PATHS,
    fingerprints: (await loadServerSecrets(parseConfig(env))).fingerprints,
  });
  migrationsBefore = header.migrations;
  // `npm start` of this release on it.
  portal = await startPortal(env);
});

afterAll(async () => {
  await portal?.close();
});

describe('upgrade from the previous release', () => {
  it('applies every migration this release added since, and adopts the secrets once, audited', async () => {
    const all = (await readdir(MIGRATION_PATHS.migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const applied = (await sql<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).map((row) => row.name);
    expect(applied.sort()).toEqual(all.sort());
    console.log(`upgrade: ${migrationsBefore.length} migrations in the previous release, ${all.length - migrationsBefore.length} applied by this one`);
    expect(await sql(`SELECT seq FROM audit_event WHERE action = 'secrets.adopted'`)).toHaveLength(1);
  });

  it('every receipt opens its case in follow-up', async () => {
    for (const { receipt, reference } of expected.submissions) {
      const response = await fetch(`${portal.url}/api/follow-up/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ receipt }),
      });
      expect(response.status).toBe(200);
      expect(FollowUpView.parse(await response.json()).reference).toBe(reference);
    }
  });

  it('every case opens for its supervisor', async () => {
    const supervisor = await signIn(portal, expected.supervisor);
    const ids = await sql<{ id: string; reference: string }>('SELECT id, reference FROM protection_case');
    expect(ids.map((row) => row.reference).sort()).toEqual(expected.submissions.map((s) => s.reference).sort());
    for (const { id, reference } of ids) {
      const response = await supervisor.get(`/api/cases/${id}`);
      expect(response.status).toBe(200);
      expect(CaseDetail.parse(await response.json()).index.reference).toBe(reference);
    }
  });

  it('the partner directory from before signing is signed as it stood, once, and offered whole', async () => {
    const supervisor = await signIn(portal, expected.supervisor);
    const partners = PartnerList.parse(await (await supervisor.get('/api/partners')).json()).items;
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.filter((partner) => partner.altered)).toEqual([]);
    expect(await sql('SELECT id FROM partner WHERE revision = 0')).toEqual([]);
  });

  it('the statistics are unchanged and the audit chain verifies', async () => {
    const auditor = await signIn(portal, expected.auditor);
    for (const [dimension, before] of Object.entries(expected.statistics)) {
      const response = await auditor.get(`/api/reports/statistics?${new URLSearchParams({ from: '2026-01', to: '2026-12', dimension })}`);
      // Every count as before; not the time the table was generated, nor how fresh the batched
      // counters are (a field this release adds: nothing waits, the old counters were applied at once).
      const withoutTime = (body: unknown) => ({ ...(body as Record<string, unknown>), generatedAt: undefined, freshness: undefined });
      const now = { dimension, status: response.status, body: withoutTime(await response.json()) };
      expect(now).toEqual({ dimension, status: before.status, body: withoutTime(before.body) });
    }
    // The rows the previous release wrote were chained without the key: accepted as a prefix, sealed by a
    // signed checkpoint and a keyed row at this release's first start, and the keyed chain from there.
    const verification = AuditVerification.parse(await (await auditor.get('/api/audit/verify')).json());
    expect({ valid: verification.valid, firstBrokenId: verification.firstBrokenId }).toEqual({ valid: true, firstBrokenId: null });
    const [seal] = await sql<{ seq: string; legacy: number }>(
      `SELECT seq::text AS seq, (details->>'legacyRows')::int AS legacy FROM audit_event WHERE action = 'audit.legacy_sealed'`,
    );
    expect(Number(seal?.seq)).toBe((seal?.legacy ?? 0) + 1);
    expect(await sql(`SELECT 1 FROM audit_checkpoint WHERE row_count = ${seal?.legacy ?? 0}`)).not.toHaveLength(0);
    const supervisor = await signIn(portal, expected.supervisor);
    expect(IntegrityStatus.parse(await (await supervisor.get('/api/integrity')).json()).incident).toBeNull();
  });

  it('a row appended without the key after the switch is caught, by the verifier and by the anchor', async () => {
    // As a database writer would: the previous release's unkeyed hash, which needs no secret.
    const [head] = await sql<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM audit_event ORDER BY audit_event.seq DESC LIMIT 1');
    const row = {
      seq: BigInt(head?.seq ?? '0') + 1n,
      at: new Date(Date.UTC(2026, 11, 5, 10)),
      actorId: null,
      action: 'staff.activated',
      targetType: null,
      targetId: null,
      details: {},
    };
    const hash = legacyAuditChainHash(head?.hash ?? '', chainValues(row));
    await sql(
      `INSERT INTO audit_event (seq, at, action, details, prev_hash, hash) VALUES (${row.seq}, '${row.at.toISOString()}', '${row.action}', '{}', '${head?.hash}', '${hash}')`,
    );
    const auditor = await signIn(portal, expected.auditor);
    const verification = AuditVerification.parse(await (await auditor.get('/api/audit/verify')).json());
    expect({ valid: verification.valid, firstBrokenId: verification.firstBrokenId }).toEqual({ valid: false, firstBrokenId: row.seq.toString() });
    const incident = IntegrityStatus.parse(await (await auditor.get('/api/integrity')).json()).incident;
    expect(incident?.kind).toBe('forged');
  });
});
