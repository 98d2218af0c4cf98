/**
 * A deactivation is a signed fact, not only a flag and an anchored audit
 * row. The worst case for the anchor: the server lost its anchor file, and a
 * database superuser cut the audit log back to before the deactivation (a
 * shorter log verifies on its own), set `active` back and rewrote the
 * stored status to "active". The restarted portal has nothing outside the
 * database to compare with, yet the status no longer verifies under the
 * directory key: no sign-in, no seal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { PrismaService } from '../../apps/api/src/database/prisma.service.js';
import { SignedStaffStatus } from '../../apps/api/src/integrity/signed-staff-status.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { createTestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, nextTotp, postLogin, signIn, type CreatedStaff, type StaffClient } from '../support/staff.js';

const SLOW_MS = 180_000;

let portal: RunningPortal;
let env: NodeJS.ProcessEnv;
let deactivated: CreatedStaff;
let remaining: CreatedStaff;
let admin: StaffClient;

beforeAll(async () => {
  const database = await createTestDatabase();
  env = {
    ...testSecrets(),
    ...FAST_PASSWORDS,
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  };
  portal = await startPortal(env);
  admin = await signIn(portal, await createAdmin(portal));
  remaining = await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Superviseure restante' });
  deactivated = await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Superviseur désactivé' });
  expect((await admin.post(`/api/admin/staff/${deactivated.client.id}/deactivate`)).status).toBe(200);
}, SLOW_MS);

afterAll(async () => {
  await portal?.close();
}, SLOW_MS);

it(
  'a status verified while active and rewritten after the deactivation is verified again, not taken from memory',
  async () => {
    // The signed status alone, without the anchor that would also refuse: what its memo of verified statements allows.
    const signed = portal.app.get(SignedStaffStatus);
    const prisma = portal.app.get(PrismaService);
    const { client } = await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargée vérifiée puis désactivée' });
    // An active statement of their own (as a reinstatement writes), verified once and so remembered.
    await signed.record(prisma, client.id, 'active');
    expect(await signed.allows(prisma, client.id)).toBe(true);
    expect((await admin.post(`/api/admin/staff/${client.id}/deactivate`)).status).toBe(200);
    // The writer keeps the new epoch and its signature, and flips the status back.
    await asOwner(portal, "UPDATE staff_status_statement SET status = 'active' WHERE staff_id = $1", [client.id]);
    expect(await signed.allows(prisma, client.id)).toBe(false);
  },
  SLOW_MS,
);

it(
  'a deactivated supervisor put back in SQL, status row rewritten, audit tail cut and anchor lost: no sign-in, no seal',
  async () => {
    const id = deactivated.client.id;
    const [statement] = await asOwner<{ status: string; epoch: number }>(portal, 'SELECT status, epoch FROM staff_status_statement WHERE staff_id = $1', [id]);
    expect(statement).toEqual({ status: 'deactivated', epoch: 1 });
    const [cut] = await asOwner<{ seq: string }>(
      portal,
      "SELECT min(seq)::text AS seq FROM audit_event WHERE action = 'staff.deactivated' AND target_id = $1",
      [id],
    );
    await portal.close();

    // The writer, as superuser, with the portal stopped.
    await asOwner(portal, 'ALTER TABLE audit_event DISABLE TRIGGER ALL; ALTER TABLE audit_checkpoint DISABLE TRIGGER ALL');
    await asOwner(portal, `DELETE FROM audit_checkpoint WHERE row_count >= ${Number(cut?.seq)}; DELETE FROM audit_event WHERE seq >= ${Number(cut?.seq)}`);
    await asOwner(portal, 'ALTER TABLE audit_event ENABLE TRIGGER ALL; ALTER TABLE audit_checkpoint ENABLE TRIGGER ALL');
    await asOwner(portal, 'UPDATE staff_user SET active = true WHERE id = $1', [id]);
    await asOwner(portal, "UPDATE staff_status_statement SET status = 'active' WHERE staff_id = $1", [id]);
    // The server comes back without its anchor file.
    portal = await startPortal({ ...env, ANCHOR_FILE: join(mkdtempSync(join(tmpdir(), 'mnpddh-anchor-')), 'integrity-anchor.json') });

    const { credentials } = deactivated;
    const response = await postLogin(portal, { email: credentials.email, password: credentials.password, totp: await nextTotp(credentials.totpSecret) });
    expect(response.status).toBe(401);
    const { caseId } = await portal.app.get(CaseVaultService).createCase({ urgent: true, content: plainContent() });
    const sealed = await asOwner<{ recipient_id: string | null }>(portal, "SELECT recipient_id FROM case_key_grant WHERE case_id = $1 AND key_kind = 'case'", [
      caseId,
    ]);
    // Sealed to the team that is really active, not to the person put back.
    expect(sealed.map((row) => row.recipient_id)).toEqual([remaining.client.id]);
  },
  SLOW_MS,
);
