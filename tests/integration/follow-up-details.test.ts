import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { CaseListQuery, FollowUpView, SubmissionReceipt } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import type { CurrentStaffMember } from '../../apps/api/src/common/current-staff.js';
import { CasesService } from '../../apps/api/src/cases/cases.service.js';
import { CaseWorkService } from '../../apps/api/src/cases/case-work.service.js';
import { AppError } from '../../apps/api/src/common/app-error.js';
import { ThreadMessages } from '../../apps/api/src/vault/thread-messages.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { databaseDump, encodings, filesContaining } from '../support/leaks.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';

/*
 * Details a defender completes later through the receipt become part of the
 * case exactly as if sent at once — and are sealed to the case's holders:
 * neither the receipt nor a copy of the server's disk reads them.
 */

let portal: RunningPortal;
let database: TestDatabase;
/** Every log line the portal writes, for the leak search. */
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});
let supervisor: StaffWithKeys;
let cases: CasesService;

const firstStep = {
  summary: 'Mon frère a été enlevé ce soir.',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'yes' },
  contact: { methods: ['whatsapp'], phone: '+223 70 11 22 33' },
  consent: { processing: true },
};

beforeAll(async () => {
  database = await createTestDatabase();
  portal = await startPortal(
    { ...testSecrets(), DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, PORT: '0', LOG_LEVEL: 'trace', NODE_ENV: 'test' },
    logSink,
  );
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
  cases = portal.app.get(CasesService);
}, 120_000);
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

async function asOwner<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function submit(body: unknown = firstStep): Promise<SubmissionReceipt & { caseId: string }> {
  const response = await post('/api/requests', body, { 'idempotency-key': randomBytes(24).toString('base64url') });
  expect(response.status).toBe(201);
  const answer = SubmissionReceipt.parse(await response.json());
  const [row] = await asOwner<{ id: string }>('SELECT id FROM protection_case WHERE reference = $1', [answer.reference]);
  return { ...answer, caseId: row?.id as string };
}

async function addDetails(receipt: string, details: unknown): Promise<Response> {
  const opened = await post('/api/follow-up/session', { receipt });
  expect(opened.status).toBe(200);
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return post('/api/follow-up/details', details, { cookie });
}

function detailsWith(canary: string) {
  return {
    defender: { name: `Aminata ${canary}`, profiles: ['journalist'], gender: 'woman' },
    location: { region: 'kidal', locality: `Quartier ${canary}` },
    othersAtRisk: [{ name: `Moussa ${canary}`, relationship: 'family' }],
    incidents: [
      { types: ['abduction_disappearance'], perpetrators: ['armed_groups'], place: `Marché ${canary}` },
      { types: ['threats_intimidation'], description: `Appels la nuit ${canary}` },
    ],
    help: { measures: ['detention_visit'] },
  };
}

const session = () => ({ idHash: randomBytes(16).toString('hex'), expiresAt: new Date(Date.now() + 3_600_000) });
const reader = () => ({ ...supervisor, name: 'Superviseur', onCall: false }) as unknown as CurrentStaffMember;

describe('details completed later through the receipt', () => {
  it('become part of the case: sections, list filters and a history of who added what when', async () => {
    const created = await submit();
    const sentAt = Date.now();
    const response = await addDetails(created.receipt, detailsWith('x'));
    expect(response.status).toBe(201);
    expect(FollowUpView.parse(await response.json()).thread[0]).toMatchObject({ kind: 'details', body: '' });

    const found = await cases.list(supervisor, session(), CaseListQuery.parse({ region: ['kidal'], threatType: ['abduction_disappearance'] }));
    expect(found.items.map((item) => item.reference)).toContain(created.reference);
    const item = found.items.find((listed) => listed.reference === created.reference);
    expect(item).toMatchObject({ region: 'kidal', threatTypes: ['abduction_disappearance', 'threats_intimidation'] });

    const detail = await cases.view(reader(), created.caseId);
    expect(detail.identity).toMatchObject({ defender: { name: 'Aminata x', profiles: ['journalist'] }, othersAtRisk: [{ name: 'Moussa x' }] });
    expect(detail.situation).toMatchObject({ location: { region: 'kidal' }, help: { measures: ['detention_visit'] } });
    expect((detail.situation as { incidents: unknown[] }).incidents).toHaveLength(2);
    expect(detail.categories).toMatchObject({ region: 'kidal', profiles: ['journalist'], gender: 'woman', peopleAtRisk: 2 });
    expect(detail.thread).toEqual([expect.objectContaining({ kind: 'details', body: '' })]);
    const added = detail.entries.filter((entry) => entry.kind === 'details_added');
    expect(added).toHaveLength(1);
    expect(Math.abs(Date.parse((added[0] as { data: { addedAt: string } }).data.addedAt) - sentAt)).toBeLessThan(60_000);

    // Merged once: opening again writes nothing more and counts nothing twice.
    await cases.view(reader(), created.caseId);
    expect((await cases.view(reader(), created.caseId)).entries.filter((entry) => entry.kind === 'details_added')).toHaveLength(1);
  }, 120_000);

  it('are sealed to the case holders: the receipt, and a seized server, read none of them', async () => {
    const canary = `CANARY${randomBytes(6).toString('hex')}`;
    const created = await submit();
    expect((await addDetails(created.receipt, detailsWith(canary))).status).toBe(201);

    const thread = portal.app.get(ThreadMessages);
    const opened = await thread.openWithReceipt(created.receipt);
    opened.threadKey.destroy();
    expect(opened.messages).toHaveLength(1);
    expect(opened.messages[0]?.body).toMatch(/^\{"sealed":"/);
    expect(JSON.stringify(opened.messages)).not.toContain(canary);

    const needles = [...encodings(canary)];
    const check = async () => {
      await asOwner('CHECKPOINT');
      const dump = await databaseDump(database.ownerUrl);
      expect(dump.length).toBeGreaterThan(10_000);
      expect(needles.filter((needle) => dump.includes(needle))).toHaveLength(0);
      expect(filesContaining(process.env.TEST_DATA_ROOT as string, needles)).toEqual([]);
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((line) => needles.some((needle) => line.includes(needle.toString('latin1'))))).toEqual([]);
    };
    await check();
    // Merged by a holder: still nothing in clear.
    const detail = await cases.view(reader(), created.caseId);
    expect(JSON.stringify(detail.identity)).toContain(canary);
    await check();
  }, 120_000);

  it('are sealed to nothing a database writer put in place of the signed details key', async () => {
    const created = await submit();
    const attacker = (await import('../../apps/api/src/crypto/index.js')).generateIdentityKeyPair();
    await asOwner('UPDATE protection_case SET details_public_key = $1 WHERE id = $2', [attacker.publicKey, created.caseId]);
    const before = await asOwner<{ n: number }>('SELECT count(*)::int AS n FROM case_message WHERE case_id = $1', [created.caseId]);

    const response = await addDetails(created.receipt, detailsWith('y'));

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(await response.json())).not.toMatch(/stack|sealed|SELECT/i);
    expect(await asOwner<{ n: number }>('SELECT count(*)::int AS n FROM case_message WHERE case_id = $1', [created.caseId])).toEqual(before);
  }, 120_000);
});

