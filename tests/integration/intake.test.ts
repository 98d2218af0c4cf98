import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ErrorBody, FollowUpView, SubmissionReceipt } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let supervisor: StaffWithKeys;

const firstStep = {
  summary: 'Mon frère a été arrêté ce soir à Sévaré par des hommes en uniforme.',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
  contact: { methods: ['whatsapp'], phone: '+223 70 11 22 33', safeTimes: 'après 20 h' },
  consent: { processing: true },
};

beforeAll(async () => {
  portal = await startTestPortal();
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
});
afterAll(async () => {
  await portal?.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${portal.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', ...headers },
    body: JSON.stringify(body),
  });
}

function idempotencyKey(): string {
  return randomBytes(24).toString('base64url');
}

async function submit(body: unknown = firstStep) {
  const response = await post('/api/requests', body, { 'idempotency-key': idempotencyKey() });
  expect(response.status).toBe(201);
  return SubmissionReceipt.parse(await response.json());
}

async function caseIdOf(reference: string): Promise<string> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM protection_case WHERE reference = $1', [reference]);
    return rows[0]?.id as string;
  } finally {
    await client.end();
  }
}

async function openFollowUp(receipt: string): Promise<{ cookie: string; view: FollowUpView }> {
  const response = await post('/api/follow-up/session', { receipt });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, view: FollowUpView.parse(await response.json()) };
}

describe('submitting a request', () => {
  it('stores the first step alone, encrypted, readable only through the vault', async () => {
    const answer = await submit();
    expect(answer.receipt.replaceAll(' ', '')).toMatch(/^\d{24}$/);
    expect(answer.urgent).toBe(true);
    const caseId = await caseIdOf(answer.reference);
    const client = new pg.Client({ connectionString: portal.databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT * FROM protection_case WHERE id = $1', [caseId]);
    await client.end();
    expect(JSON.stringify(rows)).not.toContain('Sévaré');
    expect(JSON.stringify(rows)).not.toContain('70 11 22 33');
    const opened = await portal.app.get(CaseVaultService).openCase(supervisor, caseId);
    expect(opened.content.narrative).toBe(firstStep.summary);
    expect(opened.content.contact).toMatchObject({ phone: '+223 70 11 22 33' });
    expect(opened.index.urgent).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, not a second case', async () => {
    const key = idempotencyKey();
    const first = await post('/api/requests', firstStep, { 'idempotency-key': key });
    const again = await post('/api/requests', firstStep, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const [a, b] = [SubmissionReceipt.parse(await first.json()), SubmissionReceipt.parse(await again.json())];
    expect(b).toEqual(a);
    const client = new pg.Client({ connectionString: portal.databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM protection_case WHERE reference = $1', [a.reference]);
    const replays = await client.query('SELECT answer FROM intake_replay');
    await client.end();
    expect(rows[0].n).toBe(1);
    expect(JSON.stringify(replays.rows)).not.toContain(a.receipt);
  });

  it.each([
    ['summary', { ...firstStep, summary: '' }],
    ['rightNow.lifeInDanger', { ...firstStep, rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'maybe' } }],
    ['contact.phone', { ...firstStep, contact: { methods: ['phone'] } }],
    ['contact.methods', { ...firstStep, contact: { methods: [] } }],
    ['consent.processing', { ...firstStep, consent: { processing: false } }],
    ['location.region', { ...firstStep, location: { region: 'paris' } }],
    ['incidents.0.when.date', { ...firstStep, incidents: [{ when: { date: '2999-12-31' } }] }],
    ['defender.name', { ...firstStep, defender: { name: 'x'.repeat(121) } }],
    ['', { ...firstStep, admin: true }],
  ])('answers 400 naming the field %s, in French, with no internals', async (field, body) => {
    const response = await post('/api/requests', body);
    const text = await response.text();
    expect(response.status).toBe(400);
    const error = ErrorBody.parse(JSON.parse(text)).error;
    expect(error.fields?.map((f) => f.field)).toContain(field);
    expect(error.message).toMatch(/Vérifiez/);
    expect(text).not.toMatch(/at \w+ \(|prisma|SELECT/i);
  });

  it('takes a call-back request from any page', async () => {
    const response = await post('/api/callback-requests', { phone: '+223 66 00 00 00', language: 'bm', consent: { processing: true } });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  });
});

describe('follow-up with a receipt', () => {
  it('shows the thread but never the request, and takes a reply', async () => {
    const answer = await submit();
    const { cookie, view } = await openFollowUp(answer.receipt.replaceAll(' ', '-'));
    expect(view).toMatchObject({ reference: answer.reference, status: 'received', thread: [] });
    expect(JSON.stringify(view)).not.toContain('Sévaré');
    expect(cookie).toMatch(/^mnpddh_follow_up=/);

    const reply = await fetch(`${portal.url}/api/follow-up/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body: 'Il est au commissariat du 3e arrondissement.' }),
    });
    expect(reply.status).toBe(201);
    const after = FollowUpView.parse(await reply.json());
    expect(after.thread.map((e) => [e.from, e.body])).toEqual([['defender', 'Il est au commissariat du 3e arrondissement.']]);
  });

  it('completes a first-step-only request later, for staff to read', async () => {
    const answer = await submit();
    const { cookie } = await openFollowUp(answer.receipt);
    const details = { location: { region: 'mopti', locality: 'Sévaré' }, defender: { profiles: ['journalist'], languages: ['ff'] } };
    const response = await fetch(`${portal.url}/api/follow-up/details`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(details),
    });
    expect(response.status).toBe(201);
    const view = FollowUpView.parse(await response.json());
    expect(view.thread[0]).toMatchObject({ kind: 'details', body: '' });

    const opened = await portal.app.get(CaseVaultService).openCase(supervisor, await caseIdOf(answer.reference));
    expect(opened.messages).toHaveLength(1);
    // Sealed to the case's holders (tests/integration/follow-up-details.test.ts merges and reads them).
    expect(opened.messages[0]?.body).toMatch(/^\{"sealed":"/);
    expect(opened.messages[0]?.body).not.toContain('Sévaré');
  });

  it('gives the same answer to a wrong and a malformed receipt, and nothing without a session', async () => {
    const wrong = await post('/api/follow-up/session', { receipt: '0000 1111 2222 3333 4444 5555' });
    const malformed = await post('/api/follow-up/session', { receipt: 'abc' });
    expect(wrong.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(await wrong.text()).toBe(await malformed.text());
    expect((await fetch(`${portal.url}/api/follow-up`)).status).toBe(401);
  });

  it('ends the session on request', async () => {
    const answer = await submit();
    const { cookie } = await openFollowUp(answer.receipt);
    const end = await fetch(`${portal.url}/api/follow-up/session`, { method: 'DELETE', headers: { cookie } });
    expect(end.status).toBe(204);
    expect((await fetch(`${portal.url}/api/follow-up`, { headers: { cookie } })).status).toBe(401);
  });
});
