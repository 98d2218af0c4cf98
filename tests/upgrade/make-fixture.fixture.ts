/**
 * NOT part of the suite of this release: it is copied into a checkout of the
 * PREVIOUS release and run there (scripts/make-upgrade-fixture.sh), so that
 * the fixture is made by that release's own code — its cases, receipts,
 * follow-up messages, statistics counters, audit log and checkpoint — and
 * saved as one of its backups, with its secrets and what it showed
 * (tests/fixtures/upgrade-<release>/). tests/integration/upgrade.test.ts
 * then brings it up with this release.
 */
import { jest } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackup } from '../../apps/api/src/backup/create-backup.js';
import { generateBackupKeyPair, parseDirectorySigningKey } from '../../apps/api/src/crypto/index.js';
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { createAdmin, createStaff, FAST_PASSWORDS, ownerUrlOf, signIn } from '../support/staff.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

jest.setTimeout(300_000);

const OUT = process.env.UPGRADE_FIXTURE_DIR as string;
const SECRETS = testSecrets();
const KEYS = generateBackupKeyPair();

it('makes the upgrade fixture with this release', async () => {
  expect(OUT).toBeTruthy();
  const portal = await startTestPortal({ ...FAST_PASSWORDS, ...SECRETS });
  try {
    const admin = await signIn(portal, await createAdmin(portal));
    const supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
    const auditor = await createStaff(portal, admin, { roles: ['auditor'] });
    const submissions: { receipt: string; reference: string; message: string }[] = [];
    const regions = ['bamako', 'bamako', 'bamako', 'mopti', 'mopti', 'kayes', 'bamako'];
    for (const [index, region] of regions.entries()) {
      const response = await fetch(`${portal.url}/api/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `upgrade-fixture-${index}-${Date.now()}` },
        body: JSON.stringify({
          summary: `Dossier ${index} de la version précédente : menaces répétées, ${region}.`,
          rightNow: { detainedOrMissing: 'no', lifeInDanger: index % 3 === 0 ? 'yes' : 'unknown' },
          contact: { methods: ['signal'], phone: '+223 70 00 00 0' + index, safeTimes: 'le matin' },
          consent: { processing: true },
        }),
      });
      expect(response.status).toBe(201);
      const { receipt, reference } = (await response.json()) as { receipt: string; reference: string };
      // The journal: a follow-up message from the defender, under the thread key.
      const session = await fetch(`${portal.url}/api/follow-up/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ receipt }),
      });
      expect(session.status).toBe(200);
      submissions.push({ receipt, reference, message: '' });
    }
    const cases = (await (await supervisor.client.get('/api/cases')).json()) as unknown;
    const statistics: Record<string, unknown> = {};
    for (const dimension of ['cases', 'urgency', 'region_group', 'carried_over']) {
      const response = await auditor.client.get(`/api/reports/statistics?${new URLSearchParams({ from: '2026-01', to: '2026-12', dimension })}`);
      statistics[dimension] = { status: response.status, body: await response.json() };
    }
    expect((await admin.post('/api/audit/checkpoints')).status).toBeLessThan(300);
    await mkdir(OUT, { recursive: true });
    const file = await createBackup({
      fileStore: portal.app.get<FileStore>(FILE_STORE),
      databaseUrl: ownerUrlOf(portal),
      tenant: 'ml-mnpddh',
      backupPublicKey: KEYS.publicKey,
      directoryKey: parseDirectorySigningKey(SECRETS.DIRECTORY_SIGNING_KEY).value,
      dir: OUT,
      keep: 1,
    });
    await writeFile(
      join(OUT, 'secrets.env'),
      `${Object.entries(SECRETS)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n')}\n`,
    );
    await writeFile(join(OUT, 'backup-private.key'), `${KEYS.privateKey}\n`);
    await writeFile(
      join(OUT, 'expected.json'),
      `${JSON.stringify({ backup: file.split('/').pop(), supervisor: supervisor.credentials, auditor: auditor.credentials, submissions, cases, statistics }, null, 2)}\n`,
    );
  } finally {
    await portal.close();
  }
});
