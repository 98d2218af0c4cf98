import { CaseDetail, ErrorBody, JOURNAL_PAGE_SIZE, JournalPage } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * The case view carries only the latest page of the journal; the older
 * entries come through GET /api/cases/:id/entries, checked and audited as an
 * open. What the page shows folded from the whole journal (documents, agenda
 * events) still covers the entries it does not carry, and the manifest over
 * every entry id is still verified on every open.
 */

const OLDER = 7;
const NOTES = JOURNAL_PAGE_SIZE + OLDER;

let portal: RunningPortal;
let vault: CaseVaultService;
let supervisor: StaffClient;
let caseworker: StaffClient;
let colleague: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Journal' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé sans accès' })).client;
  // A second supervisor: every case is sealed to both at intake.
  colleague = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseur Collègue' })).client;
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

/** A case whose first entry is a hearing, then `notes` notes numbered from 1. */
async function caseWithJournal(notes: number): Promise<string> {
  const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
  expect((await supervisor.post(`/api/cases/${caseId}/agenda-events`, { kind: 'court_hearing', on: '2031-03-04' })).status).toBe(201);
  for (let n = 1; n <= notes; n += 1) {
    expect((await supervisor.post(`/api/cases/${caseId}/notes`, { body: `Note ${n}` })).status).toBe(201);
  }
  return caseId;
}

async function view(caseId: string): Promise<CaseDetail> {
  const response = await supervisor.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function olderPage(caseId: string, before: number): Promise<JournalPage> {
  const response = await supervisor.get(`/api/cases/${caseId}/entries?before=${before}`);
  expect(response.status).toBe(200);
  return JournalPage.parse(await response.json());
}

async function decryptedAudits(caseId: string): Promise<number> {
  const rows = await asOwner<{ n: string }>(portal, `SELECT count(*) AS n FROM audit_event WHERE action = 'case.decrypted' AND target_id = $1`, [caseId]);
  return Number(rows[0]?.n);
}

describe('the journal, paged', () => {
  let caseId: string;

  beforeAll(async () => {
    caseId = await caseWithJournal(NOTES);
  }, 300_000);

  it('opens with only the latest page; the older entries arrive through their route, in order and complete; each page is audited as an open', async () => {
    const detail = await view(caseId);
    expect(detail.entries).toHaveLength(JOURNAL_PAGE_SIZE);
    expect(detail.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: JOURNAL_PAGE_SIZE }, (_, i) => NOTES + 1 - JOURNAL_PAGE_SIZE + 1 + i));
    expect(detail.olderEntriesBefore).toBe(detail.entries[0]?.seq);

    const audited = await decryptedAudits(caseId);
    const older: CaseDetail['entries'] = [];
    let before = detail.olderEntriesBefore;
    while (before !== null) {
      const page = await olderPage(caseId, before);
      older.unshift(...page.entries);
      before = page.olderEntriesBefore;
    }
    expect(await decryptedAudits(caseId)).toBe(audited + 1);

    const journal = [...older, ...detail.entries];
    expect(journal.map((entry) => entry.seq)).toEqual(Array.from({ length: NOTES + 1 }, (_, i) => i + 1));
    expect(journal[0]).toMatchObject({ kind: 'agenda_event', author: { name: 'Superviseure Journal' } });
    expect(journal.slice(1).map((entry) => (entry.kind === 'note' ? entry.data.body : null))).toEqual(Array.from({ length: NOTES }, (_, i) => `Note ${i + 1}`));
  }, 120_000);

  it('folds what the page shows from the whole journal: the hearing on an older page still stands on the agenda', async () => {
    const detail = await view(caseId);
    expect(detail.entries.some((entry) => entry.kind === 'agenda_event')).toBe(false);
    expect(detail.agendaEvents).toEqual([expect.objectContaining({ kind: 'court_hearing', on: '2031-03-04', cancelled: false })]);
  }, 120_000);

  it('refuses a page to a caseworker without a grant, and a cursor that is not a sequence number, field by field', async () => {
    expect((await caseworker.get(`/api/cases/${caseId}/entries?before=2`)).status).toBe(403);
    const refused = await supervisor.get(`/api/cases/${caseId}/entries?before=abc`);
    expect(refused.status).toBe(400);
    expect(ErrorBody.parse(await refused.json()).error.fields?.map((field) => field.field)).toEqual(['before']);
  }, 120_000);
});

