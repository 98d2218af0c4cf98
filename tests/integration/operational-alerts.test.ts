/**
 * Operational alerts: with backups configured and no recent
 * backup file, the checks raise one 'operational' alert a day, whatever the
 * number of runs; it reaches the person on call with the neutral sentence and
 * the link only; once a fresh backup exists, the next day raises none.
 * `npm run backup` failing notes it and raises 'backup_failed' until a backup
 * succeeds; a custodian who has not drilled for 90 days raises 'custodian_drill_due'.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { alertSentence, AlertList, CustodianDrillStatus } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { RUNTIME, type Runtime } from '../../apps/api/src/config/runtime.js';
import { generateBackupKeyPair } from '../../apps/api/src/crypto/index.js';
import { AlertClock } from '../../apps/api/src/notify/alert-clock.js';
import { AlertScheduler } from '../../apps/api/src/notify/alert-scheduler.js';
import { OpsScheduler } from '../../apps/api/src/notify/operational/ops-scheduler.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, sleep, type StaffClient } from '../support/staff.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

/** The portal's secrets: the backup command must be given the same ones (the database refuses others). */
const SECRETS = testSecrets();

interface WebhookJson {
  alertId: string;
  kind: string;
  text: string;
  to: string | null;
  staffId: string;
}

const calls: { body: string; json: WebhookJson }[] = [];
let backupDir: string;
/** Both the alert gateway (POST /alert) and the "public site" (GET /demande answers 200). */
let server: Server;
let publicUrl: string;
let portal: RunningPortal;
let onCall: StaffClient;
let admin: StaffClient;

beforeAll(async () => {
  backupDir = await mkdtemp(join(tmpdir(), 'mnpddh-ops-'));
  await writeFile(join(backupDir, 'mnpddh-20200101T000000Z.backup'), 'old');
  await writeFile(join(backupDir, 'notes.txt'), 'not a backup');
  await utimes(join(backupDir, 'mnpddh-20200101T000000Z.backup'), new Date('2020-01-01'), new Date('2020-01-01'));
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        const body = Buffer.concat(chunks).toString('utf8');
        calls.push({ body, json: JSON.parse(body) as WebhookJson });
        response.writeHead(204).end();
        return;
      }
      response.writeHead(request.url === '/demande' ? 200 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  portal = await startTestPortal({
    ...FAST_PASSWORDS,
    ...SECRETS,
    BACKUP_DIR: backupDir,
    BACKUP_PUBLIC_KEY: generateBackupKeyPair().publicKey,
    ALERT_WEBHOOK_URL: `${publicUrl}/alert`,
    ALERT_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
    ALERT_TICK_SECONDS: '0.1',
    PUBLIC_URL: publicUrl,
  });
  admin = await signIn(portal, await createAdmin(portal));
  const created = await createStaff(portal, admin, { roles: ['caseworker'], onCall: true, name: 'Awa Garde' });
  onCall = created.client;
  const supervisor = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
  expect((await supervisor.request('PUT', '/api/admin/rota', { body: { staffIds: [onCall.id] } })).status).toBe(200);
});

afterAll(async () => {
  await portal?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
});

async function operationalAlerts(): Promise<{ id: string; topic: string | null; dedupe_key: string }[]> {
  return asOwner(portal, "SELECT id, topic, dedupe_key FROM alert WHERE kind = 'operational' ORDER BY created_at");
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

describe('operational alerts', () => {
  it('with no recent backup, raise exactly one alert over two runs, sent with the neutral sentence only', async () => {
    const ops = portal.app.get(OpsScheduler);
    expect(await ops.tick()).toBe(1);
    expect(await ops.tick()).toBe(0);
    const alerts = await operationalAlerts();
    const today = new Date().toISOString().slice(0, 10);
    expect(alerts.map((a) => [a.topic, a.dedupe_key])).toEqual([['backup_missing', `ops:backup_missing:${today}`]]);

    const alertId = alerts[0]!.id;
    await portal.app.get(AlertScheduler).tick();
    const call = await waitFor(() => calls.find((c) => c.json.alertId === alertId));
    expect(call.json).toEqual({
      alertId,
      kind: 'operational',
      text: `${alertSentence('operational')}\n${publicUrl}/personnel/urgences`,
      to: null,
      staffId: onCall.id,
    });
    for (const needle of ['backup', 'sauvegarde', 'disk', backupDir]) expect(call.body.toLowerCase().includes(needle.toLowerCase())).toBe(false);

    // Signed in, the dashboard says which check failed.
    const seen = AlertList.parse(await (await onCall.get('/api/alerts')).json()).items.find((a) => a.id === alertId);
    expect(seen).toMatchObject({ kind: 'operational', caseId: null, topic: 'backup_missing' });
  });

  it('raises none the next day once a fresh backup exists', async () => {
    await writeFile(join(backupDir, 'mnpddh-20261129T000000Z.backup'), 'fresh');
    const clock = portal.app.get(AlertClock);
    const nextDay = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 24 * 3_600_000));
    try {
      expect(await portal.app.get(OpsScheduler).tick()).toBe(0);
    } finally {
      nextDay.mockRestore();
    }
    expect(await operationalAlerts()).toHaveLength(1);
  });

  it('an audit checkpoint not downloaded for a week alerts; its download is recorded and stops it', async () => {
    expect((await admin.post('/api/audit/checkpoints')).status).toBe(201);
    const clock = portal.app.get(AlertClock);
    const ops = portal.app.get(OpsScheduler);
    const at = (days: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + days * 24 * 3_600_000));
    const checkpointAlerts = async () => (await operationalAlerts()).filter((a) => a.topic === 'checkpoint_not_exported');

    const later = at(8);
    try {
      await ops.tick();
    } finally {
      later.mockRestore();
    }
    expect(await checkpointAlerts()).toHaveLength(1);

    expect((await admin.get('/api/audit/checkpoints/latest')).status).toBe(200);
    const [setting] = await asOwner<{ value: string }>(portal, "SELECT value FROM setting WHERE key = 'audit.checkpoint_exported_at'");
    expect(Math.abs(new Date(setting!.value).getTime() - Date.now())).toBeLessThan(60_000);
    // As if that download had happened on day 8: day 9 is within the week.
    await asOwner(portal, "UPDATE setting SET value = $1 WHERE key = 'audit.checkpoint_exported_at'", [
      new Date(Date.now() + 8 * 24 * 3_600_000).toISOString(),
    ]);
    const dayAfter = at(9);
    try {
      await ops.tick();
    } finally {
      dayAfter.mockRestore();
    }
    expect(await checkpointAlerts()).toHaveLength(1);
  });
});

