import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { StatisticsBatches, type BatchOutcome } from './statistics-batches.js';

const HOUR_MS = 60 * 60_000;

/** Looks every hour whether a statistics batch is due (k cases waiting and a day since the last). */
@Injectable()
export class StatisticsBatchScheduler extends IntervalJob<BatchOutcome | null> {
  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly batches: StatisticsBatches,
  ) {
    super(runtime.logger, 'statistics batch failed', null);
  }

  protected intervalMs(): number {
    return HOUR_MS;
  }

  protected run(): Promise<BatchOutcome> {
    return this.batches.applyDue();
  }
}
