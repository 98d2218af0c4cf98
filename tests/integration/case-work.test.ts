import { randomBytes } from 'node:crypto';
import { CASE_STATUSES, CaseDetail, ErrorBody, TRANSITIONS, type CaseStatus, type StatusChange } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseFiles } from '../../apps/api/src/vault/case-files.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { createStaffWithKeys } from '../factories/staff.js';
import { databaseDump, encodings } from '../support/leaks.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, ownerUrlOf, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let supervisor: StaffClient;
let caseworker: StaffClient;
let onCallCaseworker: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Test' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé Test' })).client;
  onCallCaseworker = (await createStaff(portal, admin, { roles: ['caseworker'], onCall: true, name: 'Permanence Test' })).client;
});

afterAll(async () => {
  await portal?.close();
});

function content(categories: Partial<CaseContent['categories']> = {}): CaseContent {
  const base = plainContent();
  return { ...base, categories: { ...base.categories, ...categories } };
}

async function newCase(categories: Partial<CaseContent['categories']> = {}, urgent = false): Promise<string> {
  return (await vault.createCase({ urgent, content: content(categories) })).caseId;
}

async function view(client: StaffClient, caseId: string): Promise<CaseDetail> {
  const response = await client.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function fieldsOf(response: Response): Promise<Record<string, string>> {
  const body = ErrorBody.parse(await response.json());
  return Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message]));
}

const CLOSE: Omit<StatusChange, 'to'> = { reason: 'Clôture après libération.', outcome: 'released', defenderInformed: true };

function change(to: CaseStatus): StatusChange {
  return to === 'closed' ? { to, ...CLOSE } : { to, reason: `Passage à ${to}.` };
}

/** A path of allowed steps from received to each status. */
const PATH_TO: Record<CaseStatus, CaseStatus[]> = {
  received: [],
  under_assessment: ['under_assessment'],
  measures_in_progress: ['under_assessment', 'measures_in_progress'],
  monitoring: ['under_assessment', 'monitoring'],
  closed: ['under_assessment', 'closed'],
  inadmissible: ['inadmissible'],
};

async function caseAt(status: CaseStatus): Promise<string> {
  const caseId = await newCase();
  for (const step of PATH_TO[status]) {
    const response = await supervisor.post(`/api/cases/${caseId}/status`, change(step));
    expect(response.status).toBe(201);
  }
  return caseId;
}

