import { DEFAULT_RETENTION_POLICY, staffFr, ErrorBody, PurgeReport, RetentionPolicy, UpcomingExpiryList } from '@mnpddh/shared';
import { PURGED_TABLES } from '../../apps/api/src/retention/retention.repository.js';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { RetentionPurge } from '../../apps/api/src/retention/retention-purge.service.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { ThreadFiles } from '../../apps/api/src/vault/thread-files.js';
import { ThreadMessages } from '../../apps/api/src/vault/thread-messages.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

const DAY_MS = 86_400_000;

let portal: RunningPortal;
let vault: CaseVaultService;
let purge: RetentionPurge;
let admin: StaffClient;
let supervisor: StaffClient;
let caseworker: StaffClient;
let auditor: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  purge = portal.app.get(RetentionPurge);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Test' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé Test' })).client;
  auditor = (await createStaff(portal, admin, { roles: ['auditor'], name: 'Auditrice Test' })).client;
});

afterAll(async () => {
  await portal?.close();
});

/** The first day of the month `months + 1` after this one: when a case closed this month expires. */
function expiryAfter(months: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1 + months, 1));
}

function content(threatTypes: string[] = ['threats_intimidation']): CaseContent {
  const base = plainContent();
  return { ...base, categories: { ...base.categories, threatTypes } };
}

async function closedCase(threatTypes?: string[]): Promise<{ caseId: string; reference: string; receipt: string }> {
  const created = await vault.createCase({ urgent: false, content: content(threatTypes) });
  expect((await supervisor.post(`/api/cases/${created.caseId}/status`, { to: 'under_assessment', reason: 'Évaluation.' })).status).toBe(201);
  const closing = { to: 'closed', reason: 'Clôture après libération.', outcome: 'released', defenderInformed: true };
  expect((await supervisor.post(`/api/cases/${created.caseId}/status`, closing)).status).toBe(201);
  return created;
}

async function indexOf(caseId: string): Promise<{ closed_at: Date | null; legal_hold: boolean } | undefined> {
  return (
    await asOwner<{ closed_at: Date | null; legal_hold: boolean }>(portal, 'SELECT closed_at, legal_hold FROM protection_case WHERE id = $1', [caseId])
  )[0];
}

/** Every row anywhere that belongs to the case. */
async function rowsOf(caseId: string, fileIds: string[]): Promise<Record<string, number>> {
  const count = async (sql: string, params: unknown[]) => Number((await asOwner<{ n: string }>(portal, sql, params))[0]?.n);
  const byCase = [
    'case_key_grant',
    'receipt',
    'case_message',
    'case_file',
    'upload_session',
    'case_entry',
    'case_draft',
    'alert',
    'follow_up_session',
    'retention_decision',
  ];
  const counts: Record<string, number> = { protection_case: await count('SELECT count(*) AS n FROM protection_case WHERE id = $1', [caseId]) };
  for (const table of byCase) counts[table] = await count(`SELECT count(*) AS n FROM ${table} WHERE case_id = $1`, [caseId]);
  counts.file_chunk = await count('SELECT count(*) AS n FROM file_chunk WHERE file_id = ANY($1::uuid[])', [fileIds]);
  return counts;
}

/** The statistics: the counters applied and the sealed increments waiting for their batch (neither names a case). */
async function counters(): Promise<unknown[]> {
  return [
    ...(await asOwner(portal, 'SELECT * FROM stat_counter ORDER BY period, dimension_1, value_1, dimension_2, value_2')),
    ...(await asOwner(portal, 'SELECT id FROM stat_pending ORDER BY id')),
  ];
}

async function run(at: Date): Promise<PurgeReport> {
  return PurgeReport.parse(await purge.run(at));
}

function openFollowUp(receipt: string): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt }) });
}

async function fieldsOf(response: Response): Promise<Record<string, string>> {
  const body = ErrorBody.parse(await response.json());
  return Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message]));
}

function putPolicy(client: StaffClient, body: unknown): Promise<Response> {
  return client.request('PUT', '/api/admin/retention', { body });
}

describe('the retention policy', () => {
  it('has defaults, is edited by admins only, validated and audited', async () => {
    const current = await admin.get('/api/admin/retention');
    expect(current.status).toBe(200);
    expect(RetentionPolicy.parse(await current.json())).toEqual(DEFAULT_RETENTION_POLICY);

    const negative = await putPolicy(admin, { ...DEFAULT_RETENTION_POLICY, closedMonths: -3 });
    expect(negative.status).toBe(400);
    expect(Object.keys(await fieldsOf(negative))).toContain('closedMonths');

    for (const client of [caseworker, auditor, supervisor]) {
      expect((await client.get('/api/admin/retention')).status).toBe(403);
      expect((await putPolicy(client, DEFAULT_RETENTION_POLICY)).status).toBe(403);
    }

    const changed = { closedMonths: 36, inadmissibleMonths: 3, warningDays: 60 };
    expect((await putPolicy(admin, changed)).status).toBe(200);
    expect(RetentionPolicy.parse(await (await admin.get('/api/admin/retention')).json())).toEqual(changed);
    const audited = await asOwner(portal, "SELECT actor_id FROM audit_event WHERE action = 'retention.policy_updated'");
    expect(audited).toEqual([{ actor_id: admin.id }]);
    expect((await putPolicy(admin, DEFAULT_RETENTION_POLICY)).status).toBe(200);
  });
});

