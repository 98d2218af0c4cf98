/**
 * Load, loopback only and bounded: LOAD_CONCURRENCY (50)
 * submitters for LOAD_SECONDS (60) against POST /api/requests, with the real
 * receipt Argon2id (PASSWORD_ARGON2 does not apply to receipts). 429/503
 * with Retry-After are back-pressure, retried with the same Idempotency-Key;
 * a 5xx fails. Afterwards every acknowledged submission is in the database
 * once, opens in follow-up with its receipt (POST /api/follow-up/session,
 * within the global receipt budget: 120 a minute, so this part takes a few
 * minutes), and the supervisor decrypts it.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { FollowUpView } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { ownerUrlOf } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';
import { percentile, runSubmitters, type Acknowledged, type LoadRun } from './submitters.js';

const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

let portal: RunningPortal;
let supervisor: StaffWithKeys;
let run: LoadRun;

beforeAll(async () => {
  portal = await startTestPortal();
  supervisor = await createStaffWithKeys(portal.app, ['supervisor']);
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function casesByReference(): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: ownerUrlOf(portal) });
  await client.connect();
  try {
    const { rows } = await client.query<{ reference: string; id: string }>('SELECT reference, id FROM protection_case');
    const found = new Map<string, string[]>();
    for (const row of rows) found.set(row.reference, [...(found.get(row.reference) ?? []), row.id]);
    return found;
  } finally {
    await client.end();
  }
}

/** Opens follow-up with the receipt, waiting out the receipt budget (429 + Retry-After) as a defender would. */
async function openWithReceipt(submission: Acknowledged): Promise<string> {
  for (;;) {
    const response = await fetch(`${portal.url}/api/follow-up/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt: submission.receipt }),
    });
    if (response.status === 429 || response.status === 503) {
      await response.arrayBuffer();
      await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
      continue;
    }
    if (response.status !== 200) return `${submission.reference}: follow-up answered ${response.status}`;
    const view = FollowUpView.parse(await response.json());
    return view.reference === submission.reference ? '' : `${submission.reference}: follow-up opened ${view.reference}`;
  }
}

describe(`${CONCURRENCY} submitters for ${SECONDS} s`, () => {
  it(
    'get 201 or back-pressure (429/503 with Retry-After), never a 5xx',
    async () => {
      run = await runSubmitters(portal.url, { concurrency: CONCURRENCY, durationMs: SECONDS * 1000, drainMs: 120_000, replayEvery: 10 });
      const statuses = [...run.statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      const seconds = run.elapsedMs / 1000;
      console.log(
        [
          `load: ${CONCURRENCY} submitters, ${SECONDS} s (+ drain), ${seconds.toFixed(1)} s in all; ${cpus().length} CPUs, load average after ${loadavg()[0]?.toFixed(1)}`,
          `  acknowledged ${run.acknowledged.length} (${(run.acknowledged.length / seconds).toFixed(2)}/s); statuses ${statuses}`,
          `  201 request latency p50 ${percentile(run.okLatencies, 50).toFixed(0)} ms, p95 ${percentile(run.okLatencies, 95).toFixed(0)} ms, max ${Math.max(...run.okLatencies).toFixed(0)} ms`,
          `  first attempt → acknowledged (retries included) p50 ${percentile(
            run.acknowledged.map((a) => a.endToEndMs),
            50,
          ).toFixed(0)} ms, p95 ${percentile(
            run.acknowledged.map((a) => a.endToEndMs),
            95,
          ).toFixed(0)} ms`,
        ].join('\n'),
      );
      expect([...run.statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);
      expect(run.failures).toEqual([]);
      expect(run.missingRetryAfter).toBe(0);
      expect(run.replayMismatches).toEqual([]);
      expect(run.acknowledged.length).toBeGreaterThan(0);
    },
    (SECONDS + 240) * 1000,
  );

  it('lost nothing acknowledged and duplicated nothing', async () => {
    const found = await casesByReference();
    const references = run.acknowledged.map((a) => a.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(references.filter((reference) => found.get(reference)?.length !== 1)).toEqual([]);
    // Nothing but the acknowledged: a retried key made no second case.
    expect(found.size).toBe(references.length);
  });

  it('every receipt opens its own case in follow-up', async () => {
    const problems: string[] = [];
    let next = 0;
    const lanes = Array.from({ length: 2 }, async () => {
      while (next < run.acknowledged.length) {
        const problem = await openWithReceipt(run.acknowledged[next++] as Acknowledged);
        if (problem) problems.push(problem);
      }
    });
    await Promise.all(lanes);
    expect(problems).toEqual([]);
  }, 1_800_000);

  it('the supervisor decrypts every case, with what was sent', async () => {
    const found = await casesByReference();
    const vault = portal.app.get(CaseVaultService);
    const problems: string[] = [];
    for (const submission of run.acknowledged) {
      const caseId = (found.get(submission.reference) ?? [])[0] as string;
      const opened = await vault.openCase(supervisor, caseId);
      if (!opened.content.narrative?.includes(submission.marker)) problems.push(`${submission.reference}: narrative does not carry its marker`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