describe('the journal’s integrity, beyond the page shown', () => {
  it('detects on open an older entry changed in SQL, though the page does not carry it', async () => {
    const caseId = await caseWithJournal(JOURNAL_PAGE_SIZE + 2);
    // The second note's ciphertext put in the first note's row: valid under the case key, bound to another row.
    await asOwner(portal, `UPDATE case_entry SET body = (SELECT body FROM case_entry WHERE case_id = $1 AND seq = 3) WHERE case_id = $1 AND seq = 2`, [caseId]);
    const response = await supervisor.get(`/api/cases/${caseId}`);
    expect(response.status).toBe(409);
    expect(ErrorBody.parse(await response.json()).error.code).toBe('INTEGRITY_FAILED');
  }, 300_000);

  it('detects on open, and on the page route, an older entry deleted in SQL', async () => {
    const caseId = await caseWithJournal(JOURNAL_PAGE_SIZE + 2);
    await asOwner(portal, 'DELETE FROM case_entry WHERE case_id = $1 AND seq = 2', [caseId]);
    for (const path of [`/api/cases/${caseId}`, `/api/cases/${caseId}/entries?before=4`]) {
      const response = await supervisor.get(path);
      expect(response.status).toBe(409);
      expect(ErrorBody.parse(await response.json()).error.code).toBe('INTEGRITY_FAILED');
    }
  }, 300_000);
});

describe('the journal kept for the session', () => {
  it('serves no stale journal after another staff member writes: their hearing and note show at the next open', async () => {
    const caseId = await caseWithJournal(JOURNAL_PAGE_SIZE + 2);
    // Opened, then written by the same session: the journal is kept under the new revision.
    await view(caseId);
    expect((await supervisor.post(`/api/cases/${caseId}/notes`, { body: 'Note de la superviseure' })).status).toBe(201);
    expect((await view(caseId)).entries.at(-1)).toMatchObject({ kind: 'note', data: { body: 'Note de la superviseure' } });

    expect((await colleague.post(`/api/cases/${caseId}/agenda-events`, { kind: 'detention_review', on: '2031-05-06' })).status).toBe(201);
    expect((await colleague.post(`/api/cases/${caseId}/notes`, { body: 'Note du collègue' })).status).toBe(201);
    const detail = await view(caseId);
    expect(detail.entries.at(-1)).toMatchObject({ kind: 'note', data: { body: 'Note du collègue' }, author: { name: 'Superviseur Collègue' } });
    expect(detail.agendaEvents.map((event) => event.kind)).toEqual(['court_hearing', 'detention_review']);

    // A write decides on the current journal too: the colleague's hearing can be cancelled by the supervisor.
    const review = detail.agendaEvents.find((event) => event.kind === 'detention_review');
    expect((await supervisor.post(`/api/cases/${caseId}/agenda-events/${review?.id}/cancel`, { reason: 'Reportée.' })).status).toBe(201);
    expect((await view(caseId)).agendaEvents.find((event) => event.id === review?.id)?.cancelled).toBe(true);
  }, 300_000);

  it('still detects an entry changed in SQL on the page shown, though the journal is kept', async () => {
    const caseId = await caseWithJournal(3);
    await view(caseId);
    await asOwner(portal, `UPDATE case_entry SET body = (SELECT body FROM case_entry WHERE case_id = $1 AND seq = 3) WHERE case_id = $1 AND seq = 2`, [caseId]);
    const response = await supervisor.get(`/api/cases/${caseId}`);
    expect(response.status).toBe(409);
    expect(ErrorBody.parse(await response.json()).error.code).toBe('INTEGRITY_FAILED');
  }, 300_000);
});
