/**
 * The partner directory against a database writer (T7): a referral sheet
 * goes to the partner the directory names, with how to reach them. A writer
 * who rewrites a partner's contact (to an address of their own), inserts a
 * partner, puts back an older signed version, or wipes the signature hoping
 * the next start signs it again gets an entry marked "changed outside the
 * portal", to which no consent or referral can be addressed.
 */
import { ErrorBody, PartnerList, type Partner } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient, type StaffCredentials } from '../support/staff.js';
import { createTestDatabase } from '../support/test-database.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

const SLOW_MS = 180_000;

let portal: RunningPortal;
let env: NodeJS.ProcessEnv;
let admin: StaffClient;
let supervisor: StaffClient;
let adminCredentials: StaffCredentials;
let supervisorCredentials: StaffCredentials;
let caseId: string;

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
  adminCredentials = await createAdmin(portal);
  admin = await signIn(portal, adminCredentials);
  const created = await createStaff(portal, admin, { roles: ['supervisor'], onCall: true });
  supervisor = created.client;
  supervisorCredentials = created.credentials;
  caseId = (await portal.app.get(CaseVaultService).createCase({ urgent: false, content: plainContent() })).caseId;
}, SLOW_MS);

afterAll(async () => {
  await portal?.close();
}, SLOW_MS);

async function directory(): Promise<Partner[]> {
  const response = await supervisor.get('/api/partners');
  expect(response.status).toBe(200);
  return PartnerList.parse(await response.json()).items;
}

const byName = async (name: string) => (await directory()).find((partner) => partner.name === name) as Partner;

/** A consent naming the partner: refused with its reason unless the entry is the mechanism's. */
async function consentNaming(partnerId: string): Promise<{ status: number; fields: string[] }> {
  const response = await supervisor.post(`/api/cases/${caseId}/consents`, {
    givenBy: 'defender',
    how: 'phone',
    recipient: 'partner',
    partnerId,
    purpose: 'Aide d’urgence.',
    fields: ['identity'],
    confirmedWithDefender: true,
  });
  if (response.status === 201) return { status: 201, fields: [] };
  return { status: response.status, fields: (ErrorBody.parse(await response.json()).error.fields ?? []).map((field) => field.field) };
}

it(
  'signs the seeded directory: every entry intact, and a consent may name one',
  async () => {
    const entries = await directory();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((partner) => partner.altered)).toEqual([]);
    expect((await consentNaming((entries[0] as Partner).id)).status).toBe(201);
  },
  SLOW_MS,
);

it(
  'marks a contact rewritten in SQL and refuses a consent naming it',
  async () => {
    const target = await byName('Front Line Defenders');
    await asOwner(portal, "UPDATE partner SET contact_notes = 'Écrire à bureau-securite@example.org' WHERE id = $1", [target.id]);
    expect((await byName('Front Line Defenders')).altered).toBe(true);
    expect(await consentNaming(target.id)).toEqual({ status: 400, fields: ['partnerId'] });
  },
  SLOW_MS,
);

it(
  'marks a partner inserted in SQL with another entry’s signature',
  async () => {
    const [model] = await asOwner<{ revision: number; signature: string }>(
      portal,
      "SELECT revision, signature FROM partner WHERE name = 'ProtectDefenders.eu'",
    );
    await asOwner(
      portal,
      "INSERT INTO partner (id, name, kind, contact_notes, active, revision, signature, updated_at) VALUES (gen_random_uuid(), 'Fonds d’urgence (faux)', 'emergency_fund', 'Envoyer au 70 00 00 00', true, $1, $2, now())",
      [model?.revision, model?.signature],
    );
    const planted = await byName('Fonds d’urgence (faux)');
    expect(planted.altered).toBe(true);
    expect((await consentNaming(planted.id)).status).toBe(400);
  },
  SLOW_MS,
);

it(
  'marks an older signed version put back after an admin’s change',
  async () => {
    const target = await byName('International Service for Human Rights (ISHR)');
    const [before] = await asOwner<{ contact_notes: string | null; revision: number; signature: string }>(
      portal,
      'SELECT contact_notes, revision, signature FROM partner WHERE id = $1',
      [target.id],
    );
    const changed = await admin.request('PUT', `/api/admin/partners/${target.id}`, {
      body: { name: target.name, kind: target.kind, contactNotes: 'Signal : +41 00 000 00 00', active: true },
    });
    expect(changed.status).toBe(200);
    expect((await byName(target.name)).altered).toBe(false);
    await asOwner(portal, 'UPDATE partner SET contact_notes = $2, revision = $3, signature = $4 WHERE id = $1', [
      target.id,
      before?.contact_notes,
      before?.revision,
      before?.signature,
    ]);
    expect((await byName(target.name)).altered).toBe(true);
    expect((await consentNaming(target.id)).status).toBe(400);
  },
  SLOW_MS,
);

it(
  'does not sign again, at the next start, an entry whose signature was wiped',
  async () => {
    const target = await byName('Coalition malienne des défenseurs des droits humains');
    await asOwner(portal, "UPDATE partner SET contact_notes = 'Passer par notre intermédiaire', revision = 0, signature = '' WHERE id = $1", [target.id]);
    await portal.close();
    portal = await startPortal(env);
    admin = await signIn(portal, adminCredentials);
    supervisor = await signIn(portal, supervisorCredentials);
    expect((await byName(target.name)).altered).toBe(true);
    // What the admin sees, and mends by saving the entry again.
    const mended = await admin.request('PUT', `/api/admin/partners/${target.id}`, { body: { name: target.name, kind: target.kind, active: true } });
    expect(mended.status).toBe(200);
    expect((await byName(target.name)).altered).toBe(false);
  },
  SLOW_MS,
);

it(
  'keeps a fresh portal’s directory intact across a restart (nothing altered by the start itself)',
  async () => {
    const fresh = await startTestPortal({ ...FAST_PASSWORDS });
    try {
      const again = await signIn(fresh, await createAdmin(fresh));
      const response = await again.get('/api/partners');
      expect(PartnerList.parse(await response.json()).items.filter((partner) => partner.altered)).toEqual([]);
    } finally {
      await fresh.close();
    }
  },
  SLOW_MS,
);
