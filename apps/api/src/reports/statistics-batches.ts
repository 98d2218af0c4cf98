import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { CryptoError, openPendingIncrement } from '../crypto/index.js';
import { PrismaService } from '../database/prisma.service.js';
import { countersOf, PendingIncrement } from '../vault/pending-increments.js';
import { toHour } from '../vault/triage-index.js';
import { StatisticsBatchRepository } from './statistics-batch.repository.js';

/** At most one batch a day: a batch's size and time then say nothing finer. */
export const BATCH_INTERVAL_MS = 24 * 60 * 60_000;

export type BatchOutcome =
  { applied: true; increments: number; cases: number } | { applied: false; reason: 'nothing_waiting' | 'too_soon' | 'too_few_cases' | 'taken_by_another' };

/**
 * Applies the waiting counter increments in mixed batches: only when they
 * come from at least k distinct cases (STATS_K) and a day has passed since
 * the last batch (whichever comes last), in a transaction of their own,
 * summed in random order so no counter row, transaction id or row order
 * belongs to one case; then vacuums the counters and the queue. Drain and
 * apply commit together: a crash applies all of a batch or none of it.
 */
@Injectable()
export class StatisticsBatches {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: StatisticsBatchRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  get k(): number {
    return Math.max(3, this.runtime.config.STATS_K ?? 5);
  }

  async applyDue(now = new Date()): Promise<BatchOutcome> {
    const rows = await this.repository.pending();
    if (rows.length === 0) return { applied: false, reason: 'nothing_waiting' };
    const last = await this.repository.lastAppliedAt();
    if (last && now.getTime() - last.getTime() < BATCH_INTERVAL_MS) return { applied: false, reason: 'too_soon' };
    const opened = this.openAll(rows);
    const cases = new Set(opened.map(({ increment }) => increment.caseId)).size;
    if (cases < this.k) return { applied: false, reason: 'too_few_cases' };
    const ids = opened.map(({ id }) => id);
    const keys = shuffled(opened).flatMap(({ increment }) => countersOf(increment));
    const applied = await this.prisma
      .$transaction(async (tx) => {
        if (!(await this.repository.drain(tx, ids))) throw new BatchTaken();
        await this.repository.addToCounters(tx, keys);
        await this.repository.recordBatch(tx, toHour(now));
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof BatchTaken) return false;
        throw error;
      });
    if (!applied) return { applied: false, reason: 'taken_by_another' };
    await this.vacuum();
    return { applied: true, increments: ids.length, cases };
  }

  /** Changes whenever a batch is applied (by this instance or another): what a cache of built tables is valid for. */
  version(): Promise<bigint> {
    return this.repository.latestBatch();
  }

  /** How fresh the statistics are: the hour of the last batch and how many increments wait. */
  async freshness(): Promise<{ countedUntil: Date | null; waiting: number }> {
    const [countedUntil, waiting] = await Promise.all([this.repository.lastAppliedAt(), this.repository.pendingCount()]);
    return { countedUntil, waiting };
  }

  /** Rows that do not open (moved, altered, sealed under another index key) stay queued and are counted in the log. */
  private openAll(rows: { id: string; sealed: string }[]): { id: string; increment: PendingIncrement }[] {
    const tenant = this.runtime.config.TENANT;
    const opened: { id: string; increment: PendingIncrement }[] = [];
    let refused = 0;
    for (const row of rows) {
      try {
        const parsed = PendingIncrement.safeParse(JSON.parse(openPendingIncrement(this.runtime.secrets.indexKey, row.sealed, tenant, row.id)));
        if (parsed.success) opened.push({ id: row.id, increment: parsed.data });
        else refused++;
      } catch (error) {
        if (!(error instanceof CryptoError) && !(error instanceof SyntaxError)) throw error;
        refused++;
      }
    }
    if (refused > 0) this.runtime.logger.warn({ refused }, 'statistics: queued increments that do not open were left aside');
    return opened;
  }

  private async vacuum(): Promise<void> {
    try {
      await this.repository.vacuum();
    } catch (error) {
      // The batch is committed; a refused VACUUM (a server without MAINTAIN) leaves it to the operator's.
      this.runtime.logger.warn({ reason: error instanceof Error ? error.name : 'unknown' }, 'statistics: vacuum after a batch failed');
    }
  }
}

class BatchTaken extends Error {}

/** Fisher–Yates with a cryptographic generator. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
