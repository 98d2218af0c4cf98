import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startPortal } from '../../apps/api/src/boot.js';
import { AppError } from '../../apps/api/src/common/app-error.js';
import { decryptFieldText, generateIdentityKeyPair, openEscrowInnerLayer, openEscrowOuterLayer } from '../../apps/api/src/crypto/index.js';
import { keyPairSecrets } from '../../apps/api/src/crypto/key-pair.js';
import { PrismaService } from '../../apps/api/src/database/prisma.service.js';
import { DirectoryService } from '../../apps/api/src/directory/directory.service.js';
import { CaseFiles } from '../../apps/api/src/vault/case-files.js';
import { RUNTIME, type Runtime } from '../../apps/api/src/config/runtime.js';
import { fileStoreDir } from '../../apps/api/src/file-store/file-store.provider.js';
import { CaseGrantsService } from '../../apps/api/src/vault/case-grants.service.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { StatisticsBatches } from '../../apps/api/src/reports/statistics-batches.js';
import { ThreadMessages } from '../../apps/api/src/vault/thread-messages.js';
import { canaryContent, plainContent } from '../factories/case-content.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { databaseDump, encodings, filesContaining } from '../support/leaks.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';

/** Every log line the portal writes during the suite, for the leak search. */
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});

let portal: RunningPortal;
let database: TestDatabase;
let vault: CaseVaultService;
let supervisor: StaffWithKeys;
let onCall: StaffWithKeys;
let caseworker: StaffWithKeys;
let custodians: StaffWithKeys[];

beforeAll(async () => {
  database = await createTestDatabase();
  portal = await startPortal(
    { ...testSecrets(), DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, PORT: '0', LOG_LEVEL: 'trace' },
    logSink,
  );
  vault = portal.app.get(CaseVaultService);
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
  onCall = await createStaffWithKeys(portal.app, ['caseworker'], { onCall: true });
  caseworker = await createStaffWithKeys(portal.app, ['caseworker']);
  custodians = [await createStaffWithKeys(portal.app, ['custodian']), await createStaffWithKeys(portal.app, ['custodian'])];
  await portal.app.get(EscrowService).create(
    null,
    custodians.map((c) => c.id),
  );
});

afterAll(async () => {
  await portal?.close();
});

