/**
 * Defenders submitting at once, as the browser does it: a random
 * Idempotency-Key per request, kept across retries; 429/503 are
 * back-pressure (wait Retry-After, send the same key again); anything else
 * non-201 is recorded as a failure.
 */
import { randomBytes } from 'node:crypto';
import { SubmissionReceipt } from '@mnpddh/shared';

export interface Acknowledged {
  readonly key: string;
  readonly marker: string;
  readonly receipt: string;
  readonly reference: string;
  /** first attempt → 201, retries included */
  readonly endToEndMs: number;
}

export interface LoadRun {
  readonly acknowledged: Acknowledged[];
  /** latency of each request that got 201 */
  readonly okLatencies: number[];
  readonly statuses: Map<number, number>;
  /** non-201, non-back-pressure answers (with the status) */
  readonly failures: string[];
  /** 429/503 answered without Retry-After */
  missingRetryAfter: number;
  /** replays of an acknowledged key that did not return the same receipt */
  readonly replayMismatches: string[];
  elapsedMs: number;
}

export function requestBody(marker: string): unknown {
  return {
    summary: `Charge : ${marker}. Un défenseur menacé à Tombouctou, ses proches aussi.`,
    rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
    contact: { methods: ['signal'], phone: '+223 70 00 00 00', safeTimes: 'le matin' },
    consent: { processing: true },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, key: string, body: unknown): Promise<{ status: number; text: string; retryAfter: string | null; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
}

/**
 * `concurrency` submitters start new submissions for `durationMs`; a
 * submission in back-pressure is retried until acknowledged (at most
 * `drainMs` after the end). Every `replayEvery`-th acknowledgement is sent
 * again with its key, as a browser that lost the answer would.
 */
export async function runSubmitters(
  url: string,
  options: { concurrency: number; durationMs: number; drainMs: number; replayEvery: number; onAnswer?: (status: number, body: string) => void },
): Promise<LoadRun> {
  const run: LoadRun = { acknowledged: [], okLatencies: [], statuses: new Map(), failures: [], missingRetryAfter: 0, replayMismatches: [], elapsedMs: 0 };
  const started = Date.now();
  const stopStarting = started + options.durationMs;
  const giveUp = stopStarting + options.drainMs;

  const submitOne = async () => {
    const key = randomBytes(24).toString('base64url');
    const marker = randomBytes(9).toString('base64url');
    const body = requestBody(marker);
    const first = performance.now();
    while (Date.now() < giveUp) {
      const answer = await post(url, key, body);
      options.onAnswer?.(answer.status, answer.text);
      run.statuses.set(answer.status, (run.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 201) {
        const receipt = SubmissionReceipt.parse(JSON.parse(answer.text));
        run.okLatencies.push(answer.ms);
        const acknowledged = { key, marker, receipt: receipt.receipt, reference: receipt.reference, endToEndMs: performance.now() - first };
        run.acknowledged.push(acknowledged);
        if (run.acknowledged.length % options.replayEvery === 0) await replay(acknowledged, body);
        return;
      }
      if (answer.status === 429 || answer.status === 503) {
        if (!answer.retryAfter) run.missingRetryAfter++;
        await sleep(Math.min(10, Number(answer.retryAfter ?? 1)) * 1000);
        continue;
      }
      run.failures.push(`${answer.status}: ${answer.text.slice(0, 200)}`);
      return;
    }
    run.failures.push('never acknowledged before the drain deadline');
  };

  const replay = async (acknowledged: Acknowledged, body: unknown) => {
    for (;;) {
      const again = await post(url, acknowledged.key, body);
      if (again.status === 429 || again.status === 503) {
        await sleep(Math.min(10, Number(again.retryAfter ?? 1)) * 1000);
        continue;
      }
      const same = again.status === 201 && SubmissionReceipt.parse(JSON.parse(again.text)).reference === acknowledged.reference;
      if (!same) run.replayMismatches.push(`${again.status}: ${again.text.slice(0, 120)}`);
      return;
    }
  };

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (Date.now() < stopStarting) await submitOne();
    }),
  );
  run.elapsedMs = Date.now() - started;
  return run;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
