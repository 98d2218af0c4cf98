import { Agenda, ErrorBody } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { PrismaService } from '../../apps/api/src/database/prisma.service.js';
import { OverdueScan } from '../../apps/api/src/notify/overdue-scan.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { databaseDump, encodings } from '../support/leaks.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, ownerUrlOf, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let supervisor: StaffClient;
let caseworker: StaffClient;
let caseworkerId: string;
let supervisorId: string;
let admin: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Agenda' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé Agenda' })).client;
  const assignees = (await (await supervisor.get('/api/assignees')).json()) as { id: string; name: string }[];
  caseworkerId = assignees.find((a) => a.name === 'Chargé Agenda')?.id as string;
  supervisorId = assignees.find((a) => a.name === 'Superviseure Agenda')?.id as string;
});

afterAll(async () => {
  await portal?.close();
});

const newCase = async () => (await vault.createCase({ urgent: false, content: plainContent() })).caseId;

async function agendaOf(client: StaffClient): Promise<Agenda> {
  const response = await client.get('/api/agenda');
  expect(response.status).toBe(200);
  return Agenda.parse(await response.json());
}

async function assignTo(caseId: string, assigneeId: string): Promise<void> {
  expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId })).status).toBe(201);
}

describe('my agenda', () => {
  it('lists the dates of every open case one holds in date order, marking those assigned to someone else', async () => {
    const caseId = await newCase();
    await assignTo(caseId, caseworkerId);
    // A case the caseworker still holds (a grant) but that is now someone else's.
    const other = await newCase();
    await assignTo(other, caseworkerId);
    await assignTo(other, supervisorId);
    await supervisor.post(`/api/cases/${other}/contact-attempts`, { channel: 'phone', result: 'no_answer', nextContactOn: '2031-01-01' });
    expect((await supervisor.post(`/api/cases/${other}/agenda-events`, { kind: 'court_hearing', on: '2031-01-15' })).status).toBe(201);

    expect((await caseworker.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'phone', result: 'reached', nextContactOn: '2031-03-10' })).status).toBe(
      201,
    );
    expect((await caseworker.post(`/api/cases/${caseId}/measures`, { measure: 'legal_assistance', due: '2031-02-20' })).status).toBe(201);
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'court_hearing', on: '2031-04-02' })).status).toBe(201);
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'detention_review', on: '2031-02-21' })).status).toBe(201);

    const agenda = await agendaOf(caseworker);
    const mine = agenda.items.filter((item) => item.caseId === caseId);
    // The case was received now: its assessment deadline (10 days) comes first.
    expect(mine.map((item) => [item.kind, item.day])).toEqual([
      ['assessment', expect.any(String)],
      ['measure', '2031-02-20'],
      ['detention_review', '2031-02-21'],
      ['next_contact', '2031-03-10'],
      ['court_hearing', '2031-04-02'],
    ]);
    expect(mine.every((item) => !item.overdue && item.assignedToMe)).toBe(true);
    // Held but now someone else's: its hearings still show, marked as not assigned to the caller;
    // its deadlines and planned calls are the responsible person's.
    const held = agenda.items.filter((item) => item.caseId === other);
    expect(held.map((item) => [item.kind, item.day])).toEqual([['court_hearing', '2031-01-15']]);
    expect(held.every((item) => !item.assignedToMe)).toBe(true);
    expect(agenda.unreadable).toEqual([]);
    const theirs = (await agendaOf(supervisor)).items;
    expect(theirs.filter((item) => item.caseId === other).every((item) => item.assignedToMe)).toBe(true);
    expect(theirs.filter((item) => item.caseId === caseId).map((item) => [item.kind, item.assignedToMe])).toContainEqual(['court_hearing', false]);
    // A case the caller does not hold never shows.
    const stranger = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargée Sans Dossier' })).client;
    expect((await agendaOf(stranger)).items.some((item) => item.caseId === caseId || item.caseId === other)).toBe(false);
  });

  it('drops a cancelled hearing from the agenda (a postponement is a cancellation and a new date), once only', async () => {
    const caseId = await newCase();
    await assignTo(caseId, caseworkerId);
    const hearing = await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'court_hearing', on: '2031-07-01' });
    expect(hearing.status).toBe(201);
    const eventId = ((await hearing.json()) as { id: string }).id;
    const days = async () =>
      (await agendaOf(caseworker)).items.filter((item) => item.caseId === caseId && item.kind === 'court_hearing').map((item) => item.day);
    expect(await days()).toEqual(['2031-07-01']);

    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events/${eventId}/cancel`, { reason: 'Audience renvoyée au 15 juillet.' })).status).toBe(201);
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'court_hearing', on: '2031-07-15' })).status).toBe(201);
    expect(await days()).toEqual(['2031-07-15']);

    const again = await caseworker.post(`/api/cases/${caseId}/agenda-events/${eventId}/cancel`, { reason: 'Encore' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('eventId');
    // Not an agenda event of this case (here: an unknown id) → 404; no reason → 400.
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events/${caseId}/cancel`, { reason: 'x' })).status).toBe(404);
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events/${eventId}/cancel`, { reason: '' })).status).toBe(400);
  });

  it('flags what has passed as overdue', async () => {
    const caseId = await newCase();
    await assignTo(caseId, caseworkerId);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'other', on: yesterday })).status).toBe(201);
    const items = (await agendaOf(caseworker)).items.filter((item) => item.caseId === caseId);
    expect(items.find((item) => item.kind === 'other')).toMatchObject({ day: yesterday, overdue: true });
  });

  it('refuses an agenda event from a caseworker without a grant, and validates the kind and the day', async () => {
    const caseId = await newCase();
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'court_hearing', on: '2031-05-05' })).status).toBe(403);
    expect((await supervisor.post(`/api/cases/${caseId}/agenda-events`, { kind: 'verdict', on: '2031-05-05' })).status).toBe(400);
    expect((await supervisor.post(`/api/cases/${caseId}/agenda-events`, { kind: 'other', on: '0000-01-01' })).status).toBe(400);
  });

  it('keeps the event encrypted: its note is nowhere in the database, and the agenda answer carries no note', async () => {
    const caseId = await newCase();
    await assignTo(caseId, caseworkerId);
    const canary = `Audience-canari-${Math.random().toString(36).slice(2)}-tribunal-de-la-commune-IV`;
    expect((await caseworker.post(`/api/cases/${caseId}/agenda-events`, { kind: 'court_hearing', on: '2031-06-17', note: canary })).status).toBe(201);
    const response = await caseworker.get('/api/agenda');
    expect(await response.text()).not.toContain(canary);
    const dump = await databaseDump(ownerUrlOf(portal));
    for (const form of encodings(canary)) expect(dump.includes(form)).toBe(false);
    // Nor is its day: no clear column holds it (this portal's database has no other 2031-06-17).
    expect(dump.includes('2031-06-17')).toBe(false);
  });
});

describe('content-free reminders', () => {
  it('raises one overdue_case alert for a passed next contact on an assigned open case, with no content', async () => {
    const caseId = await newCase();
    await assignTo(caseId, caseworkerId);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const canary = `Rappel-canari-${Math.random().toString(36).slice(2)}`;
    expect(
      (await caseworker.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'phone', result: 'reached', note: canary, nextContactOn: yesterday })).status,
    ).toBe(201);
    const unassigned = await newCase();
    expect(
      (await supervisor.post(`/api/cases/${unassigned}/contact-attempts`, { channel: 'phone', result: 'no_answer', nextContactOn: yesterday })).status,
    ).toBe(201);

    const scan = portal.app.get(OverdueScan);
    await scan.run();
    await scan.run();
    const prisma = portal.app.get(PrismaService);
    const alerts = await prisma.alert.findMany({ where: { dedupeKey: { startsWith: 'overdue:next_contact:' } } });
    expect(alerts.map((alert) => [alert.kind, alert.caseId, alert.dedupeKey])).toEqual([
      ['overdue_case', caseId, `overdue:next_contact:${caseId}:${yesterday}T09:00:00.000Z`],
    ]);
    expect(JSON.stringify(alerts)).not.toContain(canary);
  });
});

describe('measure owners hold the case', () => {
  let owner: StaffClient;
  let ownerId: string;
  let auditorId: string;

  beforeAll(async () => {
    const admin = await signIn(portal, await createAdmin(portal));
    owner = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargée Mesures' })).client;
    await createStaff(portal, admin, { roles: ['auditor'], name: 'Auditeur Mesures' });
    const idOf = async (name: string) => (await asOwner<{ id: string }>(portal, 'SELECT id FROM staff_user WHERE name = $1', [name]))[0]?.id as string;
    ownerId = await idOf('Chargée Mesures');
    auditorId = await idOf('Auditeur Mesures');
  });

  const grantsTo = async (caseId: string, recipientId: string) =>
    asOwner<{ key_kind: string }>(portal, 'SELECT key_kind FROM case_key_grant WHERE case_id = $1 AND recipient_id = $2 ORDER BY key_kind', [
      caseId,
      recipientId,
    ]);

  it('naming a caseworker owner of two measures grants them the case (audited), and their agenda shows both', async () => {
    const caseId = await newCase();
    expect((await owner.get(`/api/cases/${caseId}`)).status).toBe(403);

    expect((await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'legal_assistance', ownerId, due: '2031-05-04' })).status).toBe(201);
    expect((await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'psychosocial_support', due: '2031-05-09' })).status).toBe(201);
    const measures = (await (await supervisor.get(`/api/cases/${caseId}`)).json()) as { measures: { id: string; measure: string }[] };
    const second = measures.measures.find((m) => m.measure === 'psychosocial_support')?.id as string;
    expect((await supervisor.patch(`/api/cases/${caseId}/measures/${second}`, { ownerId })).status).toBe(201);

    expect(await grantsTo(caseId, ownerId)).toEqual([{ key_kind: 'case' }, { key_kind: 'thread' }]);
    const audited = await asOwner<{ n: number }>(
      portal,
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'case.granted' AND target_id = $1 AND details->>'recipientId' = $2",
      [caseId, ownerId],
    );
    expect(audited[0]?.n).toBe(1);
    expect((await owner.get(`/api/cases/${caseId}`)).status).toBe(200);
    const mine = (await agendaOf(owner)).items.filter((item) => item.caseId === caseId);
    expect(mine.map((item) => [item.kind, item.day])).toEqual([
      ['measure', '2031-05-04'],
      ['measure', '2031-05-09'],
    ]);
  });

  it('naming someone who cannot hold a case is refused with a plain reason, and writes neither the measure nor a grant', async () => {
    const caseId = await newCase();
    const refused = await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'legal_assistance', ownerId: auditorId, due: '2031-05-04' });
    expect(refused.status).toBe(400);
    const body = ErrorBody.parse(await refused.json());
    expect(body.error.fields).toEqual([expect.objectContaining({ field: 'ownerId', message: expect.stringContaining('ne peut pas recevoir de dossier') })]);
    expect(await grantsTo(caseId, auditorId)).toEqual([]);
    const view = (await (await supervisor.get(`/api/cases/${caseId}`)).json()) as { measures: unknown[] };
    expect(view.measures).toEqual([]);
  });

  it('a measure refused for lack of consent grants its owner nothing', async () => {
    const caseId = await newCase();
    const refused = await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'advocacy', ownerId, due: '2031-05-04' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await grantsTo(caseId, ownerId)).toEqual([]);
  });
});

describe('deadlines from the precise arrival', () => {
  const HOUR = 3_600_000;
  /** An urgent case that arrived at `iso`, assigned to the caseworker: its first contact is due 2 h after. */
  async function firstContactOf(iso: string) {
    const arrivedAt = new Date(iso);
    const caseId = (await vault.createCase({ urgent: true, content: plainContent() }, arrivedAt)).caseId;
    await assignTo(caseId, caseworkerId);
    const items = (await agendaOf(caseworker)).items.filter((item) => item.caseId === caseId && item.kind === 'first_contact');
    return { arrivedAt, items };
  }

  it('puts a case received at hh:09 at hh+2:09, not on the clear index hour', async () => {
    const { arrivedAt, items } = await firstContactOf('2031-03-04T07:09:57.000Z');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ at: new Date(arrivedAt.getTime() + 2 * HOUR).toISOString(), day: '2031-03-04' });
  });

  it('puts a case received at 23:09 on the next day, at its minute', async () => {
    const { items } = await firstContactOf('2031-03-04T23:09:00.000Z');
    expect(items.map((item) => [item.at, item.day])).toEqual([['2031-03-05T01:09:00.000Z', '2031-03-05']]);
  });
});
