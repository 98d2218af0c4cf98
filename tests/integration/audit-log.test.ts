/**
 * The audit log: list and filter, CSV and JSON export, chain
 * verification against the latest signed checkpoint. The attacks are made
 * directly in SQL as the database owner, who can switch the append-only
 * triggers off; each test puts the log back as it was afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { AuditCheckpointView, AuditEventPage, AuditVerification } from '@mnpddh/shared';
import { chainValues } from '../../apps/api/src/audit/audit.service.js';
import { CheckpointScheduler } from '../../apps/api/src/audit/checkpoint-scheduler.js';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import {
  auditChainHash,
  deriveAuditChainKey,
  generateSigningKeyPair,
  parseAuditCheckpointKey,
  signAuditCheckpoint,
  verifyAuditCheckpoint,
} from '../../apps/api/src/crypto/index.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { canaryContent } from '../factories/case-content.js';
import { encodings } from '../support/leaks.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal, testSecrets } from '../support/test-portal.js';

const secrets = testSecrets();
/** The worst case for these tests: an attacker who also learnt the chain key (the checkpoints must still catch them). */
const chainKey = deriveAuditChainKey(parseAuditCheckpointKey(secrets.AUDIT_CHECKPOINT_KEY).value);
let portal: RunningPortal;
let admin: StaffClient;
let auditor: StaffClient;
let supervisor: StaffClient;
let caseworker: StaffClient;
const canary = `CANARY${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  portal = await startTestPortal({ ...secrets, ...FAST_PASSWORDS });
  admin = await signIn(portal, await createAdmin(portal, 'Aminata Admin'));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], onCall: true })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'] })).client;
  auditor = (await createStaff(portal, admin, { roles: ['auditor'], name: '=Fatou Auditrice' })).client;
  // A case full of the canary: its creation is logged, its content must never be.
  await portal.app.get(CaseVaultService).createCase({ urgent: true, content: canaryContent(canary) });
});

afterAll(async () => {
  await portal?.close();
});

async function json<T>(client: StaffClient, path: string, parse: { parse(value: unknown): T }): Promise<T> {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  return parse.parse(await response.json());
}

const events = (query = '') => json(auditor, `/api/audit/events${query}`, AuditEventPage);
const verify = () => json(auditor, '/api/audit/verify', AuditVerification);

async function signCheckpoint(client: StaffClient = auditor): Promise<AuditCheckpointView> {
  const response = await client.post('/api/audit/checkpoints');
  expect(response.status).toBe(201);
  return AuditCheckpointView.parse(await response.json());
}

async function rowCount(): Promise<number> {
  const [row] = await asOwner<{ count: string }>(portal, 'SELECT count(*) AS count FROM audit_event');
  return Number(row?.count);
}

/**
 * Runs an attack as the owner (the append-only triggers off while it runs),
 * checks what verification says, then restores the log and its checkpoints
 * exactly as they were.
 */
async function underAttack(attack: () => Promise<unknown>, check: () => Promise<void>): Promise<void> {
  await asOwner(portal, 'CREATE TABLE audit_event_saved AS SELECT * FROM audit_event');
  const [saved] = await asOwner<{ id: string }>(portal, 'SELECT coalesce(max(id), 0)::text AS id FROM audit_checkpoint');
  try {
    await asOwner(portal, 'ALTER TABLE audit_event DISABLE TRIGGER ALL');
    await attack();
    await asOwner(portal, 'ALTER TABLE audit_event ENABLE TRIGGER ALL');
    await check();
  } finally {
    await asOwner(
      portal,
      `ALTER TABLE audit_event DISABLE TRIGGER ALL;
       ALTER TABLE audit_checkpoint DISABLE TRIGGER ALL;
       DELETE FROM audit_event;
       INSERT INTO audit_event SELECT * FROM audit_event_saved;
       DROP TABLE audit_event_saved;
       DELETE FROM audit_checkpoint WHERE id > ${Number(saved?.id)};
       ALTER TABLE audit_event ENABLE TRIGGER ALL;
       ALTER TABLE audit_checkpoint ENABLE TRIGGER ALL;`,
    );
  }
}

/** `count` well-chained events appended in one statement (as the service would, only faster). */
async function appendChained(count: number): Promise<void> {
  const [head] = await asOwner<{ seq: string; hash: string }>(portal, 'SELECT seq::text AS seq, hash FROM audit_event ORDER BY audit_event.seq DESC LIMIT 1');
  const columns: [string[], string[], string[], string[]] = [[], [], [], []];
  let previous = head?.hash as string;
  for (let n = 1; n <= count; n++) {
    const row = {
      seq: BigInt(head?.seq as string) + BigInt(n),
      at: new Date(),
      actorId: null,
      action: 'auth.logout',
      targetType: null,
      targetId: null,
      details: {},
      prevHash: previous,
    };
    previous = auditChainHash(chainKey, previous, chainValues(row));
    [String(row.seq), row.at.toISOString(), row.prevHash, previous].forEach((value, index) => columns[index as 0]?.push(value));
  }
  await asOwner(
    portal,
    `INSERT INTO audit_event (seq, at, action, details, prev_hash, hash)
       SELECT seq, at AT TIME ZONE 'UTC', 'auth.logout', '{}', prev_hash, hash
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[]) AS t(seq, at, prev_hash, hash)`,
    columns,
  );
}

/** SQL as the owner, for an attack. */
const sql =
  (text: string, params: unknown[] = []) =>
  () =>
    asOwner(portal, text, params);

describe('listing the audit log', () => {
  test('newest first, with actor names resolved', async () => {
    const page = await events();
    expect(page.total).toBe(await rowCount());
    expect(Number(page.items[0]?.seq)).toBe(page.total);
    const invite = page.items.find((item) => item.action === 'staff.invited');
    expect(invite).toMatchObject({ actorId: admin.id, actorName: 'Aminata Admin', targetType: 'staff' });
  });

  test('filters by action, by actor and by date', async () => {
    const invited = await events('?action=staff.invited');
    const [logged] = await asOwner<{ n: string }>(portal, "SELECT count(*) AS n FROM audit_event WHERE action = 'staff.invited'");
    expect(invited.total).toBe(Number(logged?.n));
    expect(invited.total).toBeGreaterThanOrEqual(3);
    expect(invited.items.every((item) => item.action === 'staff.invited')).toBe(true);

    const byAuditor = await events(`?actorId=${auditor.id}`);
    expect(byAuditor.total).toBeGreaterThan(0);
    expect(byAuditor.items.every((item) => item.actorId === auditor.id)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await events(`?from=${today}&to=${today}`)).total).toBe(await rowCount());
    expect((await events(`?to=${yesterday}`)).total).toBe(0);
    expect((await events(`?from=${today}&action=staff.invited&actorId=${admin.id}`)).total).toBe(3);
  });

  test('pages do not overlap', async () => {
    const [first, second] = [await events('?pageSize=2&page=1'), await events('?pageSize=2&page=2')];
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    const seqs = [...first.items, ...second.items].map((item) => Number(item.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(4);
  });

  test('a malformed filter is refused', async () => {
    expect((await auditor.get('/api/audit/events?actorId=nobody')).status).toBe(400);
    expect((await auditor.get('/api/audit/events?pageSize=100000')).status).toBe(400);
    expect((await auditor.get('/api/audit/events?unknown=1')).status).toBe(400);
    expect((await auditor.get('/api/audit/events/export?format=xml')).status).toBe(400);
  });
});

describe('exporting the audit log', () => {
  test('CSV: metadata, every row, no case content; the export is itself audited', async () => {
    const response = await auditor.get('/api/audit/events/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="journal-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines).toContain("meta,generatedBy,'=Fatou Auditrice");
    expect(lines).toContain('meta,generatedByRoles,auditor');
    const header = lines.indexOf('seq,at,actorId,actorName,action,targetType,targetId,details,prevHash,hash');
    // The export's own event is written before the first byte, so the file holds it.
    expect(lines.length - header - 1).toBe(await rowCount());
    expect(lines.at(-1)).toMatch(/^\d+,[^,]+,[0-9a-f-]{36},'=Fatou Auditrice,export\.created,export,,/);
    expect(text).toContain('case.created');
    for (const form of encodings(canary)) expect(Buffer.from(text).includes(form)).toBe(false);
  });

  test('JSON, filtered: the metadata names the filters, the events match them', async () => {
    const response = await auditor.get(`/api/audit/events/export?format=json&action=staff.invited&actorId=${admin.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.json"$/);
    const text = await response.text();
    const body = JSON.parse(text) as { meta: Record<string, unknown>; events: { action: string; actorName: string; hash: string }[] };
    expect(body.meta).toMatchObject({
      kind: 'audit_log',
      generatedBy: { name: '=Fatou Auditrice', roles: ['auditor'] },
      filters: { action: 'staff.invited', actorId: admin.id },
    });
    expect(body.events).toHaveLength(3);
    expect(body.events.every((event) => event.action === 'staff.invited' && event.actorName === 'Aminata Admin')).toBe(true);
    for (const form of encodings(canary)) expect(Buffer.from(text).includes(form)).toBe(false);

    const audited = await events('?action=export.created');
    expect(audited.items[0]).toMatchObject({ actorId: auditor.id, details: { kind: 'audit_log', format: 'json', action: 'staff.invited', actorId: admin.id } });
  });

  test('a large log streams whole', async () => {
    const before = await rowCount();
    await underAttack(
      // 3 000 more rows (an export does not check hashes; the next append only needs a well-formed head).
      sql(
        `INSERT INTO audit_event (seq, at, action, details, prev_hash, hash)
           SELECT $1::bigint + n, now(), 'auth.login', '{}', head.hash, head.hash
             FROM generate_series(1, 3000) AS n, (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS head`,
        [before],
      ),
      async () => {
        const response = await admin.get('/api/audit/events/export?format=json');
        expect(response.status).toBe(200);
        const body = (await response.json()) as { events: unknown[] };
        expect(body.events).toHaveLength(before + 3000 + 1);
      },
    );
  });
});

