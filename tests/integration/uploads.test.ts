import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ErrorBody, FollowUpView, SubmissionReceipt, UploadCreated } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { ThreadFiles } from '../../apps/api/src/vault/thread-files.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { databaseDump, filesContaining } from '../support/leaks.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let supervisor: StaffWithKeys;

const firstStep = {
  summary: 'Des hommes armés surveillent la maison de la défenseure à Mopti.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
  contact: { methods: ['no_contact'] },
  consent: { processing: true },
};

beforeAll(async () => {
  portal = await startTestPortal({ MAX_UPLOAD_BYTES: String(400 * 1024) });
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
});
afterAll(async () => {
  await portal?.close();
});

interface Defender {
  caseId: string;
  cookie: string;
}

async function newDefender(): Promise<Defender> {
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify(firstStep),
  });
  expect(submitted.status).toBe(201);
  const { reference, receipt } = SubmissionReceipt.parse(await submitted.json());
  const opened = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  expect(opened.status).toBe(200);
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM protection_case WHERE reference = $1', [reference]);
    return { caseId: rows[0]?.id as string, cookie };
  } finally {
    await client.end();
  }
}

interface Start {
  kind: 'file' | 'voice';
  name: string;
  type: string;
  size: number;
  keepOriginal?: boolean;
}

function startUpload(defender: Defender, body: Start) {
  return fetch(`${portal.url}/api/follow-up/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: defender.cookie, 'accept-language': 'en' },
    body: JSON.stringify(body),
  });
}

async function started(defender: Defender, body: Start): Promise<UploadCreated> {
  const response = await startUpload(defender, body);
  expect(response.status).toBe(201);
  return UploadCreated.parse(await response.json());
}

function patch(defender: Defender, uploadId: string, offset: number, bytes: Buffer) {
  return fetch(`${portal.url}/api/follow-up/uploads/${uploadId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), cookie: defender.cookie, 'accept-language': 'en' },
    body: new Uint8Array(bytes),
  });
}

/** Sends `data` in pieces cut at `cuts`; returns the last response. */
async function sendAll(defender: Defender, uploadId: string, data: Buffer, cuts: number[] = []): Promise<Response> {
  let from = 0;
  let last!: Response;
  for (const cut of [...cuts, data.length]) {
    last = await patch(defender, uploadId, from, data.subarray(from, cut));
    if (cut < data.length) {
      expect(last.status).toBe(204);
      expect(last.headers.get('upload-offset')).toBe(String(cut));
    }
    from = cut;
  }
  return last;
}

async function staffRead(caseId: string, fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of portal.app.get(ThreadFiles).read(supervisor, caseId, fileId)) parts.push(part);
  return Buffer.concat(parts);
}

async function fileIdsOf(caseId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM case_file WHERE case_id = $1 AND key_kind = 'thread' ORDER BY created_at", [caseId]);
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** A JPEG's outline: SOI, the given segments, a start of scan with some bytes, EOI (nothing decodes it server-side). */
function jpeg(segments: Buffer[], imageBytes: number): Buffer {
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  const scan = randomBytes(imageBytes).map((b) => (b === 0xff ? 0x00 : b));
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, sos, scan, Buffer.from([0xff, 0xd9])]);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const jfif = segment(0xe0, Buffer.from('4a46494600010100000100010000', 'hex'));
const GPS_MARK = 'Bamako-GPS-12.6392N-8.0029W';

