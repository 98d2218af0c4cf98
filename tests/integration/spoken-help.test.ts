import { jest } from '@jest/globals';
import { ErrorBody, SPOKEN_PROMPT_MAX_BYTES, SpokenPromptList, SpokenPromptStatus } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { mp3, oggOpus } from '../support/audio-samples.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';

/**
 * Spoken help: an admin uploads a prompt the mechanism recorded; the
 * portal checks it by its bytes and tags, signs it, and serves it to the
 * defender only while the signature holds — a database writer who swaps
 * the recording (to give another phone number) gets nothing served.
 */

jest.setTimeout(180_000);

const secrets = testSecrets();
let portal: RunningPortal;
let admin: StaffClient;
let supervisor: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal({ ...secrets, ...FAST_PASSWORDS });
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
});

afterAll(async () => {
  await portal?.close();
});

function upload(client: StaffClient, path: string, bytes: Uint8Array, type = 'application/octet-stream', language = 'fr'): Promise<Response> {
  return fetch(`${portal.url}/api/admin/spoken-prompts/${path}`, {
    method: 'PUT',
    headers: { cookie: client.cookie, 'x-csrf-token': client.session.csrfToken, 'content-type': type, 'accept-language': language },
    body: new Uint8Array(bytes),
  });
}

async function refusal(response: Response): Promise<{ status: number; field?: string; message: string }> {
  const body = ErrorBody.parse(await response.json());
  return { status: response.status, field: body.error.fields?.[0]?.field, message: body.error.fields?.[0]?.message ?? body.error.message };
}

async function listed(step: string, language: string) {
  const response = await admin.get('/api/admin/spoken-prompts');
  expect(response.status).toBe(200);
  return SpokenPromptList.parse(await response.json()).prompts.find((prompt) => prompt.step === step && prompt.language === language);
}

const served = (path: string) => fetch(`${portal.url}/api/spoken-prompts/${path}`);

