/**
 * The hostile input corpus against every write route the running
 * router serves, and the hostile files at the upload route. No 5xx, every
 * error the shared ErrorBody with nothing internal in it, health still 200,
 * prototypes untouched.
 *
 * Within `npm test`'s time: every route gets an even sample of the corpus
 * (every category); an anonymous public route then gets the rest of the
 * corpus too unless the sample shows it is one whose accepted payloads each
 * cost a receipt Argon2id (the intake, follow-up opening): those stay at the
 * sample here. HOSTILE_FULL=1 (run by `npm run test:load`) fires the full
 * corpus at every route.
 */
import { randomBytes } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { buildCorpus, countByCategory, type FilePayload, type Payload } from './corpus/index.js';
import { plantedKeys, problemsOf, prototypeSnapshot, type Shot } from './hostile-checks.js';
import { fire, pool, stratifiedSample, type Target } from './hostile-fire.js';
import { FIRST_STEP, openFollowUp, plainVisitor, startHostilePortal, startUpload, type HostilePortal } from './hostile-setup.js';
import { SubmissionReceipt } from '@mnpddh/shared';

const corpus = buildCorpus();
const requestPayloads = corpus.filter((p): p is Exclude<Payload, { kind: 'file' }> => p.kind !== 'file');
const files = corpus.filter((p): p is FilePayload => p.kind === 'file');
/** Payloads per route in the sample: every category, about this many in all. */
const SAMPLE = Number(process.env.HOSTILE_SAMPLE ?? 90);
const sample = stratifiedSample(requestPayloads, SAMPLE);
const rest = requestPayloads.filter((payload) => !sample.includes(payload));
const FULL = Boolean(process.env.HOSTILE_FULL);
/** A public route whose sample took longer than this per payload stays at the sample in `npm test`. */
const CHEAP_MS_PER_PAYLOAD = 40;
const WIDTH = 6;
// About 100 s alone here; on a busy 2-core machine, beside the rest of the suite, it once took over 600 s.
const LONG = 1_500_000;

let hostile: HostilePortal;
let portal: RunningPortal;
const prototypesBefore = prototypeSnapshot();
/** One line per route: how many payloads, how many reached past validation (2xx), the statuses seen. */
const tally: string[] = [];

beforeAll(async () => {
  hostile = await startHostilePortal();
  portal = hostile.portal;
}, 120_000);

afterAll(async () => {
  if (tally.length > 0) console.log(`hostile corpus, by route:\n${tally.join('\n')}`);
  await portal?.close();
});

async function health(): Promise<number> {
  return (await fetch(`${portal.url}/api/health`)).status;
}