/** APP1 Exif: TIFF (big-endian), IFD0 with a GPSInfo pointer, a GPS IFD with latitude ref 'N' and a marker string. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 2 * 12 + 4 + GPS_MARK.length + 1);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  let at = 8;
  tiff.writeUInt16BE(1, at); // IFD0: one entry
  tiff.writeUInt16BE(0x8825, at + 2); // GPSInfo
  tiff.writeUInt16BE(4, at + 4); // LONG
  tiff.writeUInt32BE(1, at + 6);
  const gpsIfd = 8 + 2 + 12 + 4;
  tiff.writeUInt32BE(gpsIfd, at + 10);
  tiff.writeUInt32BE(0, at + 14); // no next IFD
  at = gpsIfd;
  tiff.writeUInt16BE(2, at);
  tiff.writeUInt16BE(0x0001, at + 2); // GPSLatitudeRef
  tiff.writeUInt16BE(2, at + 4); // ASCII
  tiff.writeUInt32BE(2, at + 6);
  tiff.write('N\0', at + 10, 'latin1');
  const markAt = gpsIfd + 2 + 2 * 12 + 4;
  tiff.writeUInt16BE(0x001b, at + 14); // GPSProcessingMethod (undefined bytes)
  tiff.writeUInt16BE(7, at + 16);
  tiff.writeUInt32BE(GPS_MARK.length + 1, at + 18);
  tiff.writeUInt32BE(markAt, at + 22);
  tiff.writeUInt32BE(0, at + 26);
  tiff.write(GPS_MARK, markAt, 'latin1');
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

function pdf(size: number): Buffer {
  const body = Buffer.alloc(size, 'Témoignage signé, page 1. ');
  Buffer.from('%PDF-1.7\n').copy(body, 0);
  return body;
}

/** The keys of the file store's objects (nothing else is in its directory). */
async function stored(): Promise<string[]> {
  return (await portal.app.get<FileStore>(FILE_STORE).list()).map((object) => object.key);
}

async function storeKeysOf(uploadIds: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ key: string }>('SELECT store_key AS key FROM upload_session WHERE id = ANY($1::uuid[])', [uploadIds])).rows.map(
      (row) => row.key,
    );
  } finally {
    await client.end();
  }
}

async function errorFields(response: Response): Promise<string[]> {
  const body = ErrorBody.parse(await response.json());
  return (body.error.fields ?? []).map((f) => f.field);
}

