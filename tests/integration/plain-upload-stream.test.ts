/**
 * The upload form without JavaScript, streamed: the file is encrypted as it
 * arrives, never held whole in memory nor written in the clear, and it is
 * stored only after the form's token and one-time key (sent before it) were
 * checked. Against SECURITY.md's adversaries: a post from another page that
 * puts its file before the hidden fields, a file over the limit, a post cut
 * halfway — each leaves nothing behind (no upload row, no chunk, no file, no
 * thread entry).
 */
import { FILE_STORE, type FileStore } from '../../apps/api/src/file-store/file-store.js';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { SubmissionReceipt } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { ThreadFiles } from '../../apps/api/src/vault/thread-files.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { databaseDump, filesContaining } from '../support/leaks.js';
import { asOwner } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

const MiB = 1024 * 1024;
const MAX = 2 * MiB;
const LONG = 120_000;

let portal: RunningPortal;
let supervisor: StaffWithKeys;

beforeAll(async () => {
  portal = await startTestPortal({ MAX_UPLOAD_BYTES: String(MAX) });
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
}, LONG);

afterAll(async () => {
  await portal?.close();
});

interface Defender {
  readonly caseId: string;
  /** the follow-up session cookie and the pages' form cookie, as a browser sends them */
  readonly cookies: string;
  readonly token: string;
}

async function newDefender(): Promise<Defender> {
  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: 'Un défenseur de Tombouctou envoie une convocation sans JavaScript.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true },
    }),
  });
  expect(submitted.status).toBe(201);
  const { reference, receipt } = SubmissionReceipt.parse(await submitted.json());
  const opened = await fetch(`${portal.url}/simple/suivi`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...(await visitor()) },
    body: new URLSearchParams({ receipt, _token: formToken }).toString(),
    redirect: 'manual',
  });
  expect(opened.status).toBe(303);
  const session =
    opened.headers
      .getSetCookie()
      .find((line) => line.startsWith('mnpddh_follow_up='))
      ?.split(';')[0] ?? '';
  const [row] = await asOwner<{ id: string }>(portal, 'SELECT id FROM protection_case WHERE reference = $1', [reference]);
  return { caseId: row?.id as string, cookies: `${session}; ${formCookie}`, token: formToken };
}

let formCookie = '';
let formToken = '';

/** The pages' form cookie and token, as a visitor's first page gives them. */
async function visitor(): Promise<{ cookie: string }> {
  if (!formCookie) {
    const page = await fetch(`${portal.url}/simple/suivi`);
    formCookie =
      page.headers
        .getSetCookie()
        .find((line) => line.startsWith('mnpddh_form='))
        ?.split(';')[0] ?? '';
    formToken = /name="_token" value="([^"]*)"/.exec(await page.text())?.[1] ?? '';
  }
  return { cookie: formCookie };
}

const once = () => randomBytes(24).toString('base64url');

type Part = readonly [name: string, value: string] | { readonly file: Buffer; readonly filename: string; readonly type: string };