describe('the workflow', () => {
  it('allows exactly the shared state machine’s steps, for a supervisor, each recorded with who, when and why', async () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const caseId = await caseAt(from);
        const response = await supervisor.post(`/api/cases/${caseId}/status`, change(to));
        const allowed = TRANSITIONS[from].includes(to);
        expect({ from, to, status: response.status }).toEqual({ from, to, status: allowed ? 201 : 409 });
        const detail = await view(supervisor, caseId);
        expect(detail.index.status).toBe(allowed ? to : from);
        if (!allowed) {
          expect(await fieldsOf(response)).toEqual({ to: "Ce changement de statut n'est pas possible depuis le statut actuel." });
          continue;
        }
        const last = detail.entries.at(-1);
        expect(last).toMatchObject({ kind: 'status_changed', author: { id: supervisor.id, name: 'Superviseure Test' }, data: { from, to } });
        expect(Date.now() - Date.parse(last?.at ?? '')).toBeLessThan(60_000);
      }
    }
    // 36 cases walked through ~100 status changes: past a minute when the machine is shared.
  }, 300_000);

  it('closes only with an outcome and the defender informed', async () => {
    const caseId = await caseAt('under_assessment');
    const noOutcome = await supervisor.post(`/api/cases/${caseId}/status`, { to: 'closed', reason: 'Fin.', defenderInformed: true });
    expect(noOutcome.status).toBe(409);
    expect(await fieldsOf(noOutcome)).toEqual({ outcome: 'Pour clore le dossier, indiquez son issue.' });
    const notInformed = await supervisor.post(`/api/cases/${caseId}/status`, { to: 'closed', reason: 'Fin.', outcome: 'released' });
    expect(notInformed.status).toBe(409);
    expect(Object.keys(await fieldsOf(notInformed))).toEqual(['defenderInformed']);
    expect((await view(supervisor, caseId)).index.status).toBe('under_assessment');
  });

  it('keeps a disappearance open unless a supervisor records why', async () => {
    const caseId = await newCase({ threatTypes: ['abduction_disappearance'] });
    expect((await onCallCaseworker.post(`/api/cases/${caseId}/status`, change('under_assessment'))).status).toBe(201);
    const stillMissing = { to: 'closed', reason: 'Sans nouvelles.', outcome: 'still_missing', defenderInformed: true };
    const byCaseworker = await onCallCaseworker.post(`/api/cases/${caseId}/status`, { ...stillMissing, overrideReason: 'Famille partie.' });
    expect(byCaseworker.status).toBe(409);
    expect(Object.keys(await fieldsOf(byCaseworker))).toEqual(['overrideReason']);
    expect((await supervisor.post(`/api/cases/${caseId}/status`, stillMissing)).status).toBe(409);
    expect((await supervisor.post(`/api/cases/${caseId}/status`, { ...stillMissing, overrideReason: 'La famille demande la clôture.' })).status).toBe(201);
    // Found alive: anyone may close with that outcome.
    const other = await newCase({ threatTypes: ['abduction_disappearance'] });
    await onCallCaseworker.post(`/api/cases/${other}/status`, change('under_assessment'));
    expect((await onCallCaseworker.post(`/api/cases/${other}/status`, { ...stillMissing, outcome: 'located' })).status).toBe(201);
  });

  it('lets only a supervisor declare a case inadmissible or reopen it', async () => {
    const caseId = await newCase();
    const refused = await onCallCaseworker.post(`/api/cases/${caseId}/status`, change('inadmissible'));
    expect(refused.status).toBe(409);
    expect(await fieldsOf(refused)).toEqual({ to: 'Seul un superviseur peut déclarer un dossier irrecevable ou rouvrir un dossier.' });
    expect((await supervisor.post(`/api/cases/${caseId}/status`, change('inadmissible'))).status).toBe(201);
    expect((await onCallCaseworker.post(`/api/cases/${caseId}/status`, change('under_assessment'))).status).toBe(409);
    expect((await supervisor.post(`/api/cases/${caseId}/status`, change('under_assessment'))).status).toBe(201);
  });

  it('refuses a status change without a reason, with the field named', async () => {
    const caseId = await newCase();
    const response = await supervisor.post(`/api/cases/${caseId}/status`, { to: 'under_assessment', reason: '' });
    expect(response.status).toBe(400);
    expect(Object.keys(await fieldsOf(response))).toEqual(['reason']);
  });
});

describe('risk assessment', () => {
  const factors = { threats: { score: 4, note: 'Menaces de mort répétées.' }, vulnerabilities: { score: 3 }, capacities: { score: 1 } };

  it('suggests extreme for 4 × 3 ÷ 1 and records the confirmed level, urgency and reassessment date in the index', async () => {
    const caseId = await newCase();
    const response = await supervisor.post(`/api/cases/${caseId}/assessments`, {
      ...factors,
      level: 'extreme',
      urgentProcedure: true,
      reassessmentDue: '2030-06-30',
    });
    expect(response.status).toBe(201);
    const detail = await view(supervisor, caseId);
    expect(detail.index).toMatchObject({ riskLevel: 'extreme', urgent: true, assessmentDue: '2030-07-01T00:00:00.000Z' });
    expect(detail.entries.at(-1)).toMatchObject({ kind: 'risk_assessed', data: { suggested: 'extreme', score: 12, level: 'extreme' } });
  });

  it('refuses a level other than the suggestion without a written reason, and accepts it with one', async () => {
    const caseId = await newCase();
    const override = { ...factors, level: 'ordinary', urgentProcedure: false, reassessmentDue: '2030-01-31' };
    const refused = await supervisor.post(`/api/cases/${caseId}/assessments`, override);
    expect(refused.status).toBe(400);
    expect(await fieldsOf(refused)).toEqual({ overrideReason: 'Le niveau retenu diffère du niveau suggéré : expliquez pourquoi.' });
    expect((await view(supervisor, caseId)).index.riskLevel).toBe('unknown');
    const accepted = await supervisor.post(`/api/cases/${caseId}/assessments`, { ...override, overrideReason: 'Menaces anciennes, personne relogée.' });
    expect(accepted.status).toBe(201);
    const detail = await view(supervisor, caseId);
    expect(detail.index.riskLevel).toBe('ordinary');
    // Reassessments keep their history.
    await supervisor.post(`/api/cases/${caseId}/assessments`, { ...factors, level: 'extreme', urgentProcedure: true, reassessmentDue: '2030-02-28' });
    const history = (await view(supervisor, caseId)).entries.filter((entry) => entry.kind === 'risk_assessed');
    expect(history.map((entry) => (entry.data as { level: string }).level)).toEqual(['ordinary', 'extreme']);
  });
});

