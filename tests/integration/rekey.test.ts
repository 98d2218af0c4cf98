/**
 * Revocation for cause: a caseworker is arrested; a supervisor
 * revokes them. Their account, sessions and grants end, and every case they
 * held is re-keyed: the request, journal, drafts, messages and file metadata
 * are re-encrypted under new keys, file keys re-wrapped, the live receipt
 * re-sealed and the revoked one left with nothing. Whatever the revoked
 * person kept (their old grant rows, their key pair) opens nothing written
 * under the new keys; everyone else goes on as before; an interrupted job
 * resumes without losing a case.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CaseDetail, ErrorBody, FollowUpView, IssuedReceipt, RekeyJobView } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { AppError } from '../../apps/api/src/common/app-error.js';
import { CaseWorkService } from '../../apps/api/src/cases/case-work.service.js';
import { decryptFieldText, openCaseKey } from '../../apps/api/src/crypto/index.js';
import { DirectoryService } from '../../apps/api/src/directory/directory.service.js';
import { RekeyJobs } from '../../apps/api/src/rekey/rekey-jobs.service.js';
import { CaseDrafts } from '../../apps/api/src/vault/case-drafts.js';
import { CaseFiles } from '../../apps/api/src/vault/case-files.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { canaryContent, plainContent } from '../factories/case-content.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let tenant: string;
let vault: CaseVaultService;
let supervisor: StaffClient;
let outsider: StaffClient;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  tenant = portal.app.get(DirectoryService).tenant;
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Révocation' })).client;
  outsider = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé sans le dossier' })).client;
});

afterAll(async () => {
  await portal?.close();
});

/** A caseworker as the vault sees them after sign-in (their key pair in memory). */
function asMember(staff: StaffWithKeys) {
  return { ...staff, name: 'Chargé arrêté', onCall: false } as never;
}

async function assign(caseId: string, assigneeId: string): Promise<void> {
  expect((await supervisor.post(`/api/cases/${caseId}/assignment`, { assigneeId })).status).toBe(201);
}