describe('verifying the chain', () => {
  test('a clean log verifies, against a checkpoint that verifies off the server', async () => {
    const checkpoint = await signCheckpoint();
    expect(checkpoint.rowCount).toBe(await rowCount());
    expect(checkpoint.publicKey).toBe(parseAuditCheckpointKey(secrets.AUDIT_CHECKPOINT_KEY).value.publicKey);
    expect(() => verifyAuditCheckpoint(checkpoint, checkpoint.signature, checkpoint.publicKey)).not.toThrow();
    expect(await json(admin, '/api/audit/checkpoints/latest', AuditCheckpointView)).toEqual(checkpoint);
    // The checkpoint covers its own event.
    expect((await events('?action=audit.checkpoint')).items[0]).toMatchObject({ seq: String(checkpoint.rowCount), actorId: auditor.id });

    const verdict = await verify();
    expect(verdict).toEqual({
      valid: true,
      checked: await rowCount(),
      firstBrokenId: null,
      checkpoint: { rowCount: checkpoint.rowCount, headHash: checkpoint.headHash, signedAt: checkpoint.signedAt, matches: true },
      exported: null,
    });
  });

  test('a long log is read in batches: a row past the first batch is checked too', async () => {
    await appendChained(2100);
    const total = await rowCount();
    expect(await verify()).toMatchObject({ valid: true, checked: total });
    await underAttack(sql(`UPDATE audit_event SET details = '{"n": -1}' WHERE seq = $1`, [total - 10]), async () => {
      expect(await verify()).toMatchObject({ valid: false, checked: total - 11, firstBrokenId: String(total - 10) });
    });
  });

  test('(a) an edited row', async () => {
    await underAttack(sql(`UPDATE audit_event SET details = '{"forged": true}' WHERE seq = 3`), async () => {
      expect(await verify()).toMatchObject({ valid: false, checked: 2, firstBrokenId: '3' });
    });
  });

  test('(b) a deleted row', async () => {
    await underAttack(sql('DELETE FROM audit_event WHERE seq = 4'), async () => {
      expect(await verify()).toMatchObject({ valid: false, checked: 3, firstBrokenId: '4' });
    });
  });

  test('(c) two rows swapped', async () => {
    const swap = `UPDATE audit_event AS a
         SET at = b.at, actor_id = b.actor_id, action = b.action, target_type = b.target_type,
             target_id = b.target_id, details = b.details, prev_hash = b.prev_hash, hash = b.hash
        FROM audit_event AS b
       WHERE (a.seq, b.seq) IN ((5, 6), (6, 5))`;
    await underAttack(sql(swap), async () => {
      expect(await verify()).toMatchObject({ valid: false, checked: 4, firstBrokenId: '5' });
    });
  });

  test('(d) a truncated tail fails against the checkpoint, though what is left holds together', async () => {
    const checkpoint = await signCheckpoint(admin);
    await underAttack(sql('DELETE FROM audit_event WHERE seq > $1', [checkpoint.rowCount - 3]), async () => {
      const verdict = await verify();
      // Every remaining row verified: only the checkpoint shows what is gone.
      expect(verdict.checked).toBe(checkpoint.rowCount - 3);
      expect(verdict.checked).toBe(await rowCount());
      expect(verdict).toMatchObject({ valid: false, firstBrokenId: String(checkpoint.rowCount), checkpoint: { matches: false } });
    });
  });

  test('(e) a rewritten tail, hashes recomputed without the checkpoint key, fails', async () => {
    const checkpoint = await signCheckpoint();
    const keep = checkpoint.rowCount - 2;
    const [last] = await asOwner<{ hash: string }>(portal, 'SELECT hash FROM audit_event WHERE seq = $1', [keep]);
    // The attacker knows the hash function: two harmless-looking events in place of the last two.
    let previous = last?.hash as string;
    const forged = [1, 2].map((offset) => {
      const row = {
        seq: BigInt(keep + offset),
        at: new Date(),
        actorId: null,
        action: 'auth.logout',
        targetType: null,
        targetId: null,
        details: {},
        prevHash: previous,
      };
      previous = auditChainHash(chainKey, previous, chainValues(row));
      return [String(row.seq), row.at.toISOString(), row.action, row.prevHash, previous];
    });
    const rewrite = async () => {
      await asOwner(portal, 'DELETE FROM audit_event WHERE seq > $1', [keep]);
      for (const values of forged) {
        await asOwner(
          portal,
          `INSERT INTO audit_event (seq, at, action, details, prev_hash, hash)
             VALUES ($1::bigint, $2::timestamptz AT TIME ZONE 'UTC', $3, '{}', $4, $5)`,
          values,
        );
      }
    };
    await underAttack(rewrite, async () => {
      const verdict = await verify();
      expect(verdict.checked).toBe(checkpoint.rowCount);
      expect(verdict).toMatchObject({ valid: false, firstBrokenId: String(checkpoint.rowCount), checkpoint: { matches: false } });

      // Nor does a checkpoint signed with any other key help.
      const fake = { tenant: checkpoint.tenant, rowCount: checkpoint.rowCount, headHash: previous, signedAt: new Date().toISOString() };
      await asOwner(
        portal,
        "INSERT INTO audit_checkpoint (row_count, head_hash, signed_at, key_version, signature) VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC', 1, $4)",
        [fake.rowCount, fake.headHash, fake.signedAt, signAuditCheckpoint(fake, generateSigningKeyPair())],
      );
      expect(await verify()).toMatchObject({ valid: false, checked: checkpoint.rowCount, checkpoint: { headHash: previous, matches: false } });
    });
    expect(await verify()).toMatchObject({ valid: true });
  });

  test('the application role cannot alter a checkpoint or an event', async () => {
    await signCheckpoint();
    const client = new pg.Client({ connectionString: portal.databaseUrl });
    await client.connect();
    try {
      await expect(client.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/permission denied/);
      await expect(client.query("UPDATE audit_checkpoint SET head_hash = 'x'")).rejects.toThrow(/permission denied/);
      await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});

describe('checkpoints', () => {
  test('the scheduler signs when the log grew, and skips when nothing changed', async () => {
    const scheduler = portal.app.get(CheckpointScheduler);
    const countCheckpoints = async () => Number((await asOwner<{ n: string }>(portal, 'SELECT count(*) AS n FROM audit_checkpoint'))[0]?.n);
    await signCheckpoint();
    const first = await countCheckpoints();
    await scheduler.tick();
    expect(await countCheckpoints()).toBe(first);
    // Something logged (an export): the next round signs.
    await (await auditor.get('/api/audit/events/export?format=json')).text();
    await scheduler.tick();
    expect(await countCheckpoints()).toBe(first + 1);
    const signed = await json(auditor, '/api/audit/checkpoints/latest', AuditCheckpointView);
    expect(signed.rowCount).toBe(await rowCount());
    expect((await events('?action=audit.checkpoint')).items[0]).toMatchObject({ seq: String(signed.rowCount), actorId: null, details: { scheduled: true } });
    await scheduler.tick();
    expect(await countCheckpoints()).toBe(first + 1);
    expect(await verify()).toMatchObject({ valid: true, checkpoint: { rowCount: signed.rowCount, matches: true } });
  });

  test('caseworkers and supervisors are refused every audit route', async () => {
    for (const client of [caseworker, supervisor]) {
      for (const path of ['/api/audit/events', '/api/audit/events/export?format=csv', '/api/audit/verify', '/api/audit/checkpoints/latest']) {
        expect((await client.get(path)).status).toBe(403);
      }
      expect((await client.post('/api/audit/checkpoints')).status).toBe(403);
    }
  });
});

describe('the checkpoint scheduler', () => {
  test('starts with the portal and signs every AUDIT_CHECKPOINT_MINUTES', async () => {
    const quick = await startTestPortal({ ...FAST_PASSWORDS, AUDIT_CHECKPOINT_MINUTES: '0.05' });
    try {
      const deadline = Date.now() + 10_000;
      let rows: { row_count: string }[] = [];
      while (rows.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        rows = await asOwner<{ row_count: string }>(quick, 'SELECT row_count::text FROM audit_checkpoint');
      }
      // A new portal's log (the partner directory's seeding): the first checkpoint covers it and its own event.
      const [covered] = await asOwner<{ count: string }>(
        quick,
        "SELECT count(*)::text AS count FROM audit_event WHERE seq <= (SELECT min(seq) FROM audit_event WHERE action = 'audit.checkpoint')",
      );
      expect(rows.map((row) => row.row_count)).toEqual([covered?.count]);
      expect(Number(covered?.count)).toBeGreaterThan(1);
    } finally {
      await quick.close();
    }
  });
});