describe('first contact, legal bases and measures', () => {
  it('a reached contact meets the first-contact target; an unanswered one does not', async () => {
    const caseId = await newCase({}, true);
    await supervisor.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'phone', result: 'phone_off' });
    expect((await view(supervisor, caseId)).index.firstContactDue).not.toBeNull();
    const reached = await supervisor.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'signal', result: 'reached', nextContactOn: '2030-01-02' });
    expect(reached.status).toBe(201);
    const detail = await view(supervisor, caseId);
    expect(detail.index.firstContactDue).toBeNull();
    expect(detail.index.nextContactAt).toBe('2030-01-02T09:00:00.000Z');
    expect(detail.entries.filter((e) => e.kind === 'contact_attempt').map((e) => (e.data as { result: string }).result)).toEqual(['phone_off', 'reached']);
  });

  it('refuses a contact attempt dated in the future', async () => {
    const caseId = await newCase();
    const response = await supervisor.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'phone', result: 'reached', at: '2099-01-01T10:00:00Z' });
    expect(response.status).toBe(400);
    expect(Object.keys(await fieldsOf(response))).toEqual(['at']);
  });

  it('cites legal bases from the reference list only, and withdraws them with a reason', async () => {
    const caseId = await newCase();
    const unknown = await supervisor.post(`/api/cases/${caseId}/legal-bases`, { basis: 'law_2018_003_art_99' });
    expect(unknown.status).toBe(400);
    expect(await fieldsOf(unknown)).toEqual({ basis: "Ce fondement juridique n'est pas dans la liste." });
    const cited = await supervisor.post(`/api/cases/${caseId}/legal-bases`, { basis: 'law_2018_003_art_15', note: 'Proches menacés.' });
    expect(cited.status).toBe(201);
    await supervisor.post(`/api/cases/${caseId}/legal-bases`, { basis: 'law_2018_003_art_5' });
    let detail = await view(supervisor, caseId);
    expect(detail.legalBases.map((b) => b.basis)).toEqual(['law_2018_003_art_15', 'law_2018_003_art_5']);
    const citationId = detail.legalBases[1]?.citationId;
    expect((await supervisor.post(`/api/cases/${caseId}/legal-bases/withdraw`, { citationId, reason: 'Pas de poursuites.' })).status).toBe(201);
    detail = await view(supervisor, caseId);
    expect(detail.legalBases.map((b) => b.basis)).toEqual(['law_2018_003_art_15']);
  });

  it('tracks measures with owner, due date and status, and the earliest open due date in the index', async () => {
    const caseId = await newCase();
    const owner = (await (await supervisor.get('/api/assignees')).json()) as { id: string; name: string }[];
    const ownerId = owner.find((a) => a.name === 'Chargé Test')?.id;
    expect(ownerId).toBeDefined();
    await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'legal_assistance', ownerId, due: '2030-03-10', notes: 'Avocat contacté.' });
    await supervisor.post(`/api/cases/${caseId}/measures`, { measure: 'medical_care', due: '2030-03-05' });
    let detail = await view(supervisor, caseId);
    expect(detail.index.measureDue).toBe('2030-03-06T00:00:00.000Z');
    expect(detail.measures).toEqual([
      expect.objectContaining({ measure: 'legal_assistance', ownerId, ownerName: 'Chargé Test', due: '2030-03-10', status: 'planned', overdue: false }),
      expect.objectContaining({ measure: 'medical_care', ownerId: null, due: '2030-03-05', status: 'planned' }),
    ]);
    const visit = detail.measures[1]?.id;
    expect((await supervisor.patch(`/api/cases/${caseId}/measures/${visit}`, { status: 'done' })).status).toBe(201);
    detail = await view(supervisor, caseId);
    expect(detail.measures[1]?.status).toBe('done');
    expect(detail.index.measureDue).toBe('2030-03-11T00:00:00.000Z');
    expect((await supervisor.patch(`/api/cases/${caseId}/measures/${randomUuid()}`, { status: 'done' })).status).toBe(404);
    expect((await supervisor.patch(`/api/cases/${caseId}/measures/${visit}`, {})).status).toBe(400);
  });
});

