import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * A background job run every `intervalMs` from application start: the timer
 * never keeps the process alive, a tick while one runs waits for that one
 * instead of starting another, shutdown waits for a run in progress, and a
 * failed run is logged by its error class only (never data) and retried at
 * the next tick.
 */
export abstract class IntervalJob<T = void> implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  protected constructor(
    private readonly jobLogger: Logger,
    /** Logged when a run fails. */
    private readonly failureMessage: string,
    /** What a failed run answers. */
    private readonly failedResult: T,
  ) {}

  protected abstract intervalMs(): number;

  protected abstract run(): Promise<T>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs());
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  tick(): Promise<T> {
    this.running ??= this.guarded().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async guarded(): Promise<T> {
    try {
      return await this.run();
    } catch (error) {
      this.jobLogger.error({ reason: error instanceof Error ? error.name : 'unknown' }, this.failureMessage);
      return this.failedResult;
    }
  }
}
