import { ActivationLink, CaseDetail, CaseList, ErrorBody } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import {
  activate,
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  signIn,
  strongPassphrase,
  type CreatedStaff,
  type StaffClient,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let admin: StaffClient;
let supervisor: StaffClient;
let caseworker: CreatedStaff;
let caseId: string;
/** The caseworker signed in again after the reset (undefined until the reset test ran). */
let back: StaffClient | undefined;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Accès' })).client;
  caseworker = await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé Réinitialisé' });
  caseId = (await portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() })).caseId;
  expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId: caseworker.client.id })).status).toBe(201);
});

afterAll(async () => {
  await portal?.close();
});

async function listed(): Promise<CaseList['items'][number] | undefined> {
  const response = await supervisor.get('/api/cases?pageSize=100');
  expect(response.status).toBe(200);
  return CaseList.parse(await response.json()).items.find((item) => item.id === caseId);
}

async function detail(): Promise<CaseDetail> {
  const response = await supervisor.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function refusalOf(response: Response): Promise<{ status: number; message: string; fields: Record<string, string> }> {
  const body = ErrorBody.parse(await response.json());
  return { status: response.status, message: body.error.message, fields: Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message])) };
}

const restore = () => supervisor.post(`/api/cases/${caseId}/assignee-access`, {});
const assignmentEntries = async () => (await detail()).entries.filter((entry) => entry.kind === 'assigned').length;

describe('a responsible person who lost access', () => {
  it('is marked on the list and the case page after a password reset, and gets the access back in one grant without a second assignment', async () => {
    expect(await listed()).toMatchObject({ assignedTo: caseworker.client.id, assigneeLostAccess: false });
    expect((await detail()).index.assigneeLostAccess).toBe(false);
    expect(await refusalOf(await restore())).toMatchObject({ status: 422, fields: { caseId: expect.stringContaining('peut déjà l’ouvrir') } });

    const issued = await admin.post(`/api/admin/staff/${caseworker.client.id}/reset-password`, { escrowRiskAccepted: true });
    expect(issued.status).toBe(201);
    expect(await listed()).toMatchObject({ assignedTo: caseworker.client.id, assigneeLostAccess: true });
    expect((await detail()).index.assigneeLostAccess).toBe(true);

    // Not yet back: nothing to seal to, and the refusal says what to wait for.
    const early = await refusalOf(await restore());
    expect(early).toMatchObject({ status: 422, fields: { caseId: expect.stringContaining('nouveau mot de passe') } });

    const password = strongPassphrase();
    expect((await activate(portal, ActivationLink.parse(await issued.json()), password)).status).toBe(200);
    back = await signIn(portal, { ...caseworker.credentials, password });
    expect((await back.get(`/api/cases/${caseId}`)).status).toBe(403);
    expect(await listed()).toMatchObject({ assigneeLostAccess: true });

    const before = await assignmentEntries();
    const restored = await restore();
    expect(restored.status).toBe(201);
    expect(await restored.json()).toEqual({ assigneeId: caseworker.client.id });
    expect((await back.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect(await listed()).toMatchObject({ assignedTo: caseworker.client.id, assigneeLostAccess: false });
    // No duplicate assignment in the journal; the grant is audited as a grant.
    expect(await assignmentEntries()).toBe(before);
    const granted = await asOwner<{ details: { recipientId: string } }>(
      portal,
      `SELECT details FROM audit_event WHERE action = 'case.granted' AND target_id = $1`,
      [caseId],
    );
    expect(granted.some((row) => row.details.recipientId === caseworker.client.id)).toBe(true);
  });

  it('refuses the caseworker, who may not assign, and a case nobody is responsible for, each with its reason', async () => {
    // Signed in again if the reset above ran (it ended the first session); the first session when this test runs alone.
    const signedIn = back ?? caseworker.client;
    const caseworkerRefused = await refusalOf(await signedIn.post(`/api/cases/${caseId}/assignee-access`, {}));
    expect(caseworkerRefused).toMatchObject({ status: 403, fields: { caseId: expect.stringContaining('attribuent les dossiers') } });
    const unassigned = (await portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() })).caseId;
    const refused = await refusalOf(await supervisor.post(`/api/cases/${unassigned}/assignee-access`, {}));
    expect(refused).toMatchObject({ status: 422, fields: { caseId: expect.stringContaining('attribuez-le') } });
  });
});
