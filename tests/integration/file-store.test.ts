/**
 * The file store (apps/api/src/file-store): follow-up uploads go through the
 * real HTTP route into one object per file, named by a random key; the
 * finished file's row takes the upload's object over (no copy); a database
 * writer (T7) who points a row at another object, or puts other bytes or an
 * older version in its place, gets a refusal, never another file's content;
 * objects no row names are swept; expired uploads go with their bytes.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { SubmissionReceipt, UploadCreated } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { encryptedFileSize } from '../../apps/api/src/crypto/index.js';
import { FILE_STORE, STORE_KEY, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { StoredFilesSweep } from '../../apps/api/src/follow-up/stored-files-sweep.js';
import { ThreadFiles } from '../../apps/api/src/vault/thread-files.js';
import type { UploadFingerprints } from '../../apps/api/src/vault/upload-fingerprints.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { startTestPortal } from '../support/test-portal.js';

jest.setTimeout(180_000);

let portal: RunningPortal;
let supervisor: StaffWithKeys;
let storeDir: string;

beforeAll(async () => {
  storeDir = join(process.env.TEST_DATA_ROOT as string, `file-store-test-${randomBytes(4).toString('hex')}`, 'files');
  portal = await startTestPortal({ FILE_STORE_DIR: storeDir, MAX_UPLOAD_BYTES: String(2 * 1024 * 1024) });
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
});
afterAll(async () => {
  await portal?.close();
});

interface Defender {
  caseId: string;
  cookie: string;
}

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function newDefender(): Promise<Defender> {
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: 'On me suit depuis la réunion de Kayes, des menaces par téléphone.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true },
    }),
  });
  expect(submitted.status).toBe(201);
  const { reference, receipt } = SubmissionReceipt.parse(await submitted.json());
  const opened = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  expect(opened.status).toBe(200);
  const [row] = await sql<{ id: string }>('SELECT id FROM protection_case WHERE reference = $1', [reference]);
  return { caseId: row?.id as string, cookie: (opened.headers.get('set-cookie') ?? '').split(';')[0] as string };
}

async function started(defender: Defender, name: string, size: number): Promise<UploadCreated> {
  const response = await fetch(`${portal.url}/api/follow-up/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: defender.cookie },
    body: JSON.stringify({ kind: 'file', name, type: 'application/pdf', size }),
  });
  expect(response.status).toBe(201);
  return UploadCreated.parse(await response.json());
}

function patch(defender: Defender, uploadId: string, offset: number, bytes: Buffer): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/uploads/${uploadId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), cookie: defender.cookie },
    body: new Uint8Array(bytes),
  });
}

/** A PDF-looking file with `marker` written all through it. */
function document(size: number, marker: string): Buffer {
  const body = Buffer.alloc(size, `Procès-verbal ${marker} `);
  Buffer.from('%PDF-1.7\n').copy(body, 0);
  return body;
}

/** Uploads `data` in PATCHes of the server's chunk size; returns the file id. */
async function uploaded(defender: Defender, name: string, data: Buffer): Promise<string> {
  const upload = await started(defender, name, data.length);
  for (let at = 0; at < data.length; at += upload.chunkSize) {
    const answer = await patch(defender, upload.uploadId, at, data.subarray(at, at + upload.chunkSize));
    expect(answer.status).toBe(at + upload.chunkSize >= data.length ? 201 : 204);
  }
  return upload.uploadId;
}

async function storeKeyOfFile(fileId: string): Promise<string> {
  const [row] = await sql<{ key: string }>('SELECT store_key AS key FROM case_file WHERE id = $1', [fileId]);
  return row?.key as string;
}

