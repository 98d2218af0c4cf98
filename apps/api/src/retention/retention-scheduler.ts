import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { RetentionPurge } from './retention-purge.service.js';

const DAY_MS = 24 * 60 * 60_000;

/** Runs the purge once a day; the timer never keeps the process alive, and shutdown waits for a run in progress. */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly purge: RetentionPurge,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), DAY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  tick(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(): Promise<void> {
    try {
      const report = await this.purge.run();
      if (report.purged + report.held + report.skipped > 0) this.runtime.logger.info(report, 'retention purge');
    } catch (error) {
      this.runtime.logger.error({ reason: error instanceof Error ? error.name : 'unknown' }, 'retention purge failed');
    }
  }
}