function statuses(shots: readonly Shot[]): string {
  const counts = new Map<number, number>();
  for (const shot of shots) counts.set(shot.status, (counts.get(shot.status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}

/**
 * Fires the sample at `target`, then the rest of the corpus if `more`
 * says so given the sample's cost per payload; returns the problems found.
 */
async function barrage(target: Target, more: (msPerPayload: number) => boolean): Promise<string[]> {
  const started = Date.now();
  const shots = await pool(sample, WIDTH, (payload, turn) => fire(portal.url, target, payload, turn));
  const msPerPayload = (Date.now() - started) / sample.length;
  if (more(msPerPayload)) shots.push(...(await pool(rest, WIDTH, (payload, turn) => fire(portal.url, target, payload, sample.length + turn))));
  const reached = shots.filter((shot) => shot.status >= 200 && shot.status < 300).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const extent = shots.length === requestPayloads.length ? 'full corpus' : `sample, ${msPerPayload.toFixed(0)} ms/payload`;
  tally.push(`  ${target.key}: ${shots.length} payloads (${extent}) in ${seconds} s, ${reached} accepted, ${statuses(shots)}`);
  const problems = shots.flatMap(problemsOf);
  const alive = await health();
  if (alive !== 200) problems.push(`${target.key}: health ${alive} after the barrage`);
  return problems;
}

const targetsFor = (audience: string) => hostile.targets.filter((t) => t.audience === audience).map(({ target }) => target);

describe('the hostile corpus', () => {
  it('holds at least 500 payloads, in every category the issue names', () => {
    const counts = countByCategory(corpus);
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const category of [
      'string-sql',
      'string-markup',
      'string-unicode',
      'control',
      'date',
      'wrong-type',
      'prototype',
      'nesting',
      'oversized',
      'utf8',
      'file',
    ]) {
      expect(counts[category] ?? 0).toBeGreaterThan(0);
    }
    expect(corpus.some((p) => p.kind === 'body' && p.bytes.length >= 10_000_000)).toBe(true);
    expect(files.map((f) => f.id)).toEqual(expect.arrayContaining(['file/png-pixel-bomb', 'file/svg-with-script', 'file/pdf-named-jpg']));
  });

  it('finds the write routes in the running router: public, follow-up and staff', () => {
    const keys = hostile.targets.map(({ target }) => target.key);
    expect(keys).toEqual(
      expect.arrayContaining(['POST /api/requests', 'POST /api/follow-up/messages', 'PATCH /api/follow-up/uploads/:id', 'POST /api/admin/staff']),
    );
    // The pages without JavaScript write through the same services: the same corpus.
    expect(keys).toEqual(expect.arrayContaining(['POST /simple/demande', 'POST /simple/rappel', 'POST /simple/suivi/message', 'POST /simple/suivi/fichier']));
    expect(targetsFor('staff').every((target) => target.credentials.csrfToken)).toBe(true);
    expect(targetsFor('follow-up').every((target) => target.credentials.cookie)).toBe(true);
  });
});

describe('at the upload route, files that lie, bombs and active content', () => {
  it(
    'refuses or stores each by its bytes, never a 5xx',
    async () => {
      // A case of its own: the corpus fired at the upload route fills the other one's file quota.
      const submitted = await fetch(`${portal.url}/api/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `files-${Date.now()}-0123456789` },
        body: JSON.stringify(FIRST_STEP),
      });
      const followUp = await openFollowUp(portal, SubmissionReceipt.parse(await submitted.json()).receipt);
      const shots: Shot[] = [];
      for (const file of files) {
        const uploadId = await startUpload(portal, followUp, { kind: file.uploadKind, name: file.name, type: file.declaredType, size: file.bytes.length });
        const response = await fetch(`${portal.url}/api/follow-up/uploads/${uploadId}`, {
          method: 'PATCH',
          headers: { cookie: followUp.cookie ?? '', 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
          body: new Uint8Array(file.bytes),
        });
        shots.push({ payload: file.id, request: `PATCH /api/follow-up/uploads/${uploadId}`, status: response.status, body: await response.text() });
      }
      tally.push(`  upload flow: ${shots.length} files, ${statuses(shots)}`);
      expect(shots.flatMap(problemsOf)).toEqual([]);
      const byId = new Map(shots.map((shot) => [shot.payload, shot.status]));
      // What the bytes are decides, never the name: an executable, markup or an archive is refused…
      for (const id of [
        'file/exe-named-pdf',
        'file/html-named-png',
        'file/svg-with-script',
        'file/gzip-bomb-named-pdf',
        'file/elf-named-mp3',
        'file/jpeg-with-gps',
      ]) {
        expect([id, byId.get(id)]).toEqual([id, 400]);
      }
      // …and a real PDF under a photo's name is taken, as the PDF it is.
      expect(byId.get('file/pdf-named-jpg')).toBe(201);
      expect(await health()).toBe(200);
    },
    LONG,
  );
});

describe('at the upload form without JavaScript, the same files', () => {
  it(
    'are refused or stored by their bytes, as through the API, never a 5xx',
    async () => {
      const submitted = await fetch(`${portal.url}/api/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `plain-files-${Date.now()}-0123456789` },
        body: JSON.stringify(FIRST_STEP),
      });
      const followUp = await openFollowUp(portal, SubmissionReceipt.parse(await submitted.json()).receipt);
      const visitor = await plainVisitor(portal);
      const shots: Shot[] = [];
      for (const file of files.filter((f) => f.uploadKind === 'file')) {
        const form = new FormData();
        form.set('_token', visitor.token);
        form.set('_once', randomBytes(24).toString('base64url'));
        form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.declaredType }), file.name);
        const response = await fetch(`${portal.url}/simple/suivi/fichier`, {
          method: 'POST',
          headers: { cookie: `${followUp.cookie ?? ''}; ${visitor.cookie}`, 'sec-fetch-site': 'same-origin' },
          body: form,
          redirect: 'manual',
        });
        shots.push({ payload: file.id, request: 'POST /simple/suivi/fichier', status: response.status, body: await response.text(), page: true });
      }
      tally.push(`  plain upload form: ${shots.length} files, ${statuses(shots)}`);
      expect(shots.flatMap(problemsOf)).toEqual([]);
      const byId = new Map(shots.map((shot) => [shot.payload, shot.status]));
      for (const id of ['file/exe-named-pdf', 'file/html-named-png', 'file/svg-with-script', 'file/gzip-bomb-named-pdf', 'file/jpeg-with-gps']) {
        expect([id, byId.get(id)]).toEqual([id, 400]);
      }
      // Taken: "see the thread" (post, redirect, get).
      expect(byId.get('file/pdf-named-jpg')).toBe(303);
      expect(await health()).toBe(200);
    },
    LONG,
  );
});