describe('uploading a prompt', () => {
  it('stores an Ogg/Opus recording whatever its declared type, audits it and serves it with the right headers', async () => {
    const recording = oggOpus(2);
    const response = await upload(admin, 'home/bm', recording, 'text/plain');
    expect(response.status).toBe(200);
    expect(SpokenPromptStatus.parse(await response.json())).toMatchObject({
      step: 'home',
      language: 'bm',
      state: 'ready',
      contentType: 'audio/ogg',
      byteLength: recording.length,
    });

    const audio = await served('bm/home');
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/ogg');
    expect(audio.headers.get('x-content-type-options')).toBe('nosniff');
    expect(audio.headers.get('cache-control')).toBe('no-store');
    expect(audio.headers.get('access-control-allow-origin')).toBeNull();
    expect(Buffer.from(await audio.arrayBuffer()).equals(recording)).toBe(true);

    const [row] = await asOwner<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      portal,
      "SELECT action, actor_id, details FROM audit_event WHERE target_type = 'spoken_prompt' AND target_id = 'home:bm' ORDER BY seq DESC LIMIT 1",
    );
    expect(row).toMatchObject({ action: 'spoken_prompt.uploaded', actor_id: admin.id, details: { revision: 1, contentType: 'audio/ogg' } });
  });

  it('takes an MP3 and replaces a prompt with a new revision', async () => {
    expect((await upload(admin, 'receipt/fr', mp3(40))).status).toBe(200);
    expect((await upload(admin, 'receipt/fr', mp3(80))).status).toBe(200);
    expect(await listed('receipt', 'fr')).toMatchObject({ state: 'ready', contentType: 'audio/mpeg', byteLength: mp3(80).length });
    const [row] = await asOwner<{ revision: number }>(portal, "SELECT revision FROM spoken_prompt WHERE step = 'receipt' AND language = 'fr'");
    expect(row?.revision).toBe(2);
  });

  it('refuses a file that is not audio, by its bytes, with a specific reason in French and in English', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
    expect(await refusal(await upload(admin, 'callback/bm', pdf, 'audio/ogg'))).toEqual({
      status: 400,
      field: 'audio',
      message: "Ce fichier n'est pas un enregistrement accepté (Ogg/Opus, MP3, M4A/AAC ou WebM/Opus), quel que soit son nom.",
    });
    expect((await refusal(await upload(admin, 'callback/bm', pdf, 'audio/ogg', 'en'))).message).toMatch(/not an accepted recording/);
    expect(await listed('callback', 'bm')).toMatchObject({ state: 'missing' });
  });

  it('refuses a recording cut short after its magic bytes', async () => {
    const cut = Buffer.from('OggS\0\x02garbage that is no Ogg page');
    expect(await refusal(await upload(admin, 'callback/bm', cut))).toMatchObject({ status: 400, field: 'audio', message: expect.stringMatching(/illisible/) });
  });

  it('refuses tags that could name the person or the place (Vorbis comments, ID3), and keeps nothing', async () => {
    const named = oggOpus(1, ['ARTIST=Awa Traoré', 'LOCATION=Sévaré']);
    expect(await refusal(await upload(admin, 'urgent-call/bm', named))).toMatchObject({
      status: 400,
      field: 'audio',
      message: expect.stringMatching(/étiquettes/),
    });
    const titled = mp3(40, { TIT2: 'Réunion à Mopti', TPE1: 'Moussa' });
    expect(await refusal(await upload(admin, 'urgent-call/bm', titled))).toMatchObject({
      status: 400,
      field: 'audio',
      message: expect.stringMatching(/étiquettes/),
    });
    expect(await listed('urgent-call', 'bm')).toMatchObject({ state: 'missing' });
    // The encoder's own name says nothing about anyone: it passes.
    expect((await upload(admin, 'urgent-call/bm', oggOpus(1, ['ENCODER=opusenc']))).status).toBe(200);
  });

  it('refuses a recording over the cap with the reason, before storing anything', async () => {
    const big = Buffer.concat([oggOpus(1), Buffer.alloc(SPOKEN_PROMPT_MAX_BYTES)]);
    expect(await refusal(await upload(admin, 'request-first-step/bm', big))).toMatchObject({
      status: 413,
      field: 'audio',
      message: expect.stringMatching(/512 Kio/),
    });
    expect(await listed('request-first-step', 'bm')).toMatchObject({ state: 'missing' });
  });

  it('refuses an unknown step or language and an empty body, field by field', async () => {
    expect(await refusal(await upload(admin, 'everything/bm', oggOpus(1)))).toMatchObject({ status: 400, field: 'step' });
    expect(await refusal(await upload(admin, 'home/xx', oggOpus(1)))).toMatchObject({ status: 400, field: 'language' });
    expect(await refusal(await upload(admin, 'home/ff', new Uint8Array()))).toMatchObject({ status: 400, field: 'audio' });
  });

  it('is for admins only', async () => {
    expect((await upload(supervisor, 'home/son', oggOpus(1))).status).toBe(403);
    expect((await supervisor.get('/api/admin/spoken-prompts')).status).toBe(403);
  });
});

describe('the defender’s side', () => {
  it('lists the prompts that exist in the page itself and in the plain page, so knowing them costs no request', async () => {
    expect((await upload(admin, 'home/fr', oggOpus(1))).status).toBe(200);
    const page = await (await fetch(`${portal.url}/`)).text();
    expect(page).toMatch(/<meta name="spoken-help" content="[^"]*\bfr:home\b[^"]*">/);
    const plain = await (await fetch(`${portal.url}/simple`, { headers: { 'accept-language': 'fr' } })).text();
    expect(plain).toContain('<audio controls preload="none" src="/api/spoken-prompts/fr/home"');
    // No prompt in English: no player on the English page.
    const english = await (await fetch(`${portal.url}/simple?lang=en`)).text();
    expect(english).not.toContain('<audio');
  });

  it('answers 404 for a prompt that does not exist', async () => {
    expect((await served('son/receipt')).status).toBe(404);
    expect((await served('xx/receipt')).status).toBe(400);
  });
});