/** A multipart body with its parts in the given order (a browser sends them in the form's order). */
function multipart(parts: readonly Part[]): { body: Buffer; type: string } {
  const boundary = `----sansjs${randomBytes(12).toString('hex')}`;
  const pieces = parts.map((part) => {
    if ('file' in part) {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`;
      return Buffer.concat([Buffer.from(head), part.file, Buffer.from('\r\n')]);
    }
    return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part[0]}"\r\n\r\n${part[1]}\r\n`);
  });
  return { body: Buffer.concat([...pieces, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

async function postFile(defender: Defender, parts: readonly Part[], headers: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const { body, type } = multipart(parts);
  const response = await fetch(`${portal.url}/simple/suivi/fichier`, {
    method: 'POST',
    headers: { 'content-type': type, cookie: defender.cookies, 'sec-fetch-site': 'same-origin', ...headers },
    body: new Uint8Array(body),
    redirect: 'manual',
  });
  return { status: response.status, html: await response.text() };
}

/** A PDF by its bytes, with a marker that must never be found in the clear. */
function pdf(size: number, marker = ''): Buffer {
  const head = Buffer.from(`%PDF-1.7\n${marker}\n`);
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

/** A JPEG whose headers still carry EXIF (where GPS and the device live). */
function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(24)]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
  const scan = Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, scan]);
}

interface Stored {
  uploads: number;
  /** Objects in the file store that no finished file names. */
  pieces: number;
  files: number;
  entries: number;
}

/** Everything an upload of this case can leave behind. */
async function storedFor(caseId: string): Promise<Stored> {
  const [row] = await asOwner<Omit<Stored, 'pieces'>>(
    portal,
    `SELECT (SELECT count(*)::int FROM upload_session WHERE case_id = $1) AS uploads,
            (SELECT count(*)::int FROM case_file WHERE case_id = $1 AND key_kind = 'thread') AS files,
            (SELECT count(*)::int FROM case_message WHERE case_id = $1 AND sender = 'defender') AS entries`,
    [caseId],
  );
  // The store's objects that are no finished file's: what an upload in progress (one at a time here) holds or left behind.
  const files = new Set((await asOwner<{ key: string }>(portal, 'SELECT store_key AS key FROM case_file WHERE store_key IS NOT NULL')).map((r) => r.key));
  const pieces = (await portal.app.get<FileStore>(FILE_STORE).list()).filter((object) => !files.has(object.key)).length;
  return { ...(row as Omit<Stored, 'pieces'>), pieces };
}

const NOTHING: Stored = { uploads: 0, pieces: 0, files: 0, entries: 0 };

/** Polls the database until `done` holds (the server finishes its cleanup on its own time), or gives up. */
async function until(what: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function staffRead(caseId: string): Promise<Buffer> {
  const [file] = await asOwner<{ id: string }>(portal, "SELECT id FROM case_file WHERE case_id = $1 AND key_kind = 'thread'", [caseId]);
  const parts: Buffer[] = [];
  for await (const part of portal.app.get(ThreadFiles).read(supervisor, caseId, file?.id as string)) parts.push(part);
  return Buffer.concat(parts);
}

describe('the upload form without JavaScript, streamed', () => {
  it(
    'stores a file of exactly the limit, across several writes, that staff read back unaltered; nothing in the clear',
    async () => {
      const defender = await newDefender();
      const marker = `convocation-${randomBytes(8).toString('hex')}`;
      const data = pdf(MAX, marker);
      const sent = await postFile(defender, [
        ['_token', defender.token],
        ['lang', 'fr'],
        ['_once', once()],
        { file: data, filename: 'convocation-tombouctou.pdf', type: 'application/pdf' },
      ]);
      expect(sent.status).toBe(303);
      expect(await storedFor(defender.caseId)).toEqual({ uploads: 0, pieces: 0, files: 1, entries: 1 });
      expect((await staffRead(defender.caseId)).equals(data)).toBe(true);

      const dump = await databaseDump(portal.databaseUrl);
      expect(dump.includes(Buffer.from(marker))).toBe(false);
      expect(dump.includes(Buffer.from('convocation-tombouctou.pdf'))).toBe(false);
      expect(filesContaining(process.env.TEST_DATA_ROOT as string, [Buffer.from(marker)])).toEqual([]);
    },
    LONG,
  );

  it(
    'refuses a file sent before the token, and stores nothing',
    async () => {
      const defender = await newDefender();
      const file = { file: pdf(700 * 1024), filename: 'piege.pdf', type: 'application/pdf' };
      const sent = await postFile(defender, [file, ['_token', defender.token], ['_once', once()]]);
      expect(sent.status).toBe(400);
      expect(sent.html).toContain('Ce formulaire n’a pas pu être vérifié');
      expect(await storedFor(defender.caseId)).toEqual(NOTHING);
    },
    LONG,
  );

  it(
    'refuses a file sent before its one-time key, and stores nothing',
    async () => {
      const defender = await newDefender();
      const sent = await postFile(defender, [
        ['_token', defender.token],
        { file: pdf(10_000), filename: 'piece.pdf', type: 'application/pdf' },
        ['_once', once()],
      ]);
      expect(sent.status).toBe(400);
      expect(sent.html).toContain('Ce formulaire n’a pas pu être vérifié');
      expect(await storedFor(defender.caseId)).toEqual(NOTHING);
    },
    LONG,
  );

  it(
    'answers a file over the limit with a 413 page in the visitor’s language, and stores nothing',
    async () => {
      const defender = await newDefender();
      const tooLarge = { file: pdf(MAX + 1), filename: 'video.pdf', type: 'application/pdf' };
      const french = await postFile(defender, [['_token', defender.token], ['lang', 'fr'], ['_once', once()], tooLarge]);
      expect(french.status).toBe(413);
      expect(french.html).toMatch(/<html lang="fr"/);
      expect(french.html).toContain('Ce fichier est trop volumineux.');
      const english = await postFile(defender, [['_token', defender.token], ['lang', 'en'], ['_once', once()], tooLarge], { 'accept-language': 'en' });
      expect(english.status).toBe(413);
      expect(english.html).toContain('This file is too large.');
      expect(await storedFor(defender.caseId)).toEqual(NOTHING);
    },
    LONG,
  );

  it(
    'leaves nothing behind when the post is cut halfway, after chunks were already written',
    async () => {
      const defender = await newDefender();
      const { body, type } = multipart([
        ['_token', defender.token],
        ['_once', once()],
        { file: pdf(MAX - 1024), filename: 'coupe.pdf', type: 'application/pdf' },
      ]);
      const request = http.request(`${portal.url}/simple/suivi/fichier`, {
        method: 'POST',
        headers: { 'content-type': type, 'content-length': String(body.length), cookie: defender.cookies, 'sec-fetch-site': 'same-origin' },
      });
      request.on('error', () => undefined); // the cut is ours
      request.write(body.subarray(0, Math.floor(1.5 * MiB)));
      // The server has started storing: an upload row with encrypted chunks exists…
      await until(async () => (await storedFor(defender.caseId)).pieces > 0);
      // …when the connection drops.
      request.destroy();
      await until(async () => {
        const left = await storedFor(defender.caseId);
        return left.uploads === 0 && left.pieces === 0;
      });
      expect(await storedFor(defender.caseId)).toEqual(NOTHING);
      expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
    },
    LONG,
  );

  it(
    'decides about a photo’s metadata from the checkbox sent before it, as the resumable upload does',
    async () => {
      const defender = await newDefender();
      const photo = { file: jpegWithExif(), filename: 'photo.jpg', type: 'image/jpeg' };
      // A checkbox after the file comes too late to count: the photo is refused, as if unticked.
      const late = await postFile(defender, [['_token', defender.token], ['_once', once()], photo, ['keepOriginal', 'on']]);
      expect(late.status).toBe(400);
      expect(late.html).toContain('Les métadonnées de cette image (position, appareil) sont encore présentes.');
      expect(await storedFor(defender.caseId)).toEqual(NOTHING);
      const kept = await postFile(defender, [['_token', defender.token], ['_once', once()], ['keepOriginal', 'on'], photo]);
      expect(kept.status).toBe(303);
      expect(await storedFor(defender.caseId)).toMatchObject({ uploads: 0, files: 1 });
      const [file] = await asOwner<{ id: string }>(portal, "SELECT id FROM case_file WHERE case_id = $1 AND key_kind = 'thread'", [defender.caseId]);
      expect(await portal.app.get(ThreadFiles).describe(supervisor, defender.caseId, file?.id as string)).toMatchObject({
        type: 'image/jpeg',
        keepOriginal: true,
      });
    },
    LONG,
  );

  it(
    'stores a form posted twice once',
    async () => {
      const defender = await newDefender();
      const parts: Part[] = [['_token', defender.token], ['_once', once()], { file: pdf(600 * 1024), filename: 'deux-fois.pdf', type: 'application/pdf' }];
      const both = await Promise.all([postFile(defender, parts), postFile(defender, parts)]);
      expect(both.map((answer) => answer.status)).toEqual([303, 303]);
      expect(await storedFor(defender.caseId)).toEqual({ uploads: 0, pieces: 0, files: 1, entries: 1 });
    },
    LONG,
  );
});
