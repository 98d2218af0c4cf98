import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../../config/runtime.js';
import { OperationalScan } from './operational-scan.js';

/**
 * Every OPS_CHECK_MINUTES: the operational checks. A sibling of the alert
 * scheduler rather than part of its tick, so that a slow probe (the public
 * form's timeout) never delays escalation; the alert scheduler delivers what
 * it raises. No lock: the daily dedupe key makes concurrent instances raise once.
 */
@Injectable()
export class OpsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly scan: OperationalScan,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.runtime.config.OPS_CHECK_MINUTES * 60_000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One run (how many alerts it raised); a call while one runs waits for that one. */
  tick(): Promise<number> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(): Promise<number> {
    try {
      return await this.scan.run();
    } catch (error) {
      // The next run tries again; the reason is an error class, never data.
      this.runtime.logger.error({ reason: error instanceof Error ? error.name : 'unknown' }, 'operational checks failed');
      return 0;
    }
  }
}
