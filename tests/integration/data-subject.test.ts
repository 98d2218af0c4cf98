import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { CaseDetail, ErrorBody, staffFr } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { RUNTIME, type Runtime } from '../../apps/api/src/config/runtime.js';
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { fileStoreDir } from '../../apps/api/src/file-store/file-store.provider.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseFiles } from '../../apps/api/src/vault/case-files.js';
import { CaseVaultService, type CreatedCase } from '../../apps/api/src/vault/case-vault.service.js';
import { ThreadMessages } from '../../apps/api/src/vault/thread-messages.js';
import { canaryContent, plainContent } from '../factories/case-content.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { databaseDump, encodings, filesContaining } from '../support/leaks.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, ownerUrlOf, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let keyed: StaffWithKeys;
let supervisor: StaffClient;
let caseworker: StaffClient;
let outsider: StaffClient;

const canary = `DSR${randomBytes(6).toString('hex')}`;
const noteCanary = `NOTE${randomBytes(6).toString('hex')}`;
let erased: CreatedCase;
let accessed: CreatedCase;
let held: CreatedCase;
let closedHeld: CreatedCase;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  const admin = await signIn(portal, await createAdmin(portal));
  // A supervisor with a key pair in memory (in the triage team of every case below): attaches files and writes the thread.
  keyed = await createStaffWithKeys(portal.app, ['supervisor']);
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure DSR' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargée DSR' })).client;
  outsider = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Autre Chargé' })).client;

  erased = await withFileAndThread(canaryContent(canary));
  accessed = await withFileAndThread(canaryContent(`${canary}acc`));
  held = await vault.createCase({ urgent: false, content: content(['abduction_disappearance']) });
  closedHeld = await vault.createCase({ urgent: false, content: content(['threats_intimidation']) });
  for (const created of [erased, accessed, held, closedHeld]) {
    expect((await supervisor.post(`/api/cases/${created.caseId}/assignment`, { assigneeId: caseworker.id })).status).toBe(201);
  }
  expect((await caseworker.post(`/api/cases/${erased.caseId}/notes`, { body: `Note interne ${noteCanary}` })).status).toBe(201);
  expect((await caseworker.post(`/api/cases/${accessed.caseId}/notes`, { body: `Note interne ${noteCanary}` })).status).toBe(201);
  // Closed with a serious outcome: on legal hold through the clear index.
  expect((await supervisor.post(`/api/cases/${closedHeld.caseId}/status`, { to: 'under_assessment', reason: 'Évaluation.' })).status).toBe(201);
  const closing = { to: 'closed', reason: 'Clôture.', outcome: 'killed', defenderInformed: true };
  expect((await supervisor.post(`/api/cases/${closedHeld.caseId}/status`, closing)).status).toBe(201);
});

afterAll(async () => {
  await portal?.close();
});

function content(threatTypes: string[]): CaseContent {
  const base = plainContent();
  return { ...base, categories: { ...base.categories, threatTypes } };
}

/** A case with a request file (chunks under the case key) and a defender's message in the thread. */
async function withFileAndThread(request: CaseContent): Promise<CreatedCase> {
  const created = await vault.createCase({ urgent: false, content: request });
  const marker = JSON.stringify(request.narrative);
  const photo = Buffer.concat([Buffer.from(`PHOTO ${marker} `), randomBytes(70_000)]);
  await portal.app.get(CaseFiles).attach(keyed, created.caseId, [photo], { name: 'photo.jpg', type: 'image/jpeg' });
  const thread = portal.app.get(ThreadMessages);
  const { threadKey } = await thread.openWithReceipt(created.receipt);
  await thread.append(threadKey, created.caseId, 'defender', { kind: 'message', body: `Message du défenseur ${marker}` });
  threadKey.destroy();
  return created;
}

function record(client: StaffClient, caseId: string, body: unknown): Promise<Response> {
  return client.post(`/api/cases/${caseId}/data-subject-requests`, body);
}

