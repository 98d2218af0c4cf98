import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import type { CounterKey } from '../vault/stat-counters.js';

/** The queue of sealed increments, the counters they add to, and the record of batches applied. */
@Injectable()
export class StatisticsBatchRepository {
  constructor(private readonly prisma: PrismaService) {}

  pending(db: Db = this.prisma): Promise<{ id: string; sealed: string }[]> {
    return db.statPending.findMany({ select: { id: true, sealed: true } });
  }

  async lastAppliedAt(db: Db = this.prisma): Promise<Date | null> {
    const last = await db.statBatch.findFirst({ orderBy: { seq: 'desc' }, select: { appliedAt: true } });
    return last?.appliedAt ?? null;
  }

  /** The sequence number of the latest batch applied (0 before any): the counters change only with it. */
  async latestBatch(db: Db = this.prisma): Promise<bigint> {
    const last = await db.statBatch.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
    return BigInt(last?.seq ?? 0);
  }

  pendingCount(db: Db = this.prisma): Promise<number> {
    return db.statPending.count();
  }

  /** Removes the drained rows; false when one was already gone (another instance applied it). */
  async drain(tx: Db, ids: string[]): Promise<boolean> {
    const { count } = await tx.statPending.deleteMany({ where: { id: { in: ids } } });
    return count === ids.length;
  }

  /**
   * Adds a batch in one statement: duplicates summed first (ON CONFLICT may
   * touch a row once per statement), rows taken in key order so two writers
   * lock them in the same order; the order says nothing of the cases, whose
   * increments are summed before anything is written.
   */
  async addToCounters(tx: Db, keys: CounterKey[]): Promise<void> {
    if (keys.length === 0) return;
    const column = <T>(pick: (key: CounterKey) => T) => keys.map(pick);
    await tx.$executeRaw`
      INSERT INTO stat_counter (period, dimension_1, value_1, dimension_2, value_2, count)
      SELECT period, d1, v1, d2, v2, SUM(n)::int
      FROM unnest(${column((k) => k.period)}::text[], ${column((k) => k.dimension1)}::text[], ${column((k) => k.value1)}::text[],
                  ${column((k) => k.dimension2)}::text[], ${column((k) => k.value2)}::text[], ${column((k) => k.amount ?? 1)}::int[])
        AS t(period, d1, v1, d2, v2, n)
      GROUP BY period, d1, v1, d2, v2
      ORDER BY period, d1, v1, d2, v2
      ON CONFLICT (period, dimension_1, value_1, dimension_2, value_2)
      DO UPDATE SET count = stat_counter.count + EXCLUDED.count`;
  }

  async recordBatch(tx: Db, appliedAt: Date): Promise<void> {
    await tx.statBatch.create({ data: { appliedAt } });
  }

  /** Outside any transaction: the counters' older values and the drained sealed rows leave the table files. */
  async vacuum(): Promise<void> {
    await this.prisma.$executeRawUnsafe('VACUUM stat_counter, stat_pending');
  }
}
