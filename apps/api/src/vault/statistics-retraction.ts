import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import type { CaseReader } from './case-reader.js';
import { CaseVaultService } from './case-vault.service.js';
import { PendingCounters } from './pending-counters.js';
import { newCaseCounters, type CounterKey } from './stat-counters.js';

/** What one pending increment may carry (pending-increments.ts). */
const COUNTERS_PER_INCREMENT = 40;

/**
 * Keeps junk out of the statistics: takes back what a case's intake added to
 * the aggregate counters, as negative increments that wait sealed with the
 * others and are applied in a batch that mixes cases (never in the junk
 * marking's own transaction, whose id would name the case's categories).
 */
@Injectable()
export class StatisticsRetraction {
  constructor(
    private readonly vault: CaseVaultService,
    private readonly pending: PendingCounters,
  ) {}

  /** What the case's intake counted (its categories decrypted by a holder of the case: audited). */
  async intakeCountersOf(reader: CaseReader, caseId: string): Promise<CounterKey[]> {
    const opened = await this.vault.openCase(reader, caseId);
    return newCaseCounters(opened.content.categories, opened.index.urgent, opened.index.receivedAt);
  }

  async takeBack(tx: Db, caseId: string, counters: CounterKey[]): Promise<void> {
    const negated = counters.map((counter) => ({ ...counter, amount: -(counter.amount ?? 1) }));
    for (let start = 0; start < negated.length; start += COUNTERS_PER_INCREMENT) {
      await this.pending.queue(tx, { caseId, counters: negated.slice(start, start + COUNTERS_PER_INCREMENT) });
    }
  }
}