/** What the staff download yields before it stops, and why it stopped ('' when it ended normally). */
async function staffRead(caseId: string, fileId: string): Promise<{ bytes: Buffer; refusal: string }> {
  const parts: Buffer[] = [];
  try {
    for await (const part of portal.app.get(ThreadFiles).read(supervisor, caseId, fileId)) parts.push(part);
    return { bytes: Buffer.concat(parts), refusal: '' };
  } catch (error) {
    return { bytes: Buffer.concat(parts), refusal: (error as { code?: string }).code ?? (error as Error).name };
  }
}

function store(): FileStore {
  return portal.app.get<FileStore>(FILE_STORE);
}

describe('the file store', () => {
  it('holds an upload as one object under a random name, which the finished file takes over without a copy', async () => {
    const defender = await newDefender();
    const marker = `kayes-${randomBytes(6).toString('hex')}`;
    const data = document(1_300_000, marker);
    const upload = await started(defender, `proces-verbal-${marker}.pdf`, data.length);
    expect((await patch(defender, upload.uploadId, 0, data.subarray(0, upload.chunkSize))).status).toBe(204);
    const [session] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [upload.uploadId]);
    const key = session?.key as string;
    expect(key).toMatch(STORE_KEY);
    for (const revealing of [upload.uploadId, defender.caseId, marker]) expect(key).not.toContain(revealing.replaceAll('-', '').slice(0, 8));
    const before = await stat(join(storeDir, key));

    for (let at = upload.chunkSize; at < data.length; at += upload.chunkSize) {
      expect((await patch(defender, upload.uploadId, at, data.subarray(at, at + upload.chunkSize))).status).toBe(
        at + upload.chunkSize >= data.length ? 201 : 204,
      );
    }
    // The file row names the upload's object: the same inode, grown in place, no second copy anywhere.
    expect(await storeKeyOfFile(upload.uploadId)).toBe(key);
    const after = await stat(join(storeDir, key));
    expect(after.ino).toBe(before.ino);
    expect(after.size).toBe(encryptedFileSize(data.length));
    expect((await store().list()).map((object) => object.key).filter((other) => other === key)).toHaveLength(1);
    expect(await sql('SELECT 1 FROM upload_session WHERE id = $1', [upload.uploadId])).toEqual([]);
    expect(await sql('SELECT 1 FROM file_chunk WHERE file_id = $1', [upload.uploadId])).toEqual([]);
    expect(await sql('SELECT 1 FROM upload_piece WHERE upload_id = $1', [upload.uploadId])).toEqual([]);
    expect(after.mode & 0o777).toBe(0o600);
    expect((await stat(storeDir)).mode & 0o777).toBe(0o700);

    const read = await staffRead(defender.caseId, upload.uploadId);
    expect(read.refusal).toBe('');
    expect(read.bytes.equals(data)).toBe(true);
    const object = await readFile(join(storeDir, key));
    expect(object.includes(Buffer.from(marker))).toBe(false);
    expect(object.includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('drops the bytes of a write whose commit failed: the next PATCH at the server offset continues cleanly', async () => {
    const defender = await newDefender();
    const data = document(900_000, 'reprise');
    const upload = await started(defender, 'reprise.pdf', data.length);
    expect((await patch(defender, upload.uploadId, 0, data.subarray(0, upload.chunkSize))).status).toBe(204);
    const [session] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [upload.uploadId]);
    // As if the process had appended pieces and then lost its transaction (more bytes than the rest of the file will overwrite).
    await writeFile(join(storeDir, session?.key as string), randomBytes(4 * 1024 * 1024), { flag: 'a' });
    expect((await patch(defender, upload.uploadId, upload.chunkSize, data.subarray(upload.chunkSize))).status).toBe(201);
    const read = await staffRead(defender.caseId, upload.uploadId);
    expect(read.refusal).toBe('');
    expect(read.bytes.equals(data)).toBe(true);
  });
});

/** As after a restart (or an eviction): this process no longer holds the upload's running SHA-256 (vault/upload-fingerprints.ts). */
function loseFingerprint(uploadId: string): void {
  (portal.app.get(ThreadFiles) as unknown as { fingerprints: UploadFingerprints }).fingerprints.forget(uploadId);
}

describe('an upload resumed by a process that lost its running fingerprint', () => {
  it('recomputes it from the stored chunks: the file completes and reads back against its SHA-256', async () => {
    const defender = await newDefender();
    const data = document(1_300_000, 'apres-redemarrage');
    const upload = await started(defender, 'apres-redemarrage.pdf', data.length);
    const cut = upload.chunkSize + 70_000; // a partial frame sealed in the state, too
    expect((await patch(defender, upload.uploadId, 0, data.subarray(0, cut))).status).toBe(204);
    loseFingerprint(upload.uploadId);
    expect((await patch(defender, upload.uploadId, cut, data.subarray(cut))).status).toBe(201);
    const read = await staffRead(defender.caseId, upload.uploadId);
    expect(read.refusal).toBe('');
    expect(read.bytes.equals(data)).toBe(true);
  });

  it('refuses to go on from stored chunks a writer changed, or another upload’s chunks: no fingerprint of other bytes', async () => {
    const defender = await newDefender();
    const data = document(1_300_000, 'modifie');
    const upload = await started(defender, 'modifie.pdf', data.length);
    expect((await patch(defender, upload.uploadId, 0, data.subarray(0, upload.chunkSize))).status).toBe(204);
    const [session] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [upload.uploadId]);
    const path = join(storeDir, session?.key as string);
    const original = await readFile(path);
    const other = await started(defender, 'autre.pdf', data.length);
    expect((await patch(defender, other.uploadId, 0, document(upload.chunkSize, 'autre'))).status).toBe(204);
    const [otherSession] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [other.uploadId]);
    const flipped = Buffer.from(original);
    flipped[original.length - 100] = (flipped[original.length - 100] as number) ^ 1;
    for (const tampered of [flipped, await readFile(join(storeDir, otherSession?.key as string))]) {
      await writeFile(path, tampered);
      loseFingerprint(upload.uploadId);
      const answer = await patch(defender, upload.uploadId, upload.chunkSize, data.subarray(upload.chunkSize));
      expect(answer.status).toBe(409);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('INTEGRITY_FAILED');
    }
    await writeFile(path, original);
    loseFingerprint(upload.uploadId);
    expect((await patch(defender, upload.uploadId, upload.chunkSize, data.subarray(upload.chunkSize))).status).toBe(201);
    expect((await staffRead(defender.caseId, upload.uploadId)).bytes.equals(data)).toBe(true);
  });
});