async function followUp(receipt: string): Promise<Response> {
  return fetch(`${portal.url}/api/follow-up/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt }) });
}

async function detail(caseId: string): Promise<CaseDetail> {
  const response = await supervisor.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

type CipherRows = { narrative: string; case_key_id: string; bodies: string[] };

async function ciphertextsOf(caseId: string): Promise<CipherRows> {
  const [row] = await asOwner<{ narrative: string; case_key_id: string }>(portal, 'SELECT narrative, case_key_id FROM protection_case WHERE id = $1', [caseId]);
  const bodies = await asOwner<{ body: string }>(
    portal,
    `SELECT body FROM case_entry WHERE case_id = $1 UNION ALL SELECT body FROM case_message WHERE case_id = $1
     UNION ALL SELECT body FROM case_draft WHERE case_id = $1 UNION ALL SELECT metadata FROM case_file WHERE case_id = $1`,
    [caseId],
  );
  return { ...(row as { narrative: string; case_key_id: string }), bodies: bodies.map((b) => b.body) };
}

describe('revocation for cause', () => {
  it('re-keys every case the revoked person held: they open nothing any more, the others and the defender carry on', async () => {
    const canary = `CANARY${randomBytes(5).toString('hex')}`;
    const arrested = await createStaffWithKeys(portal.app, ['caseworker']);
    const created = await vault.createCase({ urgent: true, content: canaryContent(canary) });
    const caseId = created.caseId;
    await assign(caseId, arrested.id);

    // The arrested caseworker worked on it: a note, a draft, an attachment. The team and the defender wrote.
    await portal.app.get(CaseWorkService).addNote(asMember(arrested), caseId, { body: `Note ${canary}` });
    await portal.app.get(CaseDrafts).save(arrested, caseId, `Brouillon ${canary}`);
    const photo = Buffer.concat([Buffer.from(`PHOTO ${canary}`), randomBytes(50_000)]);
    const fileId = await portal.app.get(CaseFiles).attach(arrested, caseId, [photo], { name: 'photo.jpg', type: 'image/jpeg' });
    expect((await supervisor.post(`/api/cases/${caseId}/messages`, { body: `Équipe ${canary}` })).status).toBe(201);
    const defender = await followUp(created.receipt);
    const defenderCookie = (defender.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(
      (
        await fetch(`${portal.url}/api/follow-up/messages`, {
          method: 'POST',
          headers: { cookie: defenderCookie, 'content-type': 'application/json' },
          body: JSON.stringify({ body: `Défenseur ${canary}` }),
        })
      ).status,
    ).toBe(201);
    // A second receipt, revoked (coercion): it must not come back to life with the new keys.
    const second = IssuedReceipt.parse(await (await supervisor.post(`/api/cases/${caseId}/receipts`, {})).json());
    expect((await supervisor.post(`/api/cases/${caseId}/receipts/${second.id}/revoke`, { reason: 'coercion' })).status).toBe(201);

    const before = await ciphertextsOf(caseId);
    const keptGrants = await asOwner<Record<string, unknown>>(portal, 'SELECT * FROM case_key_grant WHERE case_id = $1 AND recipient_id = $2', [
      caseId,
      arrested.id,
    ]);
    expect(keptGrants).toHaveLength(2);

    const response = await supervisor.post('/api/rekey/revocations', { staffId: arrested.id, reason: 'arrested' });
    expect(response.status).toBe(201);
    const job = RekeyJobView.parse(await response.json());
    expect(job).toMatchObject({ casesTotal: 1, casesLeft: 0, revokedStaffId: arrested.id });
    expect(job.finishedAt).not.toBeNull();

    // Their access is over: account off, grants gone.
    expect(await asOwner(portal, 'SELECT active FROM staff_user WHERE id = $1', [arrested.id])).toEqual([{ active: false }]);
    expect(await asOwner(portal, 'SELECT id FROM case_key_grant WHERE recipient_id = $1', [arrested.id])).toEqual([]);

    // Every ciphertext of the case changed: not one old value is left in the database (file chunks keep their own key).
    const after = await ciphertextsOf(caseId);
    expect(after.case_key_id).not.toBe(before.case_key_id);
    expect(after.bodies).toHaveLength(before.bodies.length);
    const dump = JSON.stringify(
      await asOwner(
        portal,
        'SELECT c.*, (SELECT json_agg(e) FROM case_entry e WHERE e.case_id = c.id) e, (SELECT json_agg(m) FROM case_message m WHERE m.case_id = c.id) m, (SELECT json_agg(f) FROM case_file f WHERE f.case_id = c.id) f, (SELECT json_agg(d) FROM case_draft d WHERE d.case_id = c.id) d FROM protection_case c WHERE c.id = $1',
        [caseId],
      ),
    );
    for (const old of [before.narrative, ...before.bodies]) expect(dump).not.toContain(old);

    // What they kept opens only the old key, which opens nothing of the case any more.
    const keptCaseGrant = keptGrants.find((g) => g.key_kind === 'case') as { sealed_key: string };
    const oldKey = openCaseKey(keptCaseGrant.sealed_key, 'case', { tenant: tenant, caseId }, arrested.keyPair);
    expect(oldKey.id).toBe(before.case_key_id);
    expect(() => decryptFieldText(oldKey, after.narrative, { tenant: tenant, caseId, table: 'protection_case', rowId: caseId, field: 'narrative' })).toThrow();
    oldKey.destroy();
    // Even with their account back and their old grant rows restored in SQL (a doctored restore), the case does not open.
    await asOwner(portal, 'UPDATE staff_user SET active = true WHERE id = $1', [arrested.id]);
    for (const grant of keptGrants) {
      await asOwner(
        portal,
        'INSERT INTO case_key_grant (id, case_id, key_kind, recipient_id, escrow_key_id, recipient_public_key, sealed_key, granted_by, granter_certificate, signature, created_at) VALUES ($1,$2,$3::key_kind,$4,$5,$6,$7,$8,$9,$10,$11)',
        [
          grant.id,
          grant.case_id,
          grant.key_kind,
          grant.recipient_id,
          grant.escrow_key_id,
          grant.recipient_public_key,
          grant.sealed_key,
          grant.granted_by,
          grant.granter_certificate,
          grant.signature,
          grant.created_at,
        ],
      );
    }
    const refused = await vault.openCase(arrested, caseId).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('INTEGRITY_FAILED');
    await asOwner(portal, 'DELETE FROM case_key_grant WHERE recipient_id = $1', [arrested.id]);
    await asOwner(portal, 'UPDATE staff_user SET active = false WHERE id = $1', [arrested.id]);

    // The supervisor reads everything: request, the arrested colleague's note, both sides of the thread, the file unaltered.
    const opened = await detail(caseId);
    const text = JSON.stringify(opened);
    for (const expected of [`Mon frère a été arrêté hier soir`, `Note ${canary}`, `Équipe ${canary}`, `Défenseur ${canary}`]) expect(text).toContain(expected);
    const download = await supervisor.get(`/api/cases/${caseId}/attachments/${fileId}`);
    expect(download.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(photo).digest('hex'));

    // The defender's session held the old thread key: it ended. Their receipt opens the re-keyed thread; the revoked one still does not.
    expect((await fetch(`${portal.url}/api/follow-up`, { headers: { cookie: defenderCookie } })).status).toBe(401);
    const reopened = await followUp(created.receipt);
    expect(reopened.status).toBe(200);
    const view = FollowUpView.parse(await reopened.json());
    expect(view.thread.map((m) => m.body)).toEqual(expect.arrayContaining([`Équipe ${canary}`, `Défenseur ${canary}`]));
    const cookie = (reopened.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(
      (
        await fetch(`${portal.url}/api/follow-up/messages`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ body: 'Après le changement de clés' }),
        })
      ).status,
    ).toBe(201);
    expect(JSON.stringify(await detail(caseId))).toContain('Après le changement de clés');
    expect((await followUp(second.receipt)).status).toBe((await followUp('1111 2222 3333 4444 5555 6666')).status);

    // Audited by counts and reason only.
    const audit = await asOwner<{ action: string; details: unknown }>(
      portal,
      "SELECT action, details FROM audit_event WHERE action IN ('staff.revoked_for_cause', 'case.rekeyed') AND (target_id = $1 OR target_id = $2)",
      [caseId, arrested.id],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['case.rekeyed', 'staff.revoked_for_cause']);
    expect(JSON.stringify(audit)).not.toContain(canary);
    expect(audit.find((a) => a.action === 'case.rekeyed')?.details).toMatchObject({ reason: 'arrested', receiptsResealed: 1, receiptsToReissue: 0 });
  });

  it('an interrupted job loses no case and resumes where it stopped', async () => {
    const departed = await createStaffWithKeys(portal.app, ['caseworker']);
    const caseIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
      await assign(caseId, departed.id);
      caseIds.push(caseId);
    }
    const jobs = portal.app.get(RekeyJobs);
    jobs.afterCase = (done) => {
      if (done === 1) throw new Error('simulated crash after the first case');
    };
    try {
      expect((await supervisor.post('/api/rekey/revocations', { staffId: departed.id, reason: 'departed' })).status).toBe(500);
    } finally {
      jobs.afterCase = null;
    }
    const listed = RekeyJobView.array().parse(await (await supervisor.get('/api/rekey/jobs')).json());
    const job = listed.find((j) => j.revokedStaffId === departed.id) as RekeyJobView;
    expect(job).toMatchObject({ casesTotal: 3, casesLeft: 2, finishedAt: null });
    // Names beside the ids: who was revoked and who asked.
    expect(job).toMatchObject({ requestedByName: 'Superviseure Révocation', revokedStaffName: 'Agent caseworker' });
    // Midway, every case opens: one under its new keys, two under their old ones.
    for (const caseId of caseIds) expect((await supervisor.get(`/api/cases/${caseId}`)).status).toBe(200);

    const resumed = await supervisor.post(`/api/rekey/jobs/${job.id}/resume`, {});
    expect(resumed.status).toBe(201);
    expect(RekeyJobView.parse(await resumed.json())).toMatchObject({ casesLeft: 0 });
    for (const caseId of caseIds) expect((await detail(caseId)).narrative).toBe(plainContent().narrative);
    const rekeyed = await asOwner<{ n: string }>(
      portal,
      "SELECT count(*) AS n FROM audit_event WHERE action = 'case.rekeyed' AND target_id = ANY($1::text[])",
      [caseIds],
    );
    expect(Number(rekeyed[0]?.n)).toBe(3);
  });

  it('a case is re-keyed on its own only by someone who holds it', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
    const refused = await outsider.post(`/api/rekey/cases/${caseId}`, { reason: 'receipt_compromised' });
    expect(refused.status).toBe(404);
    expect(ErrorBody.parse(await refused.json()).error.code).toBe('NOT_FOUND');
    const [{ case_key_id: before }] = (await asOwner<{ case_key_id: string }>(portal, 'SELECT case_key_id FROM protection_case WHERE id = $1', [caseId])) as [
      { case_key_id: string },
    ];
    const done = await supervisor.post(`/api/rekey/cases/${caseId}`, { reason: 'receipt_compromised' });
    expect(done.status).toBe(201);
    expect(RekeyJobView.parse(await done.json())).toMatchObject({ casesTotal: 1, casesLeft: 0, revokedStaffId: null });
    const [{ case_key_id: after }] = (await asOwner<{ case_key_id: string }>(portal, 'SELECT case_key_id FROM protection_case WHERE id = $1', [caseId])) as [
      { case_key_id: string },
    ];
    expect(after).not.toBe(before);
    expect((await detail(caseId)).narrative).toBe(plainContent().narrative);
  });
});
