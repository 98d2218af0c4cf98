import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { RetentionPurge } from './retention-purge.service.js';

const DAY_MS = 24 * 60 * 60_000;

/** Runs the purge once a day. */
@Injectable()
export class RetentionScheduler extends IntervalJob {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly purge: RetentionPurge,
  ) {
    super(runtime.logger, 'retention purge failed', undefined);
  }

  protected intervalMs(): number {
    return DAY_MS;
  }

  protected async run(): Promise<void> {
    const report = await this.purge.run();
    if (report.purged + report.held + report.skipped > 0) this.runtime.logger.info(report, 'retention purge');
  }
}