describe('consent asked in the form for the measures that reveal the defender', () => {
  const addVisit = (caseId: string) =>
    portal.app.get(CaseWorkService).addMeasure(reader(), caseId, { measure: 'detention_visit', status: 'planned', ownerId: null, due: null });
  const codeOf = (work: Promise<unknown>) =>
    work.then(
      () => 'NO_ERROR',
      (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
    );

  it('a detention visit the defender agreed to in the form is recorded without an emergency exception, and shows as a consent', async () => {
    const agreed = await submit({ ...firstStep, help: { measures: ['detention_visit'], agreesToDisclose: ['detention_visit'] } });

    await addVisit(agreed.caseId);

    const detail = await cases.view(reader(), agreed.caseId);
    expect(detail.measures.map((measure) => measure.measure)).toEqual(['detention_visit']);
    expect(detail.entries.some((entry) => entry.kind === 'disclosure_exception')).toBe(false);
    expect(detail.consents).toEqual([
      expect.objectContaining({ recipient: 'detention_facility', measure: 'detention_visit', givenBy: 'defender', fields: ['identity'], active: true }),
    ]);
  }, 120_000);

  it('without that agreement the same measure is refused (consent required), and the form refuses an agreement for help not asked', async () => {
    const asked = await submit({ ...firstStep, help: { measures: ['detention_visit'] } });
    expect(await codeOf(addVisit(asked.caseId))).toBe('REFUSED');

    const response = await post(
      '/api/requests',
      { ...firstStep, help: { measures: [], agreesToDisclose: ['advocacy'] } },
      { 'idempotency-key': randomBytes(24).toString('base64url') },
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('help.agreesToDisclose');
  }, 120_000);
});

describe('progress the defender sees', () => {
  async function openSession(receipt: string): Promise<string> {
    const opened = await post('/api/follow-up/session', { receipt });
    expect(opened.status).toBe(200);
    return (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }
  const statusOf = async (cookie: string) => FollowUpView.parse(await (await fetch(`${portal.url}/api/follow-up`, { headers: { cookie } })).json()).status;
  const plainPage = async (cookie: string) => (await fetch(`${portal.url}/simple/suivi`, { headers: { cookie, 'accept-language': 'fr' } })).text();
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('follows the work (assessment, measures, a planned call) without any status changed by hand, on the React and the plain page alike', async () => {
    const created = await submit();
    const cookie = await openSession(created.receipt);
    const work = portal.app.get(CaseWorkService);
    expect(await statusOf(cookie)).toBe('received');

    await work.assessRisk(reader(), created.caseId, {
      threats: { score: 3 },
      vulnerabilities: { score: 3 },
      capacities: { score: 3 },
      level: 'ordinary',
      urgentProcedure: false,
      reassessmentDue: inDays(30),
    } as never);
    expect(await statusOf(cookie)).toBe('in_progress');

    await work.addMeasure(reader(), created.caseId, { measure: 'legal_assistance', status: 'planned', ownerId: null, due: inDays(10) });
    expect(await statusOf(cookie)).toBe('measures');
    expect(await plainPage(cookie)).toContain('<p>En cours. Des actions sont menées pour vous.</p>');

    await work.logContactAttempt(reader(), created.caseId, { channel: 'phone', result: 'no_answer', nextContactOn: inDays(2) });
    expect(await statusOf(cookie)).toBe('call_planned');
    // Neutral words only, the same on both pages: no step, measure, name or date of the work reaches the defender's screen.
    const said = /<h2>Où en est votre demande<\/h2>\s*<p>([^<]*)<\/p>/.exec(await plainPage(cookie))?.[1];
    expect(said).toBe('En cours. Quelqu’un de l’équipe protection va vous appeler.');
  });
});