describe('at the spoken-prompt upload (admins), the same files', () => {
  it(
    'refuses every one of them by its bytes (none is a clean recording), never a 5xx, and stores nothing',
    async () => {
      const admin = hostile.targets.find(({ target }) => target.key === 'PUT /api/admin/spoken-prompts/:step/:language')?.target.credentials;
      expect(admin?.csrfToken).toBeTruthy();
      const shots: Shot[] = [];
      for (const file of files) {
        const response = await fetch(`${portal.url}/api/admin/spoken-prompts/receipt/tmh`, {
          method: 'PUT',
          headers: { cookie: admin?.cookie ?? '', 'x-csrf-token': admin?.csrfToken ?? '', 'content-type': file.declaredType },
          body: new Uint8Array(file.bytes),
        });
        shots.push({ payload: file.id, request: 'PUT /api/admin/spoken-prompts/receipt/tmh', status: response.status, body: await response.text() });
      }
      tally.push(`  spoken-prompt upload: ${shots.length} files, ${statuses(shots)}`);
      expect(shots.flatMap(problemsOf)).toEqual([]);
      for (const shot of shots) expect([shot.payload, [400, 413].includes(shot.status)]).toEqual([shot.payload, true]);
      expect((await fetch(`${portal.url}/api/spoken-prompts/tmh/receipt`)).status).toBe(404);
      expect(await health()).toBe(200);
    },
    LONG,
  );
});

describe.each([
  ['public write route, anonymously', 'public', (ms: number) => FULL || ms <= CHEAP_MS_PER_PAYLOAD],
  ['follow-up write route, with a follow-up session', 'follow-up', () => FULL],
  ['staff write route, signed in with CSRF token, holding the case', 'staff', () => FULL],
] as const)('at every %s', (_title, audience, more) => {
  it(
    'never answers 5xx, a stack trace or database text, and health stays 200',
    async () => {
      const problems: string[] = [];
      // A plain page answers a whole page per payload: the sample (every category) unless HOSTILE_FULL.
      for (const target of targetsFor(audience)) problems.push(...(await barrage(target, target.plain ? () => FULL : more)));
      expect(problems.slice(0, 40)).toEqual([]);
    },
    LONG,
  );
});

describe('the process afterwards', () => {
  it('is up and its prototypes are untouched', async () => {
    expect(await health()).toBe(200);
    expect(prototypeSnapshot()).toBe(prototypesBefore);
    expect(plantedKeys()).toEqual([]);
  });
});