describe('the clear index at closure', () => {
  it('keeps the month of closure, sets the legal hold for a serious case only, and clears both on reopening', async () => {
    const now = new Date();
    const plain = await closedCase();
    const serious = await closedCase(['killing_of_relative']);
    expect(await indexOf(plain.caseId)).toEqual({ closed_at: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), legal_hold: false });
    expect((await indexOf(serious.caseId))?.legal_hold).toBe(true);

    expect((await supervisor.post(`/api/cases/${serious.caseId}/status`, { to: 'under_assessment', reason: 'Réouverture.' })).status).toBe(201);
    expect(await indexOf(serious.caseId)).toEqual({ closed_at: null, legal_hold: false });
    // The index MAC covers the new columns: the reopened case still opens.
    expect((await supervisor.get(`/api/cases/${serious.caseId}`)).status).toBe(200);
  });
});

describe('the purge', () => {
  it('crypto-shreds a closed case past its retention and nothing else, keeping the statistics', async () => {
    const target = await closedCase();
    const open = await vault.createCase({ urgent: false, content: content() });
    const session = await openFollowUp(target.receipt);
    expect(session.status).toBe(200);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] as string;
    // A file the defender added and one still uploading: their bytes are in the file store.
    const { threadKey } = await portal.app.get(ThreadMessages).openWithReceipt(target.receipt);
    const threadFiles = portal.app.get(ThreadFiles);
    const metadata = { kind: 'file' as const, name: 'pv.pdf', declaredType: 'application/pdf', type: 'application/pdf', keepOriginal: false };
    await threadFiles.receive(threadKey, target.caseId, metadata, [Buffer.from('%PDF-1.7 procès-verbal')], { maxFiles: 20, expiresInMs: 60_000 });
    await threadFiles.start(threadKey, target.caseId, metadata, 100_000, { maxFiles: 20, expiresInMs: 60_000 });
    threadKey.destroy();
    const storeKeys = (
      await asOwner<{ key: string }>(
        portal,
        'SELECT store_key AS key FROM case_file WHERE case_id = $1 UNION ALL SELECT store_key FROM upload_session WHERE case_id = $1',
        [target.caseId],
      )
    ).map((row) => row.key);
    expect(storeKeys).toHaveLength(2);
    const store = portal.app.get<FileStore>(FILE_STORE);
    expect((await store.list()).map((object) => object.key)).toEqual(expect.arrayContaining(storeKeys));
    const fileIds = (await asOwner<{ id: string }>(portal, 'SELECT id FROM case_file WHERE case_id = $1', [target.caseId])).map((row) => row.id);
    const before = await rowsOf(target.caseId, fileIds);
    expect(before).toMatchObject({ protection_case: 1, follow_up_session: 1 });
    expect(before.case_key_grant).toBeGreaterThan(0);
    expect(before.receipt).toBeGreaterThan(0);
    expect(before.case_entry).toBeGreaterThan(0);
    const statistics = await counters();
    expect(statistics.length).toBeGreaterThan(0);

    // Not yet expired: it stays.
    await run(new Date(expiryAfter(DEFAULT_RETENTION_POLICY.closedMonths).getTime() - DAY_MS));
    expect((await rowsOf(target.caseId, fileIds)).protection_case).toBe(1);

    const report = await run(new Date(expiryAfter(DEFAULT_RETENTION_POLICY.closedMonths).getTime() + DAY_MS));
    expect(report.purged).toBeGreaterThanOrEqual(1);
    expect(Object.values(await rowsOf(target.caseId, fileIds)).every((n) => n === 0)).toBe(true);
    expect((await store.list()).map((object) => object.key).filter((key) => storeKeys.includes(key))).toEqual([]);
    expect(await counters()).toEqual(statistics);
    expect((await asOwner(portal, 'SELECT 1 FROM protection_case WHERE id = $1', [open.caseId])).length).toBe(1);

    const audited = await asOwner<{ actor_id: string | null; details: Record<string, unknown> }>(
      portal,
      "SELECT actor_id, details FROM audit_event WHERE action = 'case.purged' AND target_id = $1",
      [target.caseId],
    );
    expect(audited).toEqual([{ actor_id: null, details: { reference: target.reference, legalHold: false } }]);

    // The receipt now opens nothing, exactly like a receipt that never existed.
    const unknown = await openFollowUp('0000 1111 2222 3333 4444 5555');
    const purged = await openFollowUp(target.receipt);
    expect(purged.status).toBe(unknown.status);
    expect(await purged.json()).toEqual(await unknown.json());
    expect((await fetch(`${portal.url}/api/follow-up`, { headers: { cookie } })).status).toBe(401);
    expect((await supervisor.get(`/api/cases/${target.caseId}`)).status).toBe(404);
  });

  it('may vacuum every table it empties (the application role holds MAINTAIN on them)', async () => {
    for (const table of PURGED_TABLES) {
      const [row] = await asOwner<{ allowed: boolean }>(portal, "SELECT has_table_privilege('portal_app', $1, 'MAINTAIN') AS allowed", [table]);
      expect(row?.allowed).toBe(true);
    }
  });

  it('keeps a case on legal hold until a supervisor confirms', async () => {
    const held = await closedCase(['abduction_disappearance']);
    const plain = await closedCase();
    const expired = new Date(expiryAfter(DEFAULT_RETENTION_POLICY.closedMonths).getTime() + DAY_MS);

    const report = await run(expired);
    expect(report.held).toBeGreaterThanOrEqual(1);
    expect((await indexOf(held.caseId))?.legal_hold).toBe(true);
    expect(await indexOf(plain.caseId)).toBeUndefined();

    expect((await caseworker.post(`/api/retention/${held.caseId}/confirm-purge`, { confirm: true })).status).toBe(403);
    expect((await supervisor.post(`/api/retention/${held.caseId}/confirm-purge`, {})).status).toBe(400);
    const notHeld = await closedCase();
    expect((await supervisor.post(`/api/retention/${notHeld.caseId}/confirm-purge`, { confirm: true })).status).toBe(409);
    expect((await supervisor.post(`/api/retention/${held.caseId}/confirm-purge`, { confirm: true })).status).toBe(204);
    expect(await asOwner(portal, "SELECT actor_id FROM audit_event WHERE action = 'retention.purge_confirmed' AND target_id = $1", [held.caseId])).toEqual([
      { actor_id: supervisor.id },
    ]);

    await run(expired);
    expect(await indexOf(held.caseId)).toBeUndefined();
    expect(await asOwner(portal, 'SELECT 1 FROM case_key_grant WHERE case_id = $1', [held.caseId])).toEqual([]);
  });
});

