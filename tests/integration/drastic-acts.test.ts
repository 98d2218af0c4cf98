/**
 * Two people for drastic acts: deactivating or revoking for cause an admin,
 * a custodian or an auditor needs a request by one admin or supervisor and
 * the confirmation of another; the one who asked cannot confirm, nor can the
 * person concerned; the act is audited once, with both names; two people can
 * reinstate someone deactivated by mistake or under coercion, as a new
 * signed status.
 */
import { DrasticActList, DrasticActView, ErrorBody } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CurrentStaffMember } from '../../apps/api/src/common/current-staff.js';
import { DrasticActs } from '../../apps/api/src/drastic-acts/drastic-acts.service.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, nextTotp, postLogin, signIn, type CreatedStaff, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let admin: StaffClient;
let secondAdmin: CreatedStaff;
let supervisor: CreatedStaff;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  admin = await signIn(portal, await createAdmin(portal, 'Awa Traoré'));
  secondAdmin = await createStaff(portal, admin, { roles: ['admin'], name: 'Moussa Coulibaly' });
  supervisor = await createStaff(portal, admin, { roles: ['supervisor'], name: 'Fatoumata Keïta' });
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

async function refusal(response: Response): Promise<{ status: number; reason: string | undefined }> {
  const body = ErrorBody.parse(await response.json());
  return { status: response.status, reason: body.error.fields?.[0]?.message };
}

async function isActive(id: string): Promise<boolean> {
  const [row] = await asOwner<{ active: boolean }>(portal, 'SELECT active FROM staff_user WHERE id = $1', [id]);
  return row?.active ?? false;
}

async function ask(client: StaffClient, body: unknown): Promise<DrasticActView> {
  const response = await client.post('/api/admin/drastic-acts', body);
  expect(response.status).toBe(201);
  return DrasticActView.parse(await response.json());
}

async function auditOf(action: string, targetId: string) {
  return asOwner<{ actor_id: string; details: Record<string, unknown> }>(
    portal,
    'SELECT actor_id, details FROM audit_event WHERE action = $1 AND target_id = $2',
    [action, targetId],
  );
}

describe('one person alone', () => {
  it('cannot deactivate a custodian, an auditor or another admin, nor revoke them for cause', async () => {
    const custodian = await createStaff(portal, admin, { roles: ['custodian'] });
    const auditor = await createStaff(portal, admin, { roles: ['auditor'] });
    for (const target of [custodian, auditor, secondAdmin]) {
      expect(await refusal(await admin.post(`/api/admin/staff/${target.client.id}/deactivate`))).toMatchObject({
        status: 422,
        reason:
          'Désactiver ou révoquer un(e) administrateur(trice), un(e) dépositaire ou un(e) auditeur(trice) demande deux personnes : faites une demande, qu’un(e) autre administrateur(trice) ou superviseur(e) confirmera.',
      });
      expect(await refusal(await supervisor.client.post('/api/rekey/revocations', { staffId: target.client.id, reason: 'arrested' }))).toMatchObject({
        status: 422,
      });
      expect(await isActive(target.client.id)).toBe(true);
    }
    // A caseworker's deactivation stays one person's act.
    const caseworker = await createStaff(portal, admin, { roles: ['caseworker'] });
    expect((await admin.post(`/api/admin/staff/${caseworker.client.id}/deactivate`)).status).toBe(200);
  });
});