describe('assignment and access', () => {
  it('a caseworker without a grant gets no content; assignment grants the case and shows on the list', async () => {
    const caseId = await newCase({ region: 'mopti' });
    const before = await caseworker.get(`/api/cases/${caseId}`);
    expect(before.status).toBe(403);
    expect(await before.text()).not.toContain('mopti');
    expect((await caseworker.post(`/api/cases/${caseId}/notes`, { body: 'Essai.' })).status).toBe(403);

    // A caseworker who is not on call cannot assign, even a case they hold.
    const assignees = (await (await supervisor.get('/api/assignees')).json()) as { id: string; name: string }[];
    const caseworkerId = assignees.find((a) => a.name === 'Chargé Test')?.id as string;
    const assigned = await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworkerId });
    expect(assigned.status).toBe(201);
    const detail = await view(caseworker, caseId);
    expect(detail.categories.region).toBe('mopti');
    expect(detail.index.assignedToName).toBe('Chargé Test');
    expect(detail.canAssign).toBe(false);
    expect((await caseworker.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworkerId })).status).toBe(403);
    const mine = (await (await caseworker.get('/api/cases?assignment=mine')).json()) as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(caseId);
  });

  it('the on-call caseworker holds new cases and may assign them; an uncertified assignee is refused', async () => {
    const caseId = await newCase({}, true);
    expect((await view(onCallCaseworker, caseId)).canAssign).toBe(true);
    const refused = await onCallCaseworker.post(`/api/cases/${caseId}/assignment`, { assigneeId: randomUuid() });
    expect(refused.status).toBe(400);
    expect(Object.keys(await fieldsOf(refused))).toEqual(['assigneeId']);
    const assignees = (await (await onCallCaseworker.get('/api/assignees')).json()) as { id: string; name: string }[];
    const assigneeId = assignees.find((a) => a.name === 'Chargé Test')?.id;
    expect((await onCallCaseworker.post(`/api/cases/${caseId}/assignment`, { assigneeId })).status).toBe(201);
    expect((await view(caseworker, caseId)).entries.at(-1)).toMatchObject({ kind: 'assigned', data: { assigneeName: 'Chargé Test' } });
  });
});

describe('notes, drafts and the journal’s integrity', () => {
  it('keeps a draft encrypted for its author only, and drops it when the note is saved', async () => {
    const canary = `brouillon-${randomBytes(8).toString('hex')}`;
    const caseId = await newCase();
    expect((await supervisor.request('PUT', `/api/cases/${caseId}/draft`, { body: { body: canary } })).status).toBe(204);
    expect((await view(supervisor, caseId)).draft).toBe(canary);
    expect((await view(onCallCaseworker, caseId)).draft).toBeNull();
    const dump = await databaseDump(ownerUrlOf(portal));
    for (const form of encodings(canary)) expect(dump.includes(form)).toBe(false);

    expect((await supervisor.post(`/api/cases/${caseId}/notes`, { body: canary })).status).toBe(201);
    const detail = await view(supervisor, caseId);
    expect(detail.draft).toBeNull();
    expect(detail.entries.at(-1)).toMatchObject({ kind: 'note', data: { body: canary } });
    const after = await databaseDump(ownerUrlOf(portal));
    for (const form of encodings(canary)) expect(after.includes(form)).toBe(false);
  });

  it('detects a journal entry deleted or rolled back in SQL', async () => {
    const caseId = await newCase();
    await supervisor.post(`/api/cases/${caseId}/notes`, { body: 'Première note.' });
    await supervisor.post(`/api/cases/${caseId}/notes`, { body: 'Seconde note.' });
    await asOwner(portal, 'DELETE FROM case_entry WHERE case_id = $1 AND seq = 2', [caseId]);
    const response = await supervisor.get(`/api/cases/${caseId}`);
    expect(response.status).toBe(409);
    expect(ErrorBody.parse(await response.json()).error.code).toBe('INTEGRITY_FAILED');
    expect((await supervisor.post(`/api/cases/${caseId}/notes`, { body: 'Après.' })).status).toBe(409);
  });

  it('sends a message to the defender as the protection team', async () => {
    const caseId = await newCase();
    expect((await supervisor.post(`/api/cases/${caseId}/messages`, { body: 'Nous vous rappelons ce soir.' })).status).toBe(201);
    const thread = (await view(supervisor, caseId)).thread;
    expect(thread.at(-1)).toMatchObject({ from: 'protection_team', kind: 'message', body: 'Nous vous rappelons ce soir.' });
  });

  it('names a downloaded attachment by the case reference and its number among the case files, never by the sender', async () => {
    const keyed = await createStaffWithKeys(portal.app, ['supervisor']);
    const caseId = await newCase();
    const files = portal.app.get(CaseFiles);
    const fileIds = [
      await files.attach(keyed, caseId, [randomBytes(2_000)], { name: 'C:\\temoin\\nom-du-defenseur.jpg', type: 'image/jpeg' }),
      await files.attach(keyed, caseId, [randomBytes(2_000)], { name: 'deuxieme.jpg', type: 'image/jpeg' }),
    ];
    const { reference } = (await view(supervisor, caseId)).index;
    const nameOf = async (fileId: string) => {
      const response = await supervisor.get(`/api/cases/${caseId}/attachments/${fileId}`);
      expect(response.status).toBe(200);
      return response.headers.get('content-disposition');
    };
    const names = [];
    for (const fileId of fileIds) names.push(await nameOf(fileId));
    // Files are kept to the hour (docs/CLEAR-COLUMNS.md): within one hour the number follows the file's id, and never changes.
    expect([...names].sort()).toEqual([1, 2].map((number) => `attachment; filename="${reference}-piece-${number}.jpg"`));
    for (const [index, fileId] of fileIds.entries()) expect(await nameOf(fileId)).toBe(names[index]);
    // A file of another case is not found through this one.
    expect((await supervisor.get(`/api/cases/${await newCase()}/attachments/${fileIds[0]}`)).status).toBe(404);
  });
});

