/**
 * The embedded PostgreSQL is killed (SIGKILL) under load, as a crash or an
 * OOM killer would: nobody restarts it but the portal itself. Meanwhile
 * every answer is 503 with a retryable error; the portal starts PostgreSQL
 * again by itself and answers 200 within 30 s; nothing acknowledged is lost
 * or duplicated; the person on call gets an operational alert and the audit
 * log records the restart.
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ErrorBody } from '@mnpddh/shared';
import { startPortal, type RunningPortal } from '../../apps/api/src/boot.js';
import { FAST_PASSWORDS } from '../support/staff.js';
import { testSecrets } from '../support/test-portal.js';
import { runSubmitters, type LoadRun } from '../load/submitters.js';

const SUBMITTERS = 6;
const LOAD_MS = 30_000;
const KILL_AT_MS = 8_000;

let root: string;
let portal: RunningPortal;
let run: LoadRun;
let recoveryMs = NaN;
const duringOutage: { status: number; body: string }[] = [];
let outage = false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mnpddh-kill-'));
  // The postgres system user must traverse the folder (mkdtemp makes it 0700).
  await chmod(root, 0o755);
  portal = await startPortal({
    DATA_DIR: join(root, 'data'),
    PORT: '0',
    LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    ...FAST_PASSWORDS,
    ...testSecrets(),
  });
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await rm(root, { recursive: true, force: true });
}, 60_000);

async function sql<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL killed under load', () => {
  it('answers 503 retryable meanwhile, and the portal brings PostgreSQL back by itself within 30 s', async () => {
    const load = runSubmitters(portal.url, {
      concurrency: SUBMITTERS,
      durationMs: LOAD_MS,
      drainMs: 90_000,
      replayEvery: 7,
      onAnswer: (status, body) => {
        if (outage) duringOutage.push({ status, body });
      },
    });
    await sleep(KILL_AT_MS);
    const postmaster = Number((await readFile(join(root, 'data', 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const killed = Date.now();
    outage = true;
    while (
      (await fetch(`${portal.url}/api/health`).then(
        (r) => r.status,
        () => 599,
      )) !== 200 &&
      Date.now() - killed < 60_000
    )
      await sleep(200);
    outage = false;
    recoveryMs = Date.now() - killed;
    run = await load;
    const statuses = [...run.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fault: ${run.acknowledged.length} acknowledged; statuses ${statuses}; health 200 again ${recoveryMs} ms after SIGKILL`);

    expect(recoveryMs).toBeLessThan(30_000);
    const wrong = duringOutage.filter(({ status, body }) => {
      if (status === 201) return false; // answered before the kill was noticed, or after the restart
      if (status !== 503 && status !== 429) return true;
      const parsed = ErrorBody.safeParse(JSON.parse(body || '{}'));
      return !parsed.success || parsed.data.error.retryable !== true;
    });
    expect(wrong.slice(0, 10).map(({ status, body }) => `${status} ${body.slice(0, 160)}`)).toEqual([]);
    expect(run.failures).toEqual([]);
    expect(run.replayMismatches).toEqual([]);
  }, 300_000);

  it('lost nothing acknowledged and duplicated nothing', async () => {
    const rows = await sql<{ reference: string }>('SELECT reference FROM protection_case');
    const stored = new Map<string, number>();
    for (const { reference } of rows) stored.set(reference, (stored.get(reference) ?? 0) + 1);
    const references = run.acknowledged.map((a) => a.reference);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((reference) => stored.get(reference) !== 1)).toEqual([]);
    expect(new Set(references).size).toBe(references.length);
  }, 60_000);

  it('raised an operational alert and recorded the restart in the audit log', async () => {
    let alerts: unknown[] = [];
    for (const started = Date.now(); alerts.length === 0 && Date.now() - started < 30_000; await sleep(500)) {
      alerts = await sql(`SELECT id FROM alert WHERE kind = 'operational' AND topic = 'database_restarted'`);
    }
    expect(alerts).toHaveLength(1);
    expect(await sql(`SELECT seq FROM audit_event WHERE action = 'database.restarted'`)).toHaveLength(1);
  }, 60_000);
});