async function recorded(client: StaffClient, caseId: string, body: unknown): Promise<string> {
  const response = await record(client, caseId, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function erase(client: StaffClient, caseId: string, requestId: string, body: unknown): Promise<Response> {
  return client.post(`/api/cases/${caseId}/data-subject-requests/${requestId}/erase`, body);
}

async function fieldsOf(response: Response): Promise<Record<string, string>> {
  const body = ErrorBody.parse(await response.json());
  return Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message]));
}

async function view(client: StaffClient, caseId: string): Promise<CaseDetail> {
  const response = await client.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function exists(caseId: string): Promise<boolean> {
  return (await asOwner(portal, 'SELECT 1 FROM protection_case WHERE id = $1', [caseId])).length === 1;
}

/** The statistics: the counters applied and the sealed increments waiting for their batch (neither names a case). */
async function counters(): Promise<unknown[]> {
  return [
    ...(await asOwner(portal, 'SELECT * FROM stat_counter ORDER BY period, dimension_1, value_1, dimension_2, value_2')),
    ...(await asOwner(portal, 'SELECT id FROM stat_pending ORDER BY id')),
  ];
}

/** Pieces of every ciphertext, wrap and sealed key of the case (slices from the middle: long enough to be unique). */
async function ciphertextsOf(caseId: string): Promise<Buffer[]> {
  const texts: string[] = [];
  const collect = async (sql: string) => {
    for (const row of await asOwner<Record<string, string | null>>(portal, sql, [caseId]))
      texts.push(...Object.values(row).filter((value): value is string => Boolean(value)));
  };
  await collect('SELECT identity, contact, narrative, situation, categories, manifest_mac, thread_mac FROM protection_case WHERE id = $1');
  await collect('SELECT body FROM case_entry WHERE case_id = $1');
  await collect('SELECT body FROM case_message WHERE case_id = $1');
  await collect('SELECT sealed_key FROM case_key_grant WHERE case_id = $1');
  await collect('SELECT wrapped_thread_key, lookup_id FROM receipt WHERE case_id = $1');
  await collect('SELECT wrapped_file_key, metadata FROM case_file WHERE case_id = $1');
  const pieces = texts.map((text) => Buffer.from(text.slice(Math.floor(text.length / 2) - 16, Math.floor(text.length / 2) + 16)));
  expect(texts.length).toBeGreaterThan(8);
  return pieces;
}

/** Pieces of the case's encrypted files, as the file store holds them. */
async function storedPiecesOf(caseId: string): Promise<Buffer[]> {
  const stored = await storedObjectsOf(caseId);
  expect(stored.length).toBeGreaterThan(0);
  const pieces: Buffer[] = [];
  for (const key of stored) {
    const data = await readFile(join(fileStoreDir(portal.app.get<Runtime>(RUNTIME).config), key));
    pieces.push(Buffer.from(data.subarray(data.length >> 1, (data.length >> 1) + 48)));
  }
  return pieces;
}

/** The case's encrypted files in the file store. */
async function storedObjectsOf(caseId: string): Promise<string[]> {
  return (await asOwner<{ key: string }>(portal, 'SELECT store_key AS key FROM case_file WHERE case_id = $1 AND store_key IS NOT NULL', [caseId])).map(
    (row) => row.key,
  );
}

/** The tables with a row whose text mentions the needle (every public table). */
async function tablesMentioning(needle: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrlOf(portal) });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const hits: string[] = [];
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`, [needle]);
      if (Number(rows[0]?.n) > 0) hits.push(name);
    }
    return hits;
  } finally {
    await client.end();
  }
}

function openFollowUp(receipt: string): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt }) });
}

describe('recording a request', () => {
  it('is a journal entry of the case for its holders only, validated at the edge', async () => {
    expect((await record(outsider, accessed.caseId, { right: 'access', verifiedBy: 'receipt' })).status).toBe(403);
    expect((await record(caseworker, accessed.caseId, { right: 'access', verifiedBy: 'a phone call' })).status).toBe(400);
    const missing = await record(caseworker, accessed.caseId, { right: 'rectification', verifiedBy: 'verified_callback' });
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toEqual({ correction: staffFr.fields.correction_required });

    const correction = `Mon nom s’écrit Awa Traore, sans accent ${canary}corr`;
    const id = await recorded(caseworker, accessed.caseId, {
      right: 'rectification',
      verifiedBy: 'verified_callback',
      correction,
      note: 'Rappel au contact sûr.',
    });
    const detail = await view(caseworker, accessed.caseId);
    expect(detail.entries.at(-1)).toMatchObject({
      id,
      kind: 'data_subject_request',
      data: { right: 'rectification', verifiedBy: 'verified_callback', correction },
    });
    // The original stays as received.
    expect(detail.narrative).toContain(`${canary}acc`);
    const audited = await asOwner<{ details: Record<string, unknown> }>(
      portal,
      "SELECT details FROM audit_event WHERE action = 'case.data_subject_request' AND target_id = $1",
      [accessed.caseId],
    );
    expect(audited.length).toBe(1);
    expect(JSON.stringify(audited)).not.toContain(canary);
  });
});

describe('access', () => {
  it('downloads the person’s data as a no-store JSON attachment, audited without content', async () => {
    expect((await supervisor.post(`/api/cases/${accessed.caseId}/measures`, { measure: 'legal_assistance', ownerId: caseworker.id })).status).toBe(201);
    const requestId = await recorded(caseworker, accessed.caseId, { right: 'access', verifiedBy: 'receipt' });
    const response = await caseworker.get(`/api/cases/${accessed.caseId}/data-subject-requests/${requestId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="donnees-personnelles-[A-Za-z0-9_-]+\.json"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const document = JSON.parse(text) as {
      request: { narrative: string };
      thread: { body: string }[];
      rectifications: { correction: string }[];
      decisions: { kind: string }[];
      files: unknown[];
    };
    expect(document.request.narrative).toContain(`${canary}acc`);
    expect(document.thread.some((message) => message.body.includes(`${canary}acc`))).toBe(true);
    expect(document.rectifications.map((r) => r.correction).join()).toContain(`${canary}corr`);
    expect(document.files).toHaveLength(1);
    expect(document.decisions.map((decision) => decision.kind)).toEqual(['data_subject_request', 'measure_added', 'data_subject_request']);
    // Internal notes are the team's, and staff are never named.
    expect(text).not.toContain(noteCanary);
    expect(text).not.toContain('Chargée DSR');
    expect(text).not.toContain(caseworker.id);

    const audited = await asOwner<{ actor_id: string; details: unknown }>(
      portal,
      "SELECT actor_id, details FROM audit_event WHERE action = 'case.data_subject_access_exported' AND target_id = $1",
      [accessed.caseId],
    );
    expect(audited).toEqual([{ actor_id: caseworker.id, details: { requestId } }]);
    const everyAudit = JSON.stringify(await asOwner(portal, 'SELECT details FROM audit_event'));
    expect(everyAudit).not.toContain(canary);

    // Only for an access request of this case, and only for its holders.
    const notAccess = (await view(caseworker, accessed.caseId)).entries.find((entry) => entry.kind === 'note')?.id as string;
    expect((await caseworker.get(`/api/cases/${accessed.caseId}/data-subject-requests/${notAccess}/export`)).status).toBe(404);
    expect((await outsider.get(`/api/cases/${accessed.caseId}/data-subject-requests/${requestId}/export`)).status).toBe(403);
  });
});

