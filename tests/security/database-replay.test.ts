/**
 * The database writer who cannot forge but can replay (docs/SECURITY.md,
 * T7, anchors outside the database): each attack is made in plain SQL — with
 * the application's own role where that role can do it, as the superuser
 * where it needs more (the audit log's triggers) — against a running portal,
 * then the portal is used as staff and defenders would. Each replay is
 * detected, and none of them gets a seal, a grant or a sign-in to anyone.
 */
import pg from 'pg';
import { AuditCheckpointView, AuditVerification, CaseList, IntegrityStatus } from '@mnpddh/shared';
import { chainValues } from '../../apps/api/src/audit/audit.service.js';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { auditChainHash, deriveAuditChainKey, SigningKeyPair } from '../../apps/api/src/crypto/index.js';
import { readSessionCookie } from '../../apps/api/src/auth/session-cookie.js';
import { SessionService } from '../../apps/api/src/auth/session.service.js';
import { rebuildEscrowKey } from '../../apps/api/src/custodian/escrow-steps.js';
import { OverdueScan } from '../../apps/api/src/notify/overdue-scan.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { plainContent } from '../factories/case-content.js';
import {
  asOwner,
  createAdmin,
  createStaff,
  FAST_PASSWORDS,
  nextTotp,
  postLogin,
  signIn,
  type CreatedStaff,
  type StaffClient,
  type StaffCredentials,
} from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let admin: StaffClient;
let supervisor: StaffClient;
let auditor: StaffClient;
let caseworker: StaffClient;
let custodians: CreatedStaff[];

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  admin = await signIn(portal, await createAdmin(portal, 'Admin Intégrité'));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Superviseure de garde' })).client;
  auditor = (await createStaff(portal, admin, { roles: ['auditor'], name: 'Auditrice' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé de dossier' })).client;
  custodians = [await createStaff(portal, admin, { roles: ['custodian'] }), await createStaff(portal, admin, { roles: ['custodian'] })];
  await portal.app.get(EscrowService).create(
    null,
    custodians.map((custodian) => custodian.client.id),
  );
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

/** SQL with the portal's own database role: what an SQL injection or a leaked DATABASE_URL gives. */
async function asApp(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Who a case's keys were sealed to: staff ids, and 'escrow' for the escrow key. */
async function sealedTo(caseId: string): Promise<string[]> {
  const rows = await asOwner<{ recipient_id: string | null }>(portal, "SELECT recipient_id FROM case_key_grant WHERE case_id = $1 AND key_kind = 'case'", [
    caseId,
  ]);
  return rows.map((row) => row.recipient_id ?? 'escrow').sort();
}

async function integrity(): Promise<IntegrityStatus> {
  const response = await admin.get('/api/integrity');
  expect(response.status).toBe(200);
  return IntegrityStatus.parse(await response.json());
}

/** The admin acknowledges the incident (after the attack is undone, as they would once they restored or checked). */
async function acknowledge(): Promise<void> {
  const response = await admin.post('/api/integrity/acknowledge');
  expect(response.status).toBe(200);
  expect(IntegrityStatus.parse(await response.json()).incident).toBeNull();
}

async function newCase(): Promise<string> {
  return (await vault.createCase({ urgent: true, content: plainContent() })).caseId;
}

async function listed(client: StaffClient, caseId: string, filter = '') {
  const response = await client.get(`/api/cases?pageSize=100${filter ? `&${filter}` : ''}`);
  expect(response.status).toBe(200);
  return CaseList.parse(await response.json()).items.find((item) => item.id === caseId);
}

/** The case listed intact, filtered and not, before an attack: the list's memos (verified rows, decrypted categories) hold it. */
async function listedWarm(caseId: string): Promise<void> {
  expect((await listed(supervisor, caseId))?.integrityFailed).toBe(false);
  expect((await listed(supervisor, caseId, 'region=bamako'))?.integrityFailed).toBe(false);
}

async function signInStatus(credentials: StaffCredentials): Promise<number> {
  return (await postLogin(portal, { email: credentials.email, password: credentials.password, totp: await nextTotp(credentials.totpSecret) })).status;
}

async function openFollowUp(receipt: string): Promise<number> {
  const response = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  return response.status;
}

/** A journal write that matters: an extreme risk assessment. */
async function assessExtreme(caseId: string): Promise<void> {
  const response = await supervisor.post(`/api/cases/${caseId}/assessments`, {
    threats: { score: 4, note: 'Menaces de mort répétées.' },
    vulnerabilities: { score: 3 },
    capacities: { score: 1 },
    level: 'extreme',
    urgentProcedure: true,
    reassessmentDue: '2030-06-30',
  });
  expect(response.status).toBe(201);
}

/** The case row's columns and its journal, copied aside by the attacker (superuser: a copy of the database). */
async function snapshotCase(caseId: string, name: string): Promise<void> {
  await asOwner(portal, `CREATE TABLE ${name}_case AS SELECT * FROM protection_case WHERE id = $1`, [caseId]);
  await asOwner(portal, `CREATE TABLE ${name}_entries AS SELECT * FROM case_entry WHERE case_id = $1`, [caseId]);
}

/** Puts `columns` of the case row (all of them by default) and, with the journal, its entries back as copied. */
async function replayCase(caseId: string, name: string, options: { columns?: string[]; journal: boolean }): Promise<void> {
  const all = await asOwner<{ column_name: string }>(
    portal,
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'protection_case' AND column_name <> 'id'",
  );
  const columns = (options.columns ?? all.map((row) => row.column_name)).map((column) => `"${column}"`).join(', ');
  await asOwner(portal, `UPDATE protection_case SET (${columns}) = (SELECT ${columns} FROM ${name}_case) WHERE id = $1`, [caseId]);
  if (options.journal) {
    await asOwner(portal, 'DELETE FROM case_entry WHERE case_id = $1', [caseId]);
    await asOwner(portal, `INSERT INTO case_entry SELECT * FROM ${name}_entries`);
  }
}

describe('a replayed directory', () => {
  it('a deactivated supervisor re-activated in SQL gets no seal, no grant and no sign-in', async () => {
    const revoked = await createStaff(portal, admin, { roles: ['supervisor'], onCall: true, name: 'Superviseur révoqué' });
    expect(await sealedTo(await newCase())).toContain(revoked.client.id);
    expect((await admin.post(`/api/admin/staff/${revoked.client.id}/deactivate`)).status).toBe(200);

    await asApp('UPDATE staff_user SET active = true WHERE id = $1', [revoked.client.id]);

    const urgent = await newCase();
    expect(await sealedTo(urgent)).not.toContain(revoked.client.id);
    expect(await sealedTo(urgent)).toContain(supervisor.id);
    expect((await supervisor.post(`/api/cases/${urgent}/assignment`, { assigneeId: revoked.client.id })).status).toBe(409);
    expect(await signInStatus(revoked.credentials)).toBe(401);
    expect((await integrity()).incident).toBeNull();
  });
});

describe('a replayed receipt', () => {
  it('a revoked receipt whose revoked_at is cleared still answers like an unknown one', async () => {
    const created = await vault.createCase({ urgent: false, content: plainContent() });
    const receipts = await supervisor.get(`/api/cases/${created.caseId}/receipts`);
    const [receipt] = ((await receipts.json()) as { items: { id: string }[] }).items;
    expect((await supervisor.post(`/api/cases/${created.caseId}/receipts/${receipt?.id}/revoke`, { reason: 'coercion' })).status).toBe(201);
    expect(await openFollowUp(created.receipt)).toBe(404);

    await asApp('UPDATE receipt SET revoked_at = NULL WHERE id = $1', [receipt?.id]);

    expect(await openFollowUp(created.receipt)).toBe(404);
  });
});

describe('a replayed escrow key state', () => {
  it('the escrow key marked inactive: intake still accepts and seals to it, an incident opens, no staff member gets a seal until acknowledged', async () => {
    const held = await newCase();
    await asApp('UPDATE escrow_key SET active = false');

    const caseId = await newCase();
    expect(await sealedTo(caseId)).toEqual(['escrow']);
    expect((await integrity()).incident).toMatchObject({ kind: 'escrow_state' });
    expect((await supervisor.post(`/api/cases/${held}/assignment`, { assigneeId: caseworker.id })).status).toBe(409);
    expect(await sealedTo(held)).not.toContain(caseworker.id);

    await asOwner(portal, 'UPDATE escrow_key SET active = true');
    await acknowledge();
    expect(await sealedTo(await newCase())).toEqual(['escrow', supervisor.id].sort());
  });
});

describe('a case put back to an earlier revision', () => {
  it('the whole case rolled back (row and journal, every MAC valid) is refused on opening, flagged in the list and not written on', async () => {
    const caseId = await newCase();
    await snapshotCase(caseId, 'before_risk');
    await assessExtreme(caseId);
    await listedWarm(caseId);

    await replayCase(caseId, 'before_risk', { journal: true });

    expect((await supervisor.get(`/api/cases/${caseId}`)).status).toBe(409);
    expect((await listed(supervisor, caseId))?.integrityFailed).toBe(true);
    expect((await listed(supervisor, caseId, 'region=bamako'))?.integrityFailed).toBe(true);
    expect((await supervisor.post(`/api/cases/${caseId}/status`, { to: 'under_assessment', reason: 'Suite.' })).status).toBe(409);
  });

  it('an older index row replayed under the current revision is flagged in the list, refused on opening, and alerted by the overdue scan', async () => {
    const caseId = await newCase();
    await snapshotCase(caseId, 'old_index');
    await assessExtreme(caseId);
    const indexColumns = [
      'status',
      'urgent',
      'risk_level',
      'first_contact_due',
      'assessment_due',
      'next_contact_at',
      'measure_due',
      'assigned_to',
      'index_mac',
    ];
    const present = await asOwner<{ column_name: string }>(portal, "SELECT column_name FROM information_schema.columns WHERE table_name = 'protection_case'");
    const columns = indexColumns.filter((column) => present.some((row) => row.column_name === column));

    await listedWarm(caseId);

    await replayCase(caseId, 'old_index', { columns, journal: false });

    expect((await listed(supervisor, caseId))?.integrityFailed).toBe(true);
    expect((await listed(supervisor, caseId, 'region=bamako'))?.integrityFailed).toBe(true);
    expect((await supervisor.get(`/api/cases/${caseId}`)).status).toBe(409);
    await portal.app.get(OverdueScan).run();
    const alerts = await asOwner<{ dedupe_key: string }>(portal, 'SELECT dedupe_key FROM alert WHERE case_id = $1', [caseId]);
    expect(alerts.some((alert) => alert.dedupe_key.startsWith(`integrity:${caseId}:`))).toBe(true);
  });
});

describe('a backdated journal', () => {
  it('a journal entry whose clear created_at is moved back three days shows the time sealed inside it, and still opens', async () => {
    const caseId = await newCase();
    await assessExtreme(caseId);
    const shown = async () => {
      const response = await supervisor.get(`/api/cases/${caseId}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { entries: { at: string }[] }).entries.map((entry) => entry.at);
    };
    const before = await shown();
    expect(before.length).toBeGreaterThan(0);
    // "First contact made within target": the writer moves the clear hour back (the app role may update case_entry).
    await asApp("UPDATE case_entry SET created_at = created_at - interval '3 days' WHERE case_id = $1", [caseId]);
    expect(await shown()).toEqual(before);
  });
});

describe('a replayed audit log', () => {
  /** Attacks on the log need the superuser (the app role may only insert and select; triggers guard the rest). */
  async function withoutTriggers(sql: string, params: unknown[] = []): Promise<void> {
    await asOwner(portal, 'ALTER TABLE audit_event DISABLE TRIGGER ALL');
    await asOwner(portal, 'ALTER TABLE audit_checkpoint DISABLE TRIGGER ALL');
    try {
      await asOwner(portal, sql, params);
    } finally {
      await asOwner(portal, 'ALTER TABLE audit_event ENABLE TRIGGER ALL');
      await asOwner(portal, 'ALTER TABLE audit_checkpoint ENABLE TRIGGER ALL');
    }
  }

  async function head(): Promise<number> {
    const [row] = await asOwner<{ seq: string }>(portal, 'SELECT max(seq)::text AS seq FROM audit_event');
    return Number(row?.seq);
  }

  /** After an audit-log incident: nobody but escrow receives a new case, and admins can still sign in to acknowledge. */
  async function expectFrozen(kind: string): Promise<void> {
    expect((await integrity()).incident).toMatchObject({ kind });
    const caseId = await newCase();
    expect(await sealedTo(caseId)).toEqual(['escrow']);
  }

  it('a truncated tail: the database is behind its anchor', async () => {
    await newCase();
    const seq = await head();
    await withoutTriggers('DELETE FROM audit_event WHERE seq > $1', [seq - 3]);

    await expectFrozen('behind');
    await acknowledge();
    expect(await sealedTo(await newCase())).toContain(supervisor.id);
  });

  it("the latest checkpoint and the rows after the previous one deleted: behind the anchor, and the auditor's exported checkpoint does not match", async () => {
    expect((await auditor.post('/api/audit/checkpoints')).status).toBe(201);
    const previous = AuditCheckpointView.parse(await (await auditor.post('/api/audit/checkpoints')).json());
    await newCase();
    const exported = AuditCheckpointView.parse(await (await auditor.post('/api/audit/checkpoints')).json());

    await withoutTriggers(
      'DELETE FROM audit_checkpoint WHERE row_count > $1; DELETE FROM audit_event WHERE seq > $1'.replace(/\$1/g, String(previous.rowCount)),
    );

    // The database alone still looks consistent…
    const stored = AuditVerification.parse(await (await auditor.get('/api/audit/verify')).json());
    expect(stored).toMatchObject({ valid: true, checkpoint: { rowCount: previous.rowCount, matches: true } });
    // …not against what the auditor kept, nor against the anchor.
    const againstExport = AuditVerification.parse(await (await auditor.post('/api/audit/verify', { checkpoint: exported })).json());
    expect(againstExport).toMatchObject({ valid: false, firstBrokenId: String(exported.rowCount), exported: { signatureValid: true, matches: false } });
    await expectFrozen('behind');
    await acknowledge();
  });

  it("a row appended with the application's own role does not verify: an incident, and verification names it", async () => {
    const [last] = await asOwner<{ seq: string; hash: string }>(portal, 'SELECT seq::text AS seq, hash FROM audit_event ORDER BY audit_event.seq DESC LIMIT 1');
    const seq = Number(last?.seq) + 1;
    // The attacker knows the format, the algorithm and the previous hash, not the chain key: they key it with what a
    // deployment without its secret would use.
    const row = {
      seq: BigInt(seq),
      at: new Date(),
      actorId: null,
      action: 'staff.updated',
      targetType: null,
      targetId: null,
      details: {},
      prevHash: last?.hash as string,
    };
    const guessedKey = deriveAuditChainKey(new SigningKeyPair(Buffer.alloc(32)));
    await asApp(
      "INSERT INTO audit_event (seq, at, action, details, prev_hash, hash) VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', 'staff.updated', '{}', $3, $4)",
      [seq, row.at.toISOString(), row.prevHash, auditChainHash(guessedKey, row.prevHash, chainValues(row))],
    );

    await expectFrozen('forged');
    const verdict = AuditVerification.parse(await (await auditor.get('/api/audit/verify')).json());
    expect(verdict).toMatchObject({ valid: false, firstBrokenId: String(seq) });
    await acknowledge();
  });
});

describe('the escrow between two custodians', () => {
  /** Every string anywhere in the database (JSON columns walked), as a copy of it would hold them. */
  async function everyStoredString(): Promise<string[]> {
    const tables = await asOwner<{ table_name: string }>(
      portal,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const found: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        found.push(value);
        if (/^[[{]/.test(value)) {
          try {
            walk(JSON.parse(value));
          } catch {
            // not JSON: kept as the string it is
          }
        }
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    };
    for (const { table_name: table } of tables) {
      for (const row of await asOwner<{ row: unknown }>(portal, `SELECT row_to_json(t) AS row FROM "${table}" t`)) walk(row.row);
    }
    return found;
  }

  it("after the first custodian's step, nothing in the database opens with the second custodian's key alone; the second step still works", async () => {
    const [first, second] = custodians as [CreatedStaff, CreatedStaff];
    const requested = await first.client.post('/api/custodian/operations', { kind: 'reseal_escrow' });
    expect(requested.status).toBe(201);
    const operation = (await requested.json()) as { id: string };

    const session = await portal.app.get(SessionService).resume(readSessionCookie({ headers: { cookie: second.client.cookie } }), new Date());
    const [escrow] = await asOwner<{ public_key: string }>(portal, 'SELECT public_key FROM escrow_key WHERE active');
    const context = { tenant: 'ml-mnpddh', escrowPublicKey: escrow?.public_key as string };
    const strings = await everyStoredString();
    expect(strings.length).toBeGreaterThan(100);
    const opening = strings.filter((value) => {
      try {
        rebuildEscrowKey({ innerUserId: second.client.id, value }, session?.staff.keyPair as never, context).destroy();
        return true;
      } catch {
        return false;
      }
    });
    expect(opening).toEqual([]);

    const completed = await second.client.post(`/api/custodian/operations/${operation.id}/complete`);
    expect(completed.status).toBe(200);
  });
});