describe('uploads in follow-up', () => {
  it('a file sent in three PATCHes round-trips byte for byte; nothing of it sits in the clear in the database or the data directory', async () => {
    const defender = await newDefender();
    const marker = `rapport-${randomBytes(6).toString('hex')}`;
    const data = pdf(200_000);
    for (let at = 1000; at < data.length; at += 40_000) data.write(marker, at, 'latin1');
    const upload = await started(defender, { kind: 'file', name: 'rapport.pdf', type: 'application/pdf', size: data.length });
    expect(upload.offset).toBe(0);
    expect(upload.chunkSize).toBeGreaterThanOrEqual(64 * 1024);
    const done = await sendAll(defender, upload.uploadId, data, [70_000, 140_000]);
    expect(done.status).toBe(201);
    const view = FollowUpView.parse(await done.json());
    expect(view.thread.at(-1)).toMatchObject({ from: 'defender', kind: 'file', body: 'rapport.pdf' });
    const [fileId] = await fileIdsOf(defender.caseId);
    expect(fileId).toBe(upload.uploadId);
    expect((await staffRead(defender.caseId, fileId as string)).equals(data)).toBe(true);
    const described = await portal.app.get(ThreadFiles).describe(supervisor, defender.caseId, fileId as string);
    expect(described).toMatchObject({ kind: 'file', type: 'application/pdf', size: data.length, keepOriginal: false });

    const needles = [Buffer.from(marker), Buffer.from(marker).toString('hex'), Buffer.from(marker).toString('base64')].map((n) => Buffer.from(n));
    const dump = await databaseDump(portal.databaseUrl);
    expect(needles.some((needle) => dump.includes(needle))).toBe(false);
    expect(dump.includes(Buffer.from('rapport.pdf'))).toBe(false);
    expect(filesContaining(process.env.TEST_DATA_ROOT as string, [Buffer.from(marker)])).toEqual([]);
  });

  it('resumes after a dropped connection: HEAD gives the offset, a wrong offset gets 409 with the right one', async () => {
    const defender = await newDefender();
    const data = pdf(150_000);
    const upload = await started(defender, { kind: 'file', name: 'pv.pdf', type: 'application/pdf', size: data.length });
    expect((await patch(defender, upload.uploadId, 0, data.subarray(0, 80_000))).status).toBe(204);
    // the connection drops: the client asks where the server stands
    const head = await fetch(`${portal.url}/api/follow-up/uploads/${upload.uploadId}`, { method: 'HEAD', headers: { cookie: defender.cookie } });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('80000');
    expect(head.headers.get('upload-length')).toBe(String(data.length));
    const wrong = await patch(defender, upload.uploadId, 60_000, data.subarray(60_000, 100_000));
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get('upload-offset')).toBe('80000');
    const done = await patch(defender, upload.uploadId, 80_000, data.subarray(80_000));
    expect(done.status).toBe(201);
    expect((await staffRead(defender.caseId, upload.uploadId)).equals(data)).toBe(true);
  });

  it('refuses a JPEG that still carries EXIF GPS unless the defender keeps the original, which comes back intact', async () => {
    const defender = await newDefender();
    const photo = jpeg([exifWithGps(), jfif], 5000);
    const refused = await started(defender, { kind: 'file', name: 'photo.jpg', type: 'image/jpeg', size: photo.length });
    const answer = await patch(defender, refused.uploadId, 0, photo);
    expect(answer.status).toBe(400);
    expect(await errorFields(answer)).toEqual(['file']);
    // nothing was stored: the server is still at offset 0
    const head = await fetch(`${portal.url}/api/follow-up/uploads/${refused.uploadId}`, { method: 'HEAD', headers: { cookie: defender.cookie } });
    expect(head.headers.get('upload-offset')).toBe('0');
    expect((await fetch(`${portal.url}/api/follow-up/uploads/${refused.uploadId}`, { method: 'DELETE', headers: { cookie: defender.cookie } })).status).toBe(
      204,
    );

    const clean = jpeg([jfif], 5000);
    const cleanUpload = await started(defender, { kind: 'file', name: 'propre.jpg', type: 'image/jpeg', size: clean.length });
    expect((await patch(defender, cleanUpload.uploadId, 0, clean)).status).toBe(201);

    const kept = await started(defender, { kind: 'file', name: 'preuve.jpg', type: 'image/jpeg', size: photo.length, keepOriginal: true });
    expect((await patch(defender, kept.uploadId, 0, photo)).status).toBe(201);
    const back = await staffRead(defender.caseId, kept.uploadId);
    expect(back.equals(photo)).toBe(true);
    expect(back.includes(Buffer.from(GPS_MARK))).toBe(true);
    expect(await portal.app.get(ThreadFiles).describe(supervisor, defender.caseId, kept.uploadId)).toMatchObject({ type: 'image/jpeg', keepOriginal: true });
  });

  it('classifies by content, refuses what is not accepted, and bounds size', async () => {
    const defender = await newDefender();
    const disguised = pdf(3000);
    const upload = await started(defender, { kind: 'file', name: 'photo.jpg', type: 'image/jpeg', size: disguised.length });
    expect((await patch(defender, upload.uploadId, 0, disguised)).status).toBe(201);
    expect(await portal.app.get(ThreadFiles).describe(supervisor, defender.caseId, upload.uploadId)).toMatchObject({
      type: 'application/pdf',
      declaredType: 'image/jpeg',
    });

    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(500)]);
    const unknown = await started(defender, { kind: 'file', name: 'doc.pdf', type: 'application/pdf', size: exe.length });
    const refused = await patch(defender, unknown.uploadId, 0, exe);
    expect(refused.status).toBe(400);
    expect(await errorFields(refused)).toEqual(['file']);

    const notVoice = await started(defender, { kind: 'voice', name: 'voix', type: 'audio/webm', size: disguised.length });
    expect((await patch(defender, notVoice.uploadId, 0, disguised)).status).toBe(400);

    const tooLarge = await startUpload(defender, { kind: 'file', name: 'video.mp4', type: 'video/mp4', size: 400 * 1024 + 1 });
    expect(tooLarge.status).toBe(400);
    expect(await errorFields(tooLarge)).toEqual(['size']);
    const badBody = await startUpload(defender, { kind: 'file', name: 'x', type: 'x', size: 0 } as Start);
    expect(badBody.status).toBe(400);
    const anonymous = await fetch(`${portal.url}/api/follow-up/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'file', name: 'a.pdf', type: 'application/pdf', size: 10 }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('accepts a small WebM voice message as voice and shows it in the thread', async () => {
    const defender = await newDefender();
    const webmHeader = Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102', 'hex');
    const voice = Buffer.concat([webmHeader, randomBytes(20_000)]);
    const upload = await started(defender, { kind: 'voice', name: 'message-vocal.webm', type: 'audio/webm;codecs=opus', size: voice.length });
    const done = await patch(defender, upload.uploadId, 0, voice);
    expect(done.status).toBe(201);
    const view = FollowUpView.parse(await done.json());
    expect(view.thread.at(-1)).toMatchObject({ kind: 'voice', body: '' });
    expect((await staffRead(defender.caseId, upload.uploadId)).equals(voice)).toBe(true);
    expect(await portal.app.get(ThreadFiles).describe(supervisor, defender.caseId, upload.uploadId)).toMatchObject({ kind: 'voice', type: 'audio/webm' });
    const again = await fetch(`${portal.url}/api/follow-up`, { headers: { cookie: defender.cookie } });
    expect(FollowUpView.parse(await again.json()).thread.map((e) => e.kind)).toContain('voice');
  });

  it('bounds pieces and files per case; abandoned and expired uploads leave no pieces behind', async () => {
    const defender = await newDefender();
    const data = pdf(300_000);
    const upload = await started(defender, { kind: 'file', name: 'long.pdf', type: 'application/pdf', size: data.length });
    const oversized = await patch(defender, upload.uploadId, 0, Buffer.concat([data, data]).subarray(0, upload.chunkSize + 1));
    expect(oversized.status).toBe(413);
    expect((await patch(defender, upload.uploadId, 0, data.subarray(0, 100_000))).status).toBe(204);
    const count = async (sql: string, values: unknown[]) => {
      const client = new pg.Client({ connectionString: portal.databaseUrl });
      await client.connect();
      try {
        return Number((await client.query<{ n: string }>(sql, values)).rows[0]?.n);
      } finally {
        await client.end();
      }
    };
    const [key] = await storeKeysOf([upload.uploadId]);
    expect(await stored()).toContain(key);
    const deleted = await fetch(`${portal.url}/api/follow-up/uploads/${upload.uploadId}`, { method: 'DELETE', headers: { cookie: defender.cookie } });
    expect(deleted.status).toBe(204);
    expect(await stored()).not.toContain(key);
    expect((await patch(defender, upload.uploadId, 100_000, data.subarray(100_000))).status).toBe(404);

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await started(defender, { kind: 'file', name: `f${i}.pdf`, type: 'application/pdf', size: 10 })).uploadId);
    const keys = await storeKeysOf(ids);
    expect(keys).toHaveLength(20);
    expect(await stored()).toEqual(expect.arrayContaining(keys));
    const over = await startUpload(defender, { kind: 'file', name: 'f20.pdf', type: 'application/pdf', size: 10 });
    expect(over.status).toBe(400);
    expect(await errorFields(over)).toEqual(['file']);

    // expired uploads (24 h; the expiry is kept to the hour, rounded up) are deleted with their pieces when the next upload starts
    await count("UPDATE upload_session SET expires_at = now() - interval '2 hours' WHERE case_id = $1 RETURNING 1 AS n", [defender.caseId]);
    await started(defender, { kind: 'file', name: 'next.pdf', type: 'application/pdf', size: 10 });
    expect(await count('SELECT count(*) AS n FROM upload_session WHERE case_id = $1', [defender.caseId])).toBe(1);
    expect((await stored()).filter((stillThere) => keys.includes(stillThere))).toEqual([]);
  });
});