async function asOwner<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function errorCode(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'NO_ERROR';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('a new case', () => {
  it('is sealed to escrow and the triage team (supervisors and on-call staff), not to other caseworkers', async () => {
    const created = await vault.createCase({ urgent: true, content: plainContent() });
    expect(created.receipt).toMatch(/^(\d{4} ){5}\d{4}$/);
    expect(created.triageTeamSize).toBe(2);
    const grants = await asOwner<{ recipient_id: string | null; escrow_key_id: string | null; key_kind: string }>(
      'SELECT recipient_id, escrow_key_id, key_kind FROM case_key_grant WHERE case_id = $1',
      [created.caseId],
    );
    const holders = new Set(grants.map((g) => g.recipient_id ?? `escrow:${g.escrow_key_id}`));
    expect(holders.has(supervisor.id)).toBe(true);
    expect(holders.has(onCall.id)).toBe(true);
    expect(holders.has(caseworker.id)).toBe(false);
    expect([...holders].some((h) => h.startsWith('escrow:'))).toBe(true);
    expect(grants).toHaveLength(6);

    const opened = await vault.openCase(supervisor, created.caseId);
    expect(opened.content.narrative).toBe(plainContent().narrative);
    expect(opened.index).toMatchObject({ urgent: true, status: 'received', riskLevel: 'unknown' });
  });

  it('reads nothing for a caseworker without a grant, whatever their role', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
    expect(await errorCode(vault.openCase(caseworker, caseId))).toBe('FORBIDDEN');
  });

  it("queues statistics sealed in the case's transaction and counts them only in a batch of k cases, without any case id or day", async () => {
    const total = async () =>
      (await asOwner<{ count: number }>("SELECT count FROM stat_counter WHERE dimension_1 = 'cases' AND value_1 = 'all'")).reduce(
        (sum, row) => sum + row.count,
        0,
      );
    const batches = portal.app.get(StatisticsBatches);
    const later = (days: number) => new Date(Date.now() + days * 24 * 3_600_000);
    await batches.applyDue(later(2));
    const before = await total();
    const leftOver = (await asOwner('SELECT id FROM stat_pending')).length;
    const caseIds: string[] = [];
    for (let i = 0; i < 5; i++) caseIds.push((await vault.createCase({ urgent: false, content: plainContent() })).caseId);
    expect(await total()).toBe(before);
    const waiting = JSON.stringify(await asOwner('SELECT * FROM stat_pending'));
    expect(waiting).not.toContain('bamako');
    expect(await batches.applyDue(later(4))).toMatchObject({ applied: true });
    // These five, and whatever fewer than k earlier cases had left waiting.
    expect(await total()).toBeGreaterThanOrEqual(before + 5);
    expect(await total()).toBeLessThanOrEqual(before + 5 + leftOver);
    expect(await asOwner('SELECT * FROM stat_pending')).toEqual([]);
    const counters = JSON.stringify(await asOwner('SELECT * FROM stat_counter'));
    for (const caseId of caseIds) expect(counters).not.toContain(caseId);
    expect(counters).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('is written to the audit log, and every decryption too', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
    await vault.openCase(onCall, caseId);
    const events = await asOwner<{ action: string; actor_id: string | null }>('SELECT action, actor_id FROM audit_event WHERE target_id = $1 ORDER BY seq', [
      caseId,
    ]);
    expect(events).toEqual([
      { action: 'case.created', actor_id: null },
      { action: 'case.decrypted', actor_id: onCall.id },
    ]);
  });
});

describe('a receipt', () => {
  it('opens the message thread and nothing else of the case', async () => {
    const created = await vault.createCase({ urgent: true, content: plainContent() });
    const thread = portal.app.get(ThreadMessages);
    const opened = await vault.openCase(supervisor, created.caseId);
    expect(opened.messages).toEqual([]);
    const fromReceipt = await thread.openWithReceipt(created.receipt.replaceAll(' ', '-'));
    await thread.append(fromReceipt.threadKey, created.caseId, 'defender', { kind: 'message', body: 'Il a été libéré ce matin.' });
    const again = await thread.openWithReceipt(created.receipt);
    expect(again.messages.map((m) => m.body)).toEqual(['Il a été libéré ce matin.']);
    // The thread key does not open the request itself.
    const [row] = await asOwner<{ narrative: string }>('SELECT narrative FROM protection_case WHERE id = $1', [created.caseId]);
    const location = { tenant: 'ml-mnpddh', caseId: created.caseId, table: 'protection_case', rowId: created.caseId, field: 'narrative' };
    expect(() => decryptFieldText(again.threadKey, row?.narrative ?? '', location)).toThrow();
    expect(again).not.toHaveProperty('content');
    again.threadKey.destroy();
    fromReceipt.threadKey.destroy();
  });

  it('that is wrong or malformed finds nothing', async () => {
    const thread = portal.app.get(ThreadMessages);
    expect(await errorCode(thread.openWithReceipt('1234 5678 9012 3456 7890 1234'))).toBe('NOT_FOUND');
    expect(await errorCode(thread.openWithReceipt('not a receipt'))).toBe('NOT_FOUND');
  });
});

describe('a database writer without the secrets', () => {
  it('cannot give a case to an uncertified key inserted in SQL', async () => {
    const intruder = generateIdentityKeyPair();
    const [row] = await asOwner<{ id: string }>(
      `INSERT INTO staff_user (id, email, name, roles, on_call, public_key, certificate, key_epoch)
       VALUES (gen_random_uuid(), 'intrus@x.test', 'Intrus', '{supervisor}', true, $1, $2, 1) RETURNING id`,
      [intruder.publicKey, 'forged-certificate'],
    );
    const { caseId } = await vault.createCase({ urgent: true, content: plainContent() });
    const grants = await asOwner('SELECT 1 FROM case_key_grant WHERE case_id = $1 AND recipient_id = $2', [caseId, row?.id]);
    expect(grants).toEqual([]);
  });

  it('cannot make a caseworker part of the triage team by editing their roles in SQL', async () => {
    await asOwner("UPDATE staff_user SET roles = '{caseworker,supervisor}' WHERE id = $1", [caseworker.id]);
    try {
      const { caseId } = await vault.createCase({ urgent: true, content: plainContent() });
      const grants = await asOwner('SELECT 1 FROM case_key_grant WHERE case_id = $1 AND recipient_id = $2', [caseId, caseworker.id]);
      expect(grants).toEqual([]);
    } finally {
      await asOwner("UPDATE staff_user SET roles = '{caseworker}' WHERE id = $1", [caseworker.id]);
    }
  });

  it('cannot redirect a grant to a key of their own', async () => {
    const { caseId } = await vault.createCase({ urgent: true, content: plainContent() });
    const [theirs] = await asOwner<{ sealed_key: string }>(
      "SELECT sealed_key FROM case_key_grant WHERE case_id = $1 AND recipient_id = $2 AND key_kind = 'case'",
      [caseId, onCall.id],
    );
    // Copy the on-call member's sealed key and signature onto a grant for the supervisor: the signature names the on-call member.
    await asOwner("UPDATE case_key_grant SET sealed_key = $1 WHERE case_id = $2 AND recipient_id = $3 AND key_kind = 'case'", [
      theirs?.sealed_key,
      caseId,
      supervisor.id,
    ]);
    expect(await errorCode(vault.openCase(supervisor, caseId))).toBe('INTEGRITY_FAILED');
  });

  it('is noticed when the urgent flag is flipped', async () => {
    const { caseId } = await vault.createCase({ urgent: true, content: plainContent() });
    await asOwner('UPDATE protection_case SET urgent = false WHERE id = $1', [caseId]);
    expect(await errorCode(vault.openCase(supervisor, caseId))).toBe('INTEGRITY_FAILED');
    const [event] = await asOwner<{ action: string }>("SELECT action FROM audit_event WHERE target_id = $1 AND action = 'case.integrity_failed'", [caseId]);
    expect(event?.action).toBe('case.integrity_failed');
  });

  it('is noticed when a field ciphertext is swapped with another field or moved from another case', async () => {
    const first = await vault.createCase({ urgent: false, content: plainContent() });
    const second = await vault.createCase({ urgent: false, content: plainContent() });
    await asOwner('UPDATE protection_case SET contact = narrative WHERE id = $1', [first.caseId]);
    expect(await errorCode(vault.openCase(supervisor, first.caseId))).toBe('INTEGRITY_FAILED');
    await asOwner('UPDATE protection_case SET narrative = (SELECT narrative FROM protection_case WHERE id = $1) WHERE id = $2', [first.caseId, second.caseId]);
    expect(await errorCode(vault.openCase(supervisor, second.caseId))).toBe('INTEGRITY_FAILED');
  });

  it('is noticed when a message is deleted or replayed under another number', async () => {
    const thread = portal.app.get(ThreadMessages);
    const deleted = await vault.createCase({ urgent: false, content: plainContent() });
    const replayed = await vault.createCase({ urgent: false, content: plainContent() });
    for (const { caseId, receipt } of [deleted, replayed]) {
      const { threadKey } = await thread.openWithReceipt(receipt);
      await thread.append(threadKey, caseId, 'defender', { kind: 'message', body: 'Premier message' });
      await thread.append(threadKey, caseId, 'defender', { kind: 'message', body: 'Deuxième message' });
      threadKey.destroy();
    }
    await asOwner('DELETE FROM case_message WHERE case_id = $1 AND seq = 2', [deleted.caseId]);
    expect(await errorCode(vault.openCase(supervisor, deleted.caseId))).toBe('INTEGRITY_FAILED');
    expect(await errorCode(thread.openWithReceipt(deleted.receipt))).toBe('INTEGRITY_FAILED');

    await asOwner('UPDATE case_message SET body = (SELECT body FROM case_message WHERE case_id = $1 AND seq = 1) WHERE case_id = $1 AND seq = 2', [
      replayed.caseId,
    ]);
    expect(await errorCode(vault.openCase(supervisor, replayed.caseId))).toBe('INTEGRITY_FAILED');
  });

  it('cannot rewrite or delete audit rows as the application role', async () => {
    const app = new pg.Client({ connectionString: database.appUrl });
    await app.connect();
    try {
      await expect(app.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM audit_event')).rejects.toThrow(/permission denied/);
      await expect(app.query('TRUNCATE audit_event')).rejects.toThrow(/permission denied/);
      const rows = await app.query('SELECT count(*)::int AS n FROM audit_event');
      expect(rows.rows[0].n).toBeGreaterThan(0);
    } finally {
      await app.end();
    }
    // Not even the owner, short of disabling the trigger.
    await expect(asOwner("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
  });
});

describe('escrow', () => {
  it('needs two custodians: one alone cannot open it', async () => {
    const [share] = await asOwner<{ sealed: string; inner_user_id: string; outer_user_id: string; public_key: string }>(
      'SELECT s.sealed, s.inner_user_id, s.outer_user_id, k.public_key FROM escrow_share s JOIN escrow_key k ON k.id = s.escrow_key_id WHERE k.active',
    );
    const inner = custodians.find((c) => c.id === share?.inner_user_id) as StaffWithKeys;
    const outer = custodians.find((c) => c.id === share?.outer_user_id) as StaffWithKeys;
    const context = { tenant: 'ml-mnpddh', escrowPublicKey: share?.public_key ?? '' };
    expect(() => openEscrowOuterLayer(share?.sealed ?? '', inner.keyPair, context)).toThrow();
    const middle = openEscrowOuterLayer(share?.sealed ?? '', outer.keyPair, context);
    expect(() => openEscrowInnerLayer(middle, outer.keyPair, context)).toThrow();
    const escrow = openEscrowInnerLayer(middle, inner.keyPair, context);
    expect(escrow.publicKey).toBe(share?.public_key);
    escrow.destroy();
  });
});

describe('after a password reset', () => {
  it('a user with a new key pair reads their cases again once a supervisor re-grants them', async () => {
    const { caseId } = await vault.createCase({ urgent: true, content: plainContent() });
    const grants = portal.app.get(CaseGrantsService);
    await grants.grant(supervisor, caseId, caseworker.id);
    expect((await vault.openCase(caseworker, caseId)).id).toBe(caseId);

    // What a reset does: a new key pair, certified at a higher epoch, and the old grants gone.
    const prisma = portal.app.get(PrismaService);
    const renewed = generateIdentityKeyPair();
    await prisma.caseKeyGrant.deleteMany({ where: { recipientId: caseworker.id } });
    await portal.app.get(DirectoryService).certifyStaff(prisma, { id: caseworker.id, roles: ['caseworker'], onCall: false }, renewed.publicKey, 2);
    const after = { id: caseworker.id, keyPair: renewed };
    expect(await errorCode(vault.openCase(after, caseId))).toBe('FORBIDDEN');

    await grants.grant(supervisor, caseId, caseworker.id);
    expect((await vault.openCase(after, caseId)).content.narrative).toBe(plainContent().narrative);
  });
});

describe('a seized server', () => {
  it('reveals no case content, receipt or private key in a full dump, the data directory (WAL and file store included) or the logs', async () => {
    const canary = `CANARY${randomBytes(6).toString('hex')}`;
    const created = await vault.createCase({ urgent: true, content: canaryContent(canary) });
    const thread = portal.app.get(ThreadMessages);
    const { threadKey } = await thread.openWithReceipt(created.receipt);
    await thread.append(threadKey, created.caseId, 'defender', { kind: 'message', body: `Ils sont revenus ${canary}` });
    threadKey.destroy();
    // A photo kept as evidence with its metadata: Exif, GPS position and all.
    const gps = `GPS-14.4843N-4.1960W-${canary}`;
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x40]), Buffer.from('Exif\0\0MM\0*', 'latin1'), Buffer.from(gps)]);
    const fileContent = Buffer.concat([Buffer.from([0xff, 0xd8]), exif, Buffer.from(`PHOTO ${canary} `), randomBytes(200_000), Buffer.from(canary)]);
    await portal.app.get(CaseFiles).attach(supervisor, created.caseId, [fileContent], { name: `photo-${canary}.jpg`, type: 'image/jpeg' });
    const opened = await vault.openCase(supervisor, created.caseId);
    expect(JSON.stringify(opened.content)).toContain(canary);
    await asOwner('CHECKPOINT');

    const secrets = [...encodings(canary), ...encodings(created.receipt), ...encodings(created.receipt.replaceAll(' ', ''))];
    for (const member of [supervisor, onCall, caseworker, ...custodians]) {
      const { seed, boxSecret, signSecret } = keyPairSecrets(member.keyPair);
      secrets.push(...encodings(seed), ...encodings(boxSecret), ...encodings(signSecret.subarray(0, 32)));
    }
    const dump = await databaseDump(database.ownerUrl);
    expect(dump.length).toBeGreaterThan(10_000);
    expect(secrets.filter((needle) => dump.includes(needle)).length).toBe(0);
    expect(filesContaining(process.env.TEST_DATA_ROOT as string, secrets)).toEqual([]);
    // The scan did reach the file store, where the photo's encrypted bytes are: no Exif header, no position, no name there.
    const storeDir = fileStoreDir(portal.app.get<Runtime>(RUNTIME).config);
    expect(storeDir.startsWith(process.env.TEST_DATA_ROOT as string)).toBe(true);
    const [stored] = await asOwner<{ key: string }>('SELECT store_key AS key FROM case_file WHERE case_id = $1', [created.caseId]);
    expect(readdirSync(storeDir)).toContain(stored?.key);
    expect(filesContaining(storeDir, [Buffer.from('Exif\0\0'), Buffer.from(gps), Buffer.from('photo-')])).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => secrets.some((needle) => line.includes(needle.toString('latin1'))))).toEqual([]);
    // The scan reads the whole test data root, which every file of a full run has grown by the time this runs.
  }, 240_000);

  it('keeps no line per visit of the public side in its log (no time, path or size), and the staff access log', async () => {
    const created = await vault.createCase({ urgent: false, content: plainContent() });
    const linesBefore = logLines.length;
    const opened = await fetch(`${portal.url}/api/follow-up/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt: created.receipt }),
    });
    expect(opened.status).toBe(200);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await fetch(`${portal.url}/api/follow-up`, { headers: { cookie } })).status).toBe(200);
    expect(
      (await fetch(`${portal.url}/api/follow-up/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"receipt":' })).status,
    ).toBe(400);
    await fetch(`${portal.url}/suivi`);
    expect((await fetch(`${portal.url}/api/cases`)).status).toBe(401);
    const lines = logLines.slice(linesBefore);
    const publicPaths = ['/api/follow-up', '/api/requests', '/api/callback-requests', '/suivi'];
    expect(lines.filter((line) => publicPaths.some((path) => line.includes(path)))).toEqual([]);
    expect(lines.filter((line) => line.includes('"path":"/api/cases"')).length).toBe(1);
  });
});