describe('warnings and extensions', () => {
  afterEach(async () => {
    expect((await putPolicy(admin, DEFAULT_RETENTION_POLICY)).status).toBe(200);
  });

  it('lists cases nearing expiry to supervisors, and an extension postpones the purge', async () => {
    const kept = await closedCase();
    const upcoming = async () => UpcomingExpiryList.parse(await (await supervisor.get('/api/retention/upcoming')).json()).items;
    // 24 months away, 30 days' warning: not yet listed.
    expect((await upcoming()).map((item) => item.caseId)).not.toContain(kept.caseId);

    expect((await putPolicy(admin, { closedMonths: 1, inadmissibleMonths: 1, warningDays: 90 })).status).toBe(200);
    const expiry = expiryAfter(1);
    const listed = (await upcoming()).find((item) => item.caseId === kept.caseId);
    expect(listed).toEqual({
      caseId: kept.caseId,
      reference: kept.reference,
      status: 'closed',
      expiresAt: expiry.toISOString().slice(0, 10),
      legalHold: false,
      purgeConfirmed: false,
      extensionReason: null,
    });
    expect((await caseworker.get('/api/retention/upcoming')).status).toBe(403);

    const tooEarly = await supervisor.post(`/api/retention/${kept.caseId}/extend`, { until: expiry.toISOString().slice(0, 10), reason: 'legal_proceedings' });
    expect(tooEarly.status).toBe(400);
    expect(await fieldsOf(tooEarly)).toEqual({ until: staffFr.fields.extension_not_later });
    expect((await supervisor.post(`/api/retention/${kept.caseId}/extend`, { until: '2099-01-01', reason: 'free text' })).status).toBe(400);

    const until = new Date(expiry.getTime() + 365 * DAY_MS);
    const day = until.toISOString().slice(0, 10);
    expect((await caseworker.post(`/api/retention/${kept.caseId}/extend`, { until: day, reason: 'legal_proceedings' })).status).toBe(403);
    expect((await supervisor.post(`/api/retention/${kept.caseId}/extend`, { until: day, reason: 'legal_proceedings' })).status).toBe(204);
    expect(await asOwner(portal, "SELECT actor_id, details FROM audit_event WHERE action = 'retention.extended' AND target_id = $1", [kept.caseId])).toEqual([
      { actor_id: supervisor.id, details: { until: day, reason: 'legal_proceedings' } },
    ]);

    await run(new Date(expiry.getTime() + DAY_MS));
    expect(await indexOf(kept.caseId)).toBeDefined();
    await run(new Date(until.getTime() + DAY_MS));
    expect(await indexOf(kept.caseId)).toBeUndefined();
  });

  it('refuses to extend an open case', async () => {
    const open = await vault.createCase({ urgent: false, content: content() });
    const response = await supervisor.post(`/api/retention/${open.caseId}/extend`, { until: '2099-01-01', reason: 'ongoing_risk' });
    expect(response.status).toBe(409);
  });
});