describe('erasure', () => {
  it('cannot be done by a caseworker alone, and needs the explicit confirmation', async () => {
    const requestId = await recorded(caseworker, erased.caseId, { right: 'erasure', verifiedBy: 'receipt' });
    expect((await erase(caseworker, erased.caseId, requestId, { confirm: true })).status).toBe(403);
    expect((await erase(supervisor, erased.caseId, requestId, {})).status).toBe(400);
    expect((await erase(supervisor, erased.caseId, requestId, { confirm: false })).status).toBe(400);
    // An access request is not an erasure request.
    const access = await recorded(caseworker, erased.caseId, { right: 'access', verifiedBy: 'receipt' });
    expect((await erase(supervisor, erased.caseId, access, { confirm: true })).status).toBe(404);
    expect(await exists(erased.caseId)).toBe(true);
  });

  it('crypto-shreds the case now: no ciphertext, grant or row of it anywhere, the statistics unchanged, audited without content', async () => {
    const requestId = (await view(supervisor, erased.caseId)).entries.find((entry) => entry.kind === 'data_subject_request' && entry.data.right === 'erasure')
      ?.id as string;
    const pieces = await ciphertextsOf(erased.caseId);
    const stored = await storedObjectsOf(erased.caseId);
    const storedPieces = await storedPiecesOf(erased.caseId);
    const store = portal.app.get<FileStore>(FILE_STORE);
    expect((await store.list()).map((object) => object.key)).toEqual(expect.arrayContaining(stored));
    const statistics = await counters();
    expect(statistics.length).toBeGreaterThan(0);
    expect(await tablesMentioning(erased.caseId)).toEqual(expect.arrayContaining(['case_entry', 'case_key_grant', 'protection_case', 'receipt']));
    // The needles find what they look for while the case is there.
    const before = await databaseDump(ownerUrlOf(portal));
    expect(pieces.filter((piece) => !before.includes(piece))).toEqual([]);

    const response = await erase(supervisor, erased.caseId, requestId, { confirm: true });
    expect(response.status).toBe(204);

    // The audit log keeps that the case existed (its id), nothing else of it.
    expect(await tablesMentioning(erased.caseId)).toEqual(['audit_event']);
    const dump = await databaseDump(ownerUrlOf(portal));
    expect(dump.length).toBeGreaterThan(10_000);
    expect(pieces.filter((piece) => dump.includes(piece))).toEqual([]);
    for (const form of [...encodings(canary), ...encodings(noteCanary), ...encodings(erased.receipt)]) expect(dump.includes(form)).toBe(false);
    // Its files are gone from the file store too, not only their rows.
    expect((await store.list()).map((object) => object.key).filter((key) => stored.includes(key))).toEqual([]);
    expect(filesContaining(fileStoreDir(portal.app.get<Runtime>(RUNTIME).config), storedPieces)).toEqual([]);
    expect(await counters()).toEqual(statistics);

    const audited = await asOwner<{ actor_id: string; details: Record<string, unknown> }>(
      portal,
      "SELECT actor_id, details FROM audit_event WHERE action = 'case.erased' AND target_id = $1",
      [erased.caseId],
    );
    expect(audited).toEqual([
      { actor_id: supervisor.id, details: { requestId, requestedBy: caseworker.id, verifiedBy: 'receipt', legalHoldConfirmed: false, legalHold: false } },
    ]);

    // The receipt opens nothing, like one that never existed; the case is gone for everyone.
    const unknown = await openFollowUp('0000 1111 2222 3333 4444 5555');
    const gone = await openFollowUp(erased.receipt);
    expect(gone.status).toBe(unknown.status);
    expect(await gone.json()).toEqual(await unknown.json());
    expect((await supervisor.get(`/api/cases/${erased.caseId}`)).status).toBe(404);
    expect((await erase(supervisor, erased.caseId, requestId, { confirm: true })).status).toBe(404);
    // The other cases are untouched.
    expect((await view(caseworker, accessed.caseId)).narrative).toContain(`${canary}acc`);
  });

  it('refuses a case on legal hold unless the supervisor explicitly confirms it', async () => {
    for (const created of [held, closedHeld]) {
      // Asked and carried out by a supervisor: the request made by a supervisor is the supervisor's step.
      const requestId = await recorded(supervisor, created.caseId, { right: 'erasure', verifiedBy: 'verified_callback' });
      const refused = await erase(supervisor, created.caseId, requestId, { confirm: true });
      expect(refused.status).toBe(409);
      expect(await fieldsOf(refused)).toEqual({ legalHoldConfirmed: staffFr.fields.legal_hold_confirmation_required });
      expect(await exists(created.caseId)).toBe(true);

      expect((await erase(supervisor, created.caseId, requestId, { confirm: true, legalHoldConfirmed: true })).status).toBe(204);
      expect(await exists(created.caseId)).toBe(false);
      const [audited] = await asOwner<{ details: Record<string, unknown> }>(
        portal,
        "SELECT details FROM audit_event WHERE action = 'case.erased' AND target_id = $1",
        [created.caseId],
      );
      expect(audited?.details).toMatchObject({ requestedBy: supervisor.id, legalHoldConfirmed: true, legalHold: created === closedHeld });
    }
  });
});