describe('a database writer (T7)', () => {
  it('cannot swap a prompt: the changed recording is not served, not offered, and the admin page says so', async () => {
    expect((await upload(admin, 'callback/fr', oggOpus(1))).status).toBe(200);
    expect((await served('fr/callback')).status).toBe(200);
    // Their own recording (e.g. "call this other number"), written straight into the row.
    await asOwner(portal, "UPDATE spoken_prompt SET content = $1 WHERE step = 'callback' AND language = 'fr'", [oggOpus(3)]);
    expect((await served('fr/callback')).status).toBe(404);
    expect(await listed('callback', 'fr')).toMatchObject({ state: 'altered' });
  });

  it('cannot move a signed prompt to another step or language', async () => {
    expect((await upload(admin, 'receipt/en', oggOpus(1))).status).toBe(200);
    await asOwner(portal, "UPDATE spoken_prompt SET step = 'home' WHERE step = 'receipt' AND language = 'en'");
    expect((await served('en/home')).status).toBe(404);
    expect(await listed('home', 'en')).toMatchObject({ state: 'altered' });
  });

  it('cannot slip in a prompt of their own with a made-up signature', async () => {
    await asOwner(
      portal,
      "INSERT INTO spoken_prompt (step, language, content_type, content, revision, signature, uploaded_at) VALUES ('home', 'ar', 'audio/ogg', $1, 1, $2, now())",
      [oggOpus(1), 'A'.repeat(86)],
    );
    expect((await served('ar/home')).status).toBe(404);
    expect(await listed('home', 'ar')).toMatchObject({ state: 'altered' });
    const page = await (await fetch(`${portal.url}/`)).text();
    expect(page).not.toMatch(/ar:home/);
  });
});

describe('a database writer who replays (T7)', () => {
  type Row = { content: Buffer; revision: number; signature: string; content_type: string; uploaded_at: Date };
  const rowOf = async (step: string, language: string) =>
    (
      await asOwner<Row>(portal, 'SELECT content, revision, signature, content_type, uploaded_at FROM spoken_prompt WHERE step = $1 AND language = $2', [
        step,
        language,
      ])
    )[0] as Row;

  it('cannot put back an older recording the mechanism once signed: the anchored revision is the latest', async () => {
    expect((await upload(admin, 'urgent-call/fr', oggOpus(1))).status).toBe(200);
    const old = await rowOf('urgent-call', 'fr');
    expect((await upload(admin, 'urgent-call/fr', oggOpus(2))).status).toBe(200);
    await asOwner(portal, "UPDATE spoken_prompt SET content = $1, revision = $2, signature = $3 WHERE step = 'urgent-call' AND language = 'fr'", [
      old.content,
      old.revision,
      old.signature,
    ]);
    expect((await served('fr/urgent-call')).status).toBe(404);
    expect(await listed('urgent-call', 'fr')).toMatchObject({ state: 'altered' });
  });

  it('cannot restore a prompt an admin removed, and a new upload never reuses its revision', async () => {
    expect((await upload(admin, 'request-first-step/fr', oggOpus(1))).status).toBe(200);
    const removed = await rowOf('request-first-step', 'fr');
    expect((await admin.request('DELETE', '/api/admin/spoken-prompts/request-first-step/fr')).status).toBe(204);
    await asOwner(
      portal,
      "INSERT INTO spoken_prompt (step, language, content_type, content, revision, signature, uploaded_at) VALUES ('request-first-step', 'fr', $1, $2, $3, $4, $5)",
      [removed.content_type, removed.content, removed.revision, removed.signature, removed.uploaded_at],
    );
    expect((await served('fr/request-first-step')).status).toBe(404);
    expect(await listed('request-first-step', 'fr')).toMatchObject({ state: 'altered' });
    await asOwner(portal, "DELETE FROM spoken_prompt WHERE step = 'request-first-step' AND language = 'fr'");
    expect((await upload(admin, 'request-first-step/fr', oggOpus(1))).status).toBe(200);
    expect((await rowOf('request-first-step', 'fr')).revision).toBe(removed.revision + 1);
    expect((await served('fr/request-first-step')).status).toBe(200);
  });
});

describe('removing a prompt', () => {
  it('removes it (audited); removing what is not there is 404', async () => {
    expect((await upload(admin, 'home/dgo', oggOpus(1))).status).toBe(200);
    const removed = await admin.request('DELETE', '/api/admin/spoken-prompts/home/dgo');
    expect(removed.status).toBe(204);
    expect((await served('dgo/home')).status).toBe(404);
    expect((await admin.request('DELETE', '/api/admin/spoken-prompts/home/dgo')).status).toBe(404);
    const [row] = await asOwner<{ action: string }>(portal, "SELECT action FROM audit_event WHERE target_id = 'home:dgo' ORDER BY seq DESC LIMIT 1");
    expect(row?.action).toBe('spoken_prompt.removed');
  });
});
