import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * docs/CLEAR-COLUMNS.md lists every column of every table with what a copy
 * of the database reads in it and how finely. This test walks the schema
 * (information_schema) against that list, both ways, so a new column cannot
 * slip in unlisted; then, on a portal that has taken requests, follow-ups,
 * messages, uploads and case work, checks that every time column holds
 * nothing finer than its listed granularity.
 */

const LIST = join(process.cwd(), 'docs', 'CLEAR-COLUMNS.md');

interface Listed {
  readonly table: string;
  readonly column: string;
  readonly granularity: string;
}

/** The rows of the list's tables: | `table` | `column` | granularity | why |. */
function listed(): Listed[] {
  const rows: Listed[] = [];
  for (const line of readFileSync(LIST, 'utf8').split('\n')) {
    const match = /^\|\s*`([a-z_0-9]+)`\s*\|\s*`([a-z_0-9]+)`\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (match) rows.push({ table: match[1] as string, column: match[2] as string, granularity: match[3] as string });
  }
  return rows;
}

let portal: RunningPortal;
let supervisor: StaffClient;

async function submit(urgent: boolean): Promise<string> {
  const response = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: 'Menacé après un article sur les détentions.',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: urgent ? 'yes' : 'no' },
      contact: { methods: ['phone'], phone: '+223 70 11 22 33' },
      consent: { processing: true },
      defender: { name: 'Personne Test', profiles: ['journalist'], languages: ['fr'] },
      location: { region: 'mopti' },
      incidents: [{ types: ['arrest'], perpetrators: ['state_security'], description: 'Des hommes sont venus au domicile.' }],
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { receipt: string }).receipt;
}

async function followUp(receipt: string): Promise<void> {
  const opened = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  expect(opened.status).toBe(200);
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const post = (path: string, body: unknown) =>
    fetch(`${portal.url}/api/follow-up/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  expect((await post('messages', { body: 'Ils sont revenus ce matin.' })).status).toBe(201);
  expect((await post('uploads', { kind: 'file', name: 'photo.pdf', type: 'application/pdf', size: 10 })).status).toBe(201);
}

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], onCall: true })).client;
  for (const urgent of [true, false]) await followUp(await submit(urgent));
  const [first] = await asOwner<{ id: string }>(portal, 'SELECT id FROM protection_case LIMIT 1');
  const caseId = first?.id as string;
  expect((await supervisor.post(`/api/cases/${caseId}/contact-attempts`, { channel: 'phone', result: 'reached' })).status).toBe(201);
  expect((await supervisor.post(`/api/cases/${caseId}/messages`, { body: 'Nous vous rappelons.' })).status).toBe(201);
  const issued = await supervisor.post(`/api/cases/${caseId}/receipts`, {});
  expect(issued.status).toBe(201);
  const receiptId = ((await issued.json()) as { id: string }).id;
  expect((await supervisor.post(`/api/cases/${caseId}/receipts/${receiptId}/revoke`, { reason: 'lost' })).status).toBeLessThan(300);
  expect((await supervisor.post(`/api/cases/${caseId}/status`, { to: 'inadmissible', reason: 'Hors mandat.' })).status).toBe(201);
}, 300_000);

afterAll(async () => {
  await portal?.close();
});

describe('the clear columns', () => {
  it('are every column of every table, each listed once in docs/CLEAR-COLUMNS.md, and nothing listed that is gone', async () => {
    const columns = await asOwner<{ table_name: string; column_name: string; data_type: string }>(
      portal,
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    );
    const inSchema = columns.map((c) => `${c.table_name}.${c.column_name}`);
    const inList = listed().map((row) => `${row.table}.${row.column}`);
    const unlisted = columns
      .filter((c) => !inList.includes(`${c.table_name}.${c.column_name}`))
      .map((c) => `| \`${c.table_name}\` | \`${c.column_name}\` | ${c.data_type} | ? |`);
    expect(unlisted).toEqual([]);
    expect(inList.filter((name) => !inSchema.includes(name))).toEqual([]);
    expect(inList.filter((name, i) => inList.indexOf(name) !== i)).toEqual([]);
  });

  it('hold no time finer than the granularity listed for it', async () => {
    const times = await asOwner<{ table_name: string; column_name: string }>(
      portal,
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type LIKE 'timestamp%' AND table_name <> '_prisma_migrations'`,
    );
    const granularity = new Map(listed().map((row) => [`${row.table}.${row.column}`, row.granularity]));
    const finer: string[] = [];
    let checked = 0;
    for (const { table_name: table, column_name: column } of times) {
      const declared = granularity.get(`${table}.${column}`) ?? '';
      const unit = declared.startsWith('hour') ? 'hour' : declared.startsWith('day') ? 'day' : declared.startsWith('month') ? 'month' : null;
      if (!unit) continue;
      const [row] = await asOwner<{ n: string; total: string }>(
        portal,
        `SELECT count(*) FILTER (WHERE "${column}" <> date_trunc('${unit}', "${column}")) AS n, count("${column}") AS total FROM "${table}"`,
      );
      checked += Number(row?.total ?? 0);
      if (Number(row?.n) > 0) finer.push(`${table}.${column}: ${row?.n} value(s) finer than the ${unit}`);
    }
    expect(finer).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
