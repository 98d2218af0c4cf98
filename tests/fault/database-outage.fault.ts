/**
 * PostgreSQL stops under load, then starts again: submissions keep
 * coming; while the database is away every answer is 503 with a retryable
 * error (the browser retries with the same Idempotency-Key); the API
 * recovers by itself, without a restart; nothing acknowledged is lost or
 * duplicated, and the supervisor decrypts all of it.
 */
import pg from 'pg';
import { ErrorBody, FollowUpView } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { FAST_PASSWORDS } from '../support/staff.js';
import { testSecrets } from '../support/test-portal.js';
import { requestBody, runSubmitters, type Acknowledged, type LoadRun } from '../load/submitters.js';
import { startOwnPostgres, type OwnPostgres } from './own-postgres.js';

const SUBMITTERS = 10;
const LOAD_MS = 40_000;
const OUTAGE_AT_MS = 10_000;
const OUTAGE_MS = 10_000;

let database: OwnPostgres;
let portal: RunningPortal;
let supervisor: StaffWithKeys;
let run: LoadRun;
/** Every answer received while the database was stopped (submitters and probes). */
const duringOutage: { source: string; status: number; body: string }[] = [];
let outage = false;
let recoveryMs = NaN;

beforeAll(async () => {
  database = await startOwnPostgres();
  portal = await startPortal({
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...FAST_PASSWORDS,
    ...testSecrets(),
  });
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await database?.destroy();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe(source: string, path: string, init: RequestInit = {}): Promise<void> {
  const response = await fetch(`${portal.url}${path}`, init).catch(() => null);
  const status = response?.status ?? 599;
  const body = response ? await response.text() : 'connection failed';
  if (outage) duringOutage.push({ source, status, body });
}

/** Health, a submission and a follow-up opening, every half second while the database is down. */
async function probeOutage(receipt: string | undefined): Promise<void> {
  while (outage) {
    await Promise.all([
      probe('GET /api/health', '/api/health'),
      probe('POST /api/requests', '/api/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `probe-${Date.now()}-${Math.random()}` },
        body: JSON.stringify(requestBody('sonde')),
      }),
      receipt
        ? probe('POST /api/follow-up/session', '/api/follow-up/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ receipt }),
          })
        : Promise.resolve(),
    ]);
    await sleep(500);
  }
}

/** A receipt acknowledged before the outage, to try follow-up while the database is away. */
let earlyReceipt: string | undefined;
const run0Receipt = () => earlyReceipt;

describe('PostgreSQL stopped under load, then started again', () => {
  it('answers 503 retryable during the outage and recovers without a restart', async () => {
    const load = runSubmitters(portal.url, {
      concurrency: SUBMITTERS,
      durationMs: LOAD_MS,
      drainMs: 90_000,
      replayEvery: 7,
      onAnswer: (status, body) => {
        if (status === 201 && !earlyReceipt) earlyReceipt = (JSON.parse(body) as { receipt: string }).receipt;
        if (outage) duringOutage.push({ source: 'submitter', status, body });
      },
    });
    await sleep(OUTAGE_AT_MS);
    await database.stop();
    outage = true;
    const probing = probeOutage(run0Receipt());
    await sleep(OUTAGE_MS);
    await database.start();
    outage = false;
    await probing;
    const restarted = Date.now();
    while ((await fetch(`${portal.url}/api/health`)).status !== 200 && Date.now() - restarted < 60_000) await sleep(250);
    recoveryMs = Date.now() - restarted;
    run = await load;

    const statuses = [...run.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
    const outageStatuses = new Map<string, number>();
    for (const { source, status } of duringOutage) outageStatuses.set(`${source} ${status}`, (outageStatuses.get(`${source} ${status}`) ?? 0) + 1);
    console.log(
      `fault: ${run.acknowledged.length} acknowledged; submitter statuses ${statuses}; during the outage: ${[...outageStatuses].map(([k, n]) => `${k}×${n}`).join(', ')}; health 200 again ${recoveryMs} ms after PostgreSQL restarted`,
    );

    expect(duringOutage.length).toBeGreaterThan(0);
    const wrong = duringOutage.filter(({ source, status, body }) => {
      if (status !== 503 && status !== 429) return true;
      // Health answers with its own status document ({ status: 'degraded', database: 'down' }).
      if (source === 'GET /api/health') return !/"database":"down"/.test(body);
      const parsed = ErrorBody.safeParse(JSON.parse(body || '{}'));
      return !parsed.success || parsed.data.error.retryable !== true;
    });
    expect(wrong.slice(0, 10).map(({ source, status, body }) => `${source} → ${status} ${body.slice(0, 160)}`)).toEqual([]);
    expect(recoveryMs).toBeLessThan(30_000);
    expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
    expect(run.failures).toEqual([]);
    expect(run.replayMismatches).toEqual([]);
  }, 300_000);

  it('lost nothing acknowledged, duplicated nothing, and the supervisor decrypts it all', async () => {
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    const { rows } = await client.query<{ reference: string; id: string }>('SELECT reference, id FROM protection_case');
    await client.end();
    const byReference = new Map<string, string[]>();
    for (const row of rows) byReference.set(row.reference, [...(byReference.get(row.reference) ?? []), row.id]);
    const references = run.acknowledged.map((a) => a.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(references.filter((reference) => byReference.get(reference)?.length !== 1)).toEqual([]);
    // Cases nobody was told about (a transaction that committed while its answer was lost) would show here.
    expect(rows.length - references.length).toBe(0);
    const vault = portal.app.get(CaseVaultService);
    for (const submission of run.acknowledged) {
      const opened = await vault.openCase(supervisor, (byReference.get(submission.reference) ?? [])[0] as string);
      expect(opened.content.narrative).toContain(submission.marker);
    }
  }, 300_000);

  it('every receipt still opens its case in follow-up', async () => {
    const problems: string[] = [];
    for (const submission of run.acknowledged as Acknowledged[]) {
      for (;;) {
        const response = await fetch(`${portal.url}/api/follow-up/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ receipt: submission.receipt }),
        });
        if (response.status === 429) {
          await response.arrayBuffer();
          await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
          continue;
        }
        if (response.status !== 200) problems.push(`${submission.reference}: ${response.status}`);
        else if (FollowUpView.parse(await response.json()).reference !== submission.reference) problems.push(`${submission.reference}: wrong case`);
        break;
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
