/**
 * docs/OPERATIONS.md followed literally, on the embedded mode, as a new
 * operator would: the portal runs and takes requests; `npm run backup` while
 * it runs (online), copied to BACKUP_COPY_DIR; a restore from that copy into
 * a fresh data directory with one command, the backup file, the secrets file
 * and the paper key; each wrong input answered with its real cause; then the
 * portal started there refuses to run without its secrets and, with them,
 * opens every case and every receipt acknowledged before the backup.
 * (`npm run X` is `node scripts/build.mjs && node apps/api/dist/cli/X.js`:
 * the build is already done for the tests, the commands are the same files.)
 */
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { CaseDetail, CaseList, FollowUpView } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { generateBackupKeyPair, generateSecret } from '../../apps/api/src/crypto/index.js';
import { ROOT_DIR } from '../../apps/api/src/paths.js';
import { requestBody, runSubmitters, type LoadRun } from '../load/submitters.js';
import { FAST_PASSWORDS, signIn } from '../support/staff.js';

jest.setTimeout(600_000);

const KEYS = generateBackupKeyPair();
let root: string;
let server: string;
let spare: string;
let portal: RunningPortal | undefined;
let restored: RunningPortal | undefined;
let acknowledgedBeforeBackup: { receipt: string; reference: string }[] = [];
let supervisor: { email: string; password: string; totpSecret: string };
/** A file a defender added before the backup: the restored portal gives it back byte for byte. */
let attachment: { caseId: string; fileId: string; bytes: Buffer };

const BASE = { PATH: process.env.PATH, NODE_ENV: 'test', ...FAST_PASSWORDS };

/** `npm run <command> -- args`, as the operator types it (without the build step). */
async function npmRun(command: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT_DIR, 'apps/api/dist/cli', `${command}.js`), ...args], {
      env: { ...BASE, ...env },
      timeout: 180_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mnpddh-runbook-'));
  // The postgres system user must traverse the folders (mkdtemp makes them 0700).
  await chmod(root, 0o755);
  server = join(root, 'server');
  spare = join(root, 'spare');
  await writeFile(join(root, 'paper-key.txt'), `BACKUP_PRIVATE_KEY=${KEYS.privateKey}\n`, { mode: 0o600 });
});

