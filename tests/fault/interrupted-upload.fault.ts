/**
 * An upload cut off mid-way: the connection dies in the middle of
 * a piece, then the defender never comes back. Nothing of it shows — not in
 * the defender's thread, not in the staff case view — and once the upload
 * expires its encrypted pieces are deleted.
 */
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { request } from 'node:http';
import pg from 'pg';
import { FollowUpView, SubmissionReceipt } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { testSecrets } from '../support/test-portal.js';
import { openFollowUp, startUpload, FIRST_STEP } from '../security/hostile-setup.js';
import type { Credentials } from '../security/hostile-fire.js';
import { startOwnPostgres, type OwnPostgres } from './own-postgres.js';

const PIECE = 512 * 1024;
const SIZE = PIECE + 200 * 1024;

let database: OwnPostgres;
let portal: RunningPortal;
let supervisor: StaffClient;
let caseId: string;
let followUp: Credentials;

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await startOwnPostgres();
  portal = await startPortal({
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...FAST_PASSWORDS,
    ...testSecrets(),
  });
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `fault-${Date.now()}` },
    body: JSON.stringify(FIRST_STEP),
  });
  const answer = SubmissionReceipt.parse(await submitted.json());
  const [found] = await sql<{ id: string }>('SELECT id FROM protection_case WHERE reference = $1', [answer.reference]);
  caseId = (found as { id: string }).id;
  followUp = await openFollowUp(portal, answer.receipt);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await database?.destroy();
}, 60_000);

/** A PATCH that announces a whole piece, sends `sent` bytes of it, then drops the connection. */
function cutOffPatch(uploadId: string, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(`${portal.url}/api/follow-up/uploads/${uploadId}`);
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'PATCH',
      headers: { cookie: followUp.cookie ?? '', 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'content-length': String(PIECE) },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(pdfBytes(sent), () => setTimeout(() => req.destroy(), 200));
  });
}

function pdfBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length, 0x41);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  return bytes;
}

async function patch(uploadId: string, offset: number, bytes: Buffer): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/uploads/${uploadId}`, {
    method: 'PATCH',
    headers: { cookie: followUp.cookie ?? '', 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
    body: new Uint8Array(bytes),
  });
}

async function offsetOf(uploadId: string): Promise<string | null> {
  const response = await fetch(`${portal.url}/api/follow-up/uploads/${uploadId}`, { method: 'HEAD', headers: { cookie: followUp.cookie ?? '' } });
  return response.status === 200 ? response.headers.get('upload-offset') : `status ${response.status}`;
}

async function followUpView(): Promise<FollowUpView> {
  const response = await fetch(`${portal.url}/api/follow-up`, { headers: { cookie: followUp.cookie ?? '' } });
  return FollowUpView.parse(await response.json());
}

describe('an upload cut off mid-way', () => {
  let uploadId: string;

  it('keeps nothing of a piece whose connection died: the offset stays where it was, and the API is fine', async () => {
    uploadId = await startUpload(portal, followUp, { kind: 'file', name: 'preuve.pdf', type: 'application/pdf', size: SIZE });
    await cutOffPatch(uploadId, 200 * 1024);
    expect(await offsetOf(uploadId)).toBe('0');
    expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
    // The defender resumes: the first piece whole, then the connection is lost for good.
    const first = await patch(uploadId, 0, pdfBytes(PIECE));
    expect(first.status).toBe(204);
    expect(await offsetOf(uploadId)).toBe(String(PIECE));
  });

  it('shows nothing of the unfinished file to the defender or to staff', async () => {
    const view = await followUpView();
    expect(view.thread.filter((entry) => entry.kind !== 'message')).toEqual([]);
    const staffView = await supervisor.get(`/api/cases/${caseId}`);
    expect(staffView.status).toBe(200);
    const text = await staffView.text();
    expect(text).not.toContain('preuve.pdf');
    expect(text).not.toContain(uploadId);
    const [files] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM case_file WHERE case_id = $1', [caseId]);
    expect(files?.n).toBe(0);
  });

  it('deletes the pieces once the upload expires (24 h; the clock is moved in SQL)', async () => {
    const [pending] = await sql<{ hours: number }>('SELECT extract(epoch FROM expires_at - now()) / 3600 AS hours FROM upload_session WHERE id = $1', [
      uploadId,
    ]);
    expect(Number(pending?.hours)).toBeGreaterThan(23);
    expect(Number(pending?.hours)).toBeLessThanOrEqual(25); // kept to the hour, rounded up
    const [session] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [uploadId]);
    const store = portal.app.get<FileStore>(FILE_STORE);
    expect((await store.list()).map((object) => object.key)).toContain(session?.key);
    // Times are kept to the hour, rounded up: an expiry one minute ago would read as the coming hour.
    await sql("UPDATE upload_session SET expires_at = now() - interval '2 hours' WHERE id = $1", [uploadId]);
    // Expired uploads are swept when the next one starts (anyone's).
    await startUpload(portal, followUp, { kind: 'file', name: 'autre.pdf', type: 'application/pdf', size: 16 });
    expect(await sql('SELECT 1 FROM upload_session WHERE id = $1', [uploadId])).toEqual([]);
    expect((await store.list()).map((object) => object.key)).not.toContain(session?.key);
    expect(await offsetOf(uploadId)).toBe('status 404');
    expect((await patch(uploadId, PIECE, pdfBytes(SIZE - PIECE))).status).toBe(404);
    const [files] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM case_file WHERE case_id = $1', [caseId]);
    expect(files?.n).toBe(0);
  });
});