describe('the backup command failing, and the custodian drill reminder', () => {
  const DAY_MS = 24 * 3_600_000;
  const cli = (env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      const config = portal.app.get<Runtime>(RUNTIME).config;
      const base = {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: config.DATABASE_URL,
        MIGRATION_DATABASE_URL: config.MIGRATION_DATABASE_URL,
        ...SECRETS,
      };
      execFile(process.execPath, ['apps/api/dist/cli/backup.js'], { env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
  const failureNote = async () => (await asOwner<{ value: string }>(portal, "SELECT value FROM setting WHERE key = 'backup.last_failure'"))[0]?.value ?? null;
  const topicAlerts = async (topic: string) => (await operationalAlerts()).filter((a) => a.topic === topic);
  const tickAt = async (offsetMs: number) => {
    const later = jest.spyOn(portal.app.get(AlertClock), 'now').mockReturnValue(new Date(Date.now() + offsetMs));
    try {
      await portal.app.get(OpsScheduler).tick();
    } finally {
      later.mockRestore();
    }
  };

  it('a backup without its key, or into an unwritable folder, is noted (no path, no message) and alerts once a day', async () => {
    const missingKey = await cli({ BACKUP_DIR: backupDir });
    expect(missingKey.code).not.toBe(0);
    expect(JSON.parse((await failureNote()) ?? '{}')).toMatchObject({ reason: 'missing_key' });

    const unwritable = join(backupDir, 'notes.txt', 'inside-a-file');
    const refused = await cli({ BACKUP_DIR: unwritable, BACKUP_PUBLIC_KEY: generateBackupKeyPair().publicKey });
    expect(refused.code).not.toBe(0);
    const note = (await failureNote()) ?? '';
    expect(JSON.parse(note)).toMatchObject({ reason: 'target_unwritable' });
    expect(Object.keys(JSON.parse(note)).sort()).toEqual(['at', 'reason']);
    expect(note).not.toContain(backupDir);

    // Two days on (the other topics of this file dedupe on other days).
    await tickAt(2 * DAY_MS);
    await tickAt(2 * DAY_MS);
    expect(await topicAlerts('backup_failed')).toHaveLength(1);
  }, 60_000);

  it('a backup that succeeds clears the note, and the alert stops', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'mnpddh-ops-ok-'));
    try {
      const done = await cli({ BACKUP_DIR: fresh, BACKUP_PUBLIC_KEY: generateBackupKeyPair().publicKey });
      expect(done).toMatchObject({ code: 0 });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
    expect(await failureNote()).toBeNull();
    await tickAt(3 * DAY_MS);
    expect(await topicAlerts('backup_failed')).toHaveLength(1);
  }, 60_000);

  it('reminds when a custodian has not passed a drill for 90 days since enrolment, once a day', async () => {
    const custodian = (await createStaff(portal, admin, { roles: ['custodian'], name: 'Dépositaire Diarra' })).client;
    const status = CustodianDrillStatus.parse(await (await custodian.get('/api/custodian/drill')).json());
    const due = Date.parse(status.custodians.find((c) => c.id === custodian.id)?.dueAt ?? '');
    expect(Math.abs(due - (Date.now() + 90 * DAY_MS))).toBeLessThan(60_000);

    await tickAt(89 * DAY_MS);
    expect(await topicAlerts('custodian_drill_due')).toHaveLength(0);
    await tickAt(91 * DAY_MS);
    await tickAt(91 * DAY_MS);
    expect(await topicAlerts('custodian_drill_due')).toHaveLength(1);
  });
});