afterAll(async () => {
  await portal?.close();
  await restored?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the operations runbook, step by step, on the embedded mode', () => {
  it('backs up while the portal runs and takes requests, and copies the backup off the server', async () => {
    // `npm start`: embedded, first start, demo secrets generated into DATA_DIR/secrets.env.
    portal = await startPortal({ ...BASE, DATA_DIR: join(server, 'data'), PORT: '0', LOG_LEVEL: 'silent' });
    supervisor = portal.demoAccounts.find((account) => account.roles.includes('supervisor')) as typeof supervisor;
    attachment = await addedInFollowUp(portal);
    let load: LoadRun | undefined;
    const running = runSubmitters(portal.url, { concurrency: 3, durationMs: 25_000, drainMs: 60_000, replayEvery: 1000 }).then((run) => (load = run));
    // Let a few requests through first, then back up while they keep arriving.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const backup = await npmRun('backup', [], {
      DATA_DIR: join(server, 'data'),
      BACKUP_PUBLIC_KEY: KEYS.publicKey,
      BACKUP_DIR: join(server, 'backups'),
      BACKUP_COPY_DIR: join(root, 'offsite'),
    });
    expect(backup.out).not.toContain('undefined');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Copied off the server/);
    await running;
    const run = load as LoadRun;
    expect(run.failures).toEqual([]);
    // What the portal acknowledged before the backup started is in it; later ones may or may not be.
    acknowledgedBeforeBackup = run.acknowledged.slice(0, Math.max(1, Math.floor(run.acknowledged.length / 4)));
    expect(run.acknowledged.length).toBeGreaterThan(0);
    const [copy] = await readdir(join(root, 'offsite'));
    expect(await readFile(join(root, 'offsite', copy as string))).toEqual(await readFile(join(server, 'backups', copy as string)));
    await portal.close();
    portal = undefined;
  });

  it('answers each wrong input of a restore with its real cause, writing nothing', async () => {
    const [copy] = await readdir(join(root, 'offsite'));
    const file = join(root, 'offsite', copy as string);
    const secretsFile = join(server, 'data', 'secrets.env');
    const target = { DATA_DIR: join(root, 'scratch', 'data') };
    await chmod(await mkdtempIn(root, 'scratch'), 0o755);
    const wrongSecrets = join(root, 'wrong-secrets.env');
    const secrets = await readFile(secretsFile, 'utf8');
    await writeFile(wrongSecrets, secrets.replace(/^RECEIPT_PEPPER=.*$/m, `RECEIPT_PEPPER=${generateSecret('receipt-pepper')}`));
    const otherKey = join(root, 'other-key.txt');
    await writeFile(otherKey, generateBackupKeyPair().privateKey);
    const bytes = await readFile(file);
    const truncated = join(root, 'truncated.backup');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 1000));
    const changed = join(root, 'changed.backup');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length >> 1] = (flipped[flipped.length >> 1] as number) ^ 1;
    await writeFile(changed, flipped);

    const noSecrets = await npmRun('restore', [file, '--key', join(root, 'paper-key.txt')], target);
    expect(noSecrets.out).toMatch(/RECEIPT_PEPPER is missing/);
    expect(noSecrets.out).toMatch(/--secrets/);
    const wrong = await npmRun('restore', [file, '--secrets', wrongSecrets, '--key', join(root, 'paper-key.txt')], target);
    expect(wrong.out).toMatch(/^RECEIPT_PEPPER .*is not the secret/m);
    expect(wrong.out).not.toMatch(/signature/);
    expect((await npmRun('restore', [file, '--secrets', secretsFile, '--key', otherKey], target)).out).toMatch(
      /backup private key given does not open this file/,
    );
    expect((await npmRun('restore', [truncated, '--secrets', secretsFile, '--key', join(root, 'paper-key.txt')], target)).out).toMatch(/Truncated file/);
    expect((await npmRun('restore', [changed, '--secrets', secretsFile, '--key', join(root, 'paper-key.txt')], target)).out).toMatch(/Changed file/);
    for (const answer of [noSecrets, wrong]) expect(answer.code).toBe(1);
  });

  it('restores the off-site copy with one command, checks its checkpoint, and refuses a second restore there', async () => {
    const [copy] = await readdir(join(root, 'offsite'));
    await chmod(await mkdtempIn(root, 'spare'), 0o755);
    const args = [join(root, 'offsite', copy as string), '--secrets', join(server, 'data', 'secrets.env'), '--key', join(root, 'paper-key.txt')];
    const restore = await npmRun('restore', args, { DATA_DIR: join(spare, 'data') });
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/matching the signed checkpoint at row \d+/);
    expect(restore.out).toMatch(/\nready\n/);
    expect((await npmRun('restore', args, { DATA_DIR: join(spare, 'data') })).out).toMatch(/target database is not empty/);
  });

  it('the portal on the restored directory refuses to run without its secrets, then with them opens every case and receipt', async () => {
    const refused = await startPortal({ ...BASE, DATA_DIR: join(spare, 'data'), PORT: '0', LOG_LEVEL: 'silent' }).then(
      async (running) => {
        await running.close();
        return null;
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/RECEIPT_PEPPER manque/);
    expect(await readdir(join(spare, 'data'))).not.toContain('secrets.env');

    restored = await startPortal({ ...BASE, DATA_DIR: join(spare, 'data'), PORT: '0', LOG_LEVEL: 'silent', SECRETS_FILE: join(server, 'data', 'secrets.env') });
    for (const { receipt, reference } of acknowledgedBeforeBackup) {
      const response = await fetch(`${restored.url}/api/follow-up/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ receipt }),
      });
      expect(response.status).toBe(200);
      expect(FollowUpView.parse(await response.json()).reference).toBe(reference);
    }
    const staff = await signIn(restored, supervisor);
    const items: { id: string }[] = [];
    for (let page = 1, total = 1; items.length < total; page++) {
      const list = CaseList.parse(await (await staff.get(`/api/cases?page=${page}`)).json());
      total = list.total;
      items.push(...list.items);
      if (list.items.length === 0) break;
    }
    expect(items.length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup.length);
    const download = await staff.get(`/api/cases/${attachment.caseId}/attachments/${attachment.fileId}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(attachment.bytes)).toBe(true);
    for (const { id } of items) {
      const response = await staff.get(`/api/cases/${id}`);
      expect(response.status).toBe(200);
      CaseDetail.parse(await response.json());
    }
  });
});

/** A request, then a PDF added in follow-up through the resumable upload route; its case and file ids. */
async function addedInFollowUp(running: RunningPortal): Promise<{ caseId: string; fileId: string; bytes: Buffer }> {
  const url = running.url;
  const submitted = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `runbook-${Date.now()}` },
    body: JSON.stringify(requestBody('runbook-file')),
  });
  expect(submitted.status).toBe(201);
  const { receipt } = (await submitted.json()) as { receipt: string };
  const opened = await fetch(`${url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(700_000)]);
  const started = await fetch(`${url}/api/follow-up/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ kind: 'file', name: 'pv.pdf', type: 'application/pdf', size: bytes.length }),
  });
  const { uploadId, chunkSize } = (await started.json()) as { uploadId: string; chunkSize: number };
  for (let at = 0; at < bytes.length; at += chunkSize) {
    const sent = await fetch(`${url}/api/follow-up/uploads/${uploadId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(at), cookie },
      body: new Uint8Array(bytes.subarray(at, at + chunkSize)),
    });
    expect(sent.status).toBe(at + chunkSize >= bytes.length ? 201 : 204);
  }
  const client = new pg.Client({ connectionString: running.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ caseId: string }>('SELECT case_id AS "caseId" FROM case_file WHERE id = $1', [uploadId]);
    return { caseId: rows[0]?.caseId as string, fileId: uploadId, bytes };
  } finally {
    await client.end();
  }
}

async function mkdtempIn(parent: string, name: string): Promise<string> {
  const path = join(parent, name);
  await mkdir(path, { recursive: true });
  return path;
}