describe('assisted intake', () => {
  const request = {
    summary: 'Appel reçu : le journaliste a été interpellé ce matin.',
    rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
    contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
    consent: { processing: true },
  };

  it('files a request by its channel; the caseworker who typed it holds it; a retry is not duplicated', async () => {
    const key = randomBytes(16).toString('hex');
    const body = { channel: 'phone', request };
    const first = await caseworker.request('POST', '/api/assisted-requests', { body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { caseId: string; reference: string; receipt: string | null; urgent: boolean };
    const retry = await caseworker.request('POST', '/api/assisted-requests', { body, headers: { 'Idempotency-Key': key } });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(receipt);
    expect(receipt.urgent).toBe(true);
    expect(receipt.receipt?.replace(/\D/g, '').length).toBeGreaterThanOrEqual(20);
    const detail = await view(caseworker, receipt.caseId);
    expect(detail.categories.channel).toBe('phone');
    // The filer holds what they filed: responsible for it, in "Mes dossiers", until a supervisor reassigns it.
    expect(detail.index.assignedTo).toBe(caseworker.id);
    const mine = (await (await caseworker.get('/api/cases?assignment=mine')).json()) as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(receipt.caseId);
    const callbacks = (await (await supervisor.get('/api/cases?channel=phone')).json()) as { items: { id: string }[] };
    expect(callbacks.items.map((i) => i.id)).toContain(receipt.caseId);
    const withheld = await caseworker.post('/api/assisted-requests', { channel: 'in_person', withholdReceipt: true, request });
    expect(((await withheld.json()) as { receipt: string | null }).receipt).toBeNull();
  });

  it('is validated like the public form, each bad field named', async () => {
    const bad = await caseworker.post('/api/assisted-requests', { channel: 'carrier_pigeon', request: { ...request, summary: '' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(await fieldsOf(bad)).sort()).toEqual(['channel', 'request.summary']);
  });
});

describe('reference lists', () => {
  it('are seeded with French and English labels, uncertain articles marked', async () => {
    const data = (await (await supervisor.get('/api/reference')).json()) as { items: { list: string; code: string; uncertain: boolean; labelFr: string }[] };
    const legal = data.items.filter((item) => item.list === 'legal_basis');
    expect(legal.find((item) => item.code === 'law_2018_003_art_15')?.uncertain).toBe(false);
    expect(legal.filter((item) => item.uncertain).map((item) => item.code)).toEqual(['law_2018_003_art_16', 'law_2018_003_art_18', 'law_2018_003_art_19']);
    expect(data.items.filter((item) => item.list === 'region')).toHaveLength(22);
  });
});

function randomUuid(): string {
  return crypto.randomUUID();
}