describe('a database writer facing the file store (T7)', () => {
  let defender: Defender;
  let first: { id: string; data: Buffer; key: string };
  let second: { id: string; data: Buffer; key: string };
  let olderFirst: Buffer;

  beforeAll(async () => {
    defender = await newDefender();
    const firstData = document(700_000, 'PREMIER-fichier');
    const secondData = document(700_000, 'SECOND-fichier');
    // The first file, caught half-way as an older version of its object.
    const upload = await started(defender, 'premier.pdf', firstData.length);
    expect((await patch(defender, upload.uploadId, 0, firstData.subarray(0, upload.chunkSize))).status).toBe(204);
    const [session] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [upload.uploadId]);
    olderFirst = await readFile(join(storeDir, session?.key as string));
    expect((await patch(defender, upload.uploadId, upload.chunkSize, firstData.subarray(upload.chunkSize))).status).toBe(201);
    first = { id: upload.uploadId, data: firstData, key: await storeKeyOfFile(upload.uploadId) };
    const secondId = await uploaded(defender, 'second.pdf', secondData);
    second = { id: secondId, data: secondData, key: await storeKeyOfFile(secondId) };
  });

  async function restoreObjects(): Promise<void> {
    await sql('UPDATE case_file SET store_key = $2 WHERE id = $1', [first.id, `${'0'.repeat(32)}`]);
    await sql('UPDATE case_file SET store_key = $2 WHERE id = $1', [second.id, second.key]);
    await sql('UPDATE case_file SET store_key = $2 WHERE id = $1', [first.id, first.key]);
  }

  function expectRefusedWithout(read: { bytes: Buffer; refusal: string }, other: Buffer): void {
    expect(read.refusal).toBe('INTEGRITY_FAILED');
    expect(read.bytes.length).toBe(0);
    expect(read.bytes.includes(other.subarray(100, 400))).toBe(false);
  }

  it('reads both files intact before anything is touched', async () => {
    expect((await staffRead(defender.caseId, first.id)).bytes.equals(first.data)).toBe(true);
    expect((await staffRead(defender.caseId, second.id)).bytes.equals(second.data)).toBe(true);
  });

  it('refuses a row pointed at another file’s object', async () => {
    await sql('UPDATE case_file SET store_key = $2 WHERE id = $1', [second.id, 'f'.repeat(32)]);
    await sql('UPDATE case_file SET store_key = $2 WHERE id = $1', [first.id, second.key]);
    try {
      expectRefusedWithout(await staffRead(defender.caseId, first.id), second.data);
    } finally {
      await restoreObjects();
    }
  });

  it('refuses another file’s bytes put in place of an object', async () => {
    const original = await readFile(join(storeDir, first.key));
    await copyFile(join(storeDir, second.key), join(storeDir, first.key));
    try {
      expectRefusedWithout(await staffRead(defender.caseId, first.id), second.data);
    } finally {
      await writeFile(join(storeDir, first.key), original);
    }
  });

  it('refuses an older version of the object (the upload half-way)', async () => {
    const original = await readFile(join(storeDir, first.key));
    await writeFile(join(storeDir, first.key), olderFirst);
    try {
      const read = await staffRead(defender.caseId, first.id);
      expect(read.refusal).toBe('INTEGRITY_FAILED');
      expect(read.bytes.equals(first.data)).toBe(false);
    } finally {
      await writeFile(join(storeDir, first.key), original);
    }
  });

  it('refuses a row whose object is gone', async () => {
    await sql('UPDATE case_file SET store_key = $2 WHERE id = $1', [first.id, 'e'.repeat(32)]);
    try {
      expect((await staffRead(defender.caseId, first.id)).refusal).toBe('INTEGRITY_FAILED');
    } finally {
      await restoreObjects();
    }
    expect((await staffRead(defender.caseId, first.id)).bytes.equals(first.data)).toBe(true);
  });
});

