import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../../common/interval-job.js';
import { RUNTIME, type Runtime } from '../../config/runtime.js';
import { OperationalScan } from './operational-scan.js';

/**
 * Every OPS_CHECK_MINUTES: the operational checks. A sibling of the alert
 * scheduler rather than part of its tick, so that a slow probe (the public
 * form's timeout) never delays escalation; the alert scheduler delivers what
 * it raises. No lock: the daily dedupe key makes concurrent instances raise
 * once. A tick answers how many alerts it raised.
 */
@Injectable()
export class OpsScheduler extends IntervalJob<number> {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly scan: OperationalScan,
  ) {
    super(runtime.logger, 'operational checks failed', 0);
  }

  protected intervalMs(): number {
    return this.runtime.config.OPS_CHECK_MINUTES * 60_000;
  }

  protected run(): Promise<number> {
    return this.scan.run();
  }
}