describe('two people', () => {
  it('deactivate a custodian: the one who asked cannot confirm, another does; one audit entry with both names', async () => {
    const custodian = await createStaff(portal, admin, { roles: ['custodian'], name: 'Kadiatou Diarra' });
    const act = await ask(admin, { kind: 'deactivate', staffId: custodian.client.id });
    expect(act).toMatchObject({ kind: 'deactivate', staffName: 'Kadiatou Diarra', requestedByName: 'Awa Traoré' });
    const listed = DrasticActList.parse(await (await supervisor.client.get('/api/admin/drastic-acts')).json());
    expect(listed.items.map((item) => item.id)).toContain(act.id);

    expect(await refusal(await admin.post(`/api/admin/drastic-acts/${act.id}/confirm`))).toMatchObject({
      status: 422,
      reason: 'Vous ne pouvez pas confirmer votre propre demande : une autre personne doit le faire.',
    });
    expect(await isActive(custodian.client.id)).toBe(true);

    expect((await supervisor.client.post(`/api/admin/drastic-acts/${act.id}/confirm`)).status).toBe(204);
    expect(await isActive(custodian.client.id)).toBe(false);
    const entries = await auditOf('staff.deactivated', custodian.client.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor_id: supervisor.client.id,
      details: { requestedBy: admin.id, requestedByName: 'Awa Traoré', confirmedBy: supervisor.client.id, confirmedByName: 'Fatoumata Keïta' },
    });
    // Done once: the request is gone.
    expect(await refusal(await secondAdmin.client.post(`/api/admin/drastic-acts/${act.id}/confirm`))).toMatchObject({
      status: 422,
      reason: 'Cette demande a expiré ou n’existe plus. Faites-en une nouvelle.',
    });
  });

  it('the person concerned cannot confirm a request about themselves', async () => {
    const act = await ask(supervisor.client, { kind: 'deactivate', staffId: secondAdmin.client.id });
    expect(await refusal(await secondAdmin.client.post(`/api/admin/drastic-acts/${act.id}/confirm`))).toMatchObject({
      status: 422,
      reason: 'Vous ne pouvez pas confirmer une demande qui vous concerne.',
    });
    expect(await isActive(secondAdmin.client.id)).toBe(true);
  });

  it('revoke an auditor for cause: done by the second person, both names in the one entry', async () => {
    const auditor = await createStaff(portal, admin, { roles: ['auditor'] });
    const act = await ask(supervisor.client, { kind: 'revoke_for_cause', staffId: auditor.client.id, reason: 'compromised' });
    expect((await admin.post(`/api/admin/drastic-acts/${act.id}/confirm`)).status).toBe(204);
    expect(await isActive(auditor.client.id)).toBe(false);
    const entries = await auditOf('staff.revoked_for_cause', auditor.client.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ reason: 'compromised', requestedBy: supervisor.client.id, confirmedBy: admin.id });
  });

  it('reinstate someone deactivated by mistake: two people, a new signed status, and they sign in again', async () => {
    const custodian = await createStaff(portal, admin, { roles: ['custodian'] });
    const deactivation = await ask(admin, { kind: 'deactivate', staffId: custodian.client.id });
    expect((await supervisor.client.post(`/api/admin/drastic-acts/${deactivation.id}/confirm`)).status).toBe(204);
    const { credentials } = custodian;
    const signInStatus = async () =>
      (await postLogin(portal, { email: credentials.email, password: credentials.password, totp: await nextTotp(credentials.totpSecret) })).status;
    expect(await signInStatus()).toBe(401);

    // Alone, nobody can: the reinstatement is a request too.
    const reinstatement = await ask(supervisor.client, { kind: 'reinstate', staffId: custodian.client.id });
    expect(await refusal(await supervisor.client.post(`/api/admin/drastic-acts/${reinstatement.id}/confirm`))).toMatchObject({ status: 422 });
    expect(await signInStatus()).toBe(401);
    expect((await admin.post(`/api/admin/drastic-acts/${reinstatement.id}/confirm`)).status).toBe(204);

    expect(await asOwner(portal, 'SELECT status, epoch FROM staff_status_statement WHERE staff_id = $1', [custodian.client.id])).toEqual([
      { status: 'active', epoch: 2 },
    ]);
    expect((await auditOf('staff.reinstated', custodian.client.id))[0]?.details).toMatchObject({ requestedBy: supervisor.client.id, confirmedBy: admin.id });
    expect(await signInStatus()).toBe(200);
  });

  it('a request expires: confirmed too late, nothing happens', async () => {
    const custodian = await createStaff(portal, admin, { roles: ['custodian'] });
    const acts = portal.app.get(DrasticActs);
    const asked = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const requester = { id: admin.id, name: 'Awa Traoré' } as CurrentStaffMember;
    const act = await acts.request(requester, { kind: 'deactivate', staffId: custodian.client.id }, asked);
    expect(await refusal(await supervisor.client.post(`/api/admin/drastic-acts/${act.id}/confirm`))).toMatchObject({
      status: 422,
      reason: 'Cette demande a expiré ou n’existe plus. Faites-en une nouvelle.',
    });
    expect(await isActive(custodian.client.id)).toBe(true);
  });
});