describe('the sweep', () => {
  it('removes what no row names once it is old enough, and expired uploads with their bytes; keeps the rest', async () => {
    const defender = await newDefender();
    const fileId = await uploaded(defender, 'garde.pdf', document(200_000, 'garde'));
    const kept = await storeKeyOfFile(fileId);
    const expiring = await started(defender, 'perime.pdf', 300_000);
    const [session] = await sql<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = $1', [expiring.uploadId]);
    const expiringKey = session?.key as string;
    // What a crash between a write and its commit leaves: objects no row names.
    const [oldOrphan, freshOrphan] = [store().newKey(), store().newKey()];
    for (const key of [oldOrphan, freshOrphan]) await store().append(key, 0, [randomBytes(1000)], true);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    for (const key of [oldOrphan, kept]) await utimes(join(storeDir, key), twoHoursAgo, twoHoursAgo);
    await sql(`UPDATE upload_session SET expires_at = now() - interval '1 hour' WHERE id = $1`, [expiring.uploadId]);

    await portal.app.get(StoredFilesSweep).tick();

    const left = (await store().list()).map((object) => object.key);
    expect(left).not.toContain(oldOrphan);
    expect(left).not.toContain(expiringKey);
    expect(left).toContain(freshOrphan);
    expect(left).toContain(kept);
    expect(await sql('SELECT 1 FROM upload_session WHERE id = $1', [expiring.uploadId])).toEqual([]);
    await store().remove([freshOrphan]);
  });
});
