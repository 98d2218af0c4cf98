import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { AuditCheckpoints } from './audit-checkpoints.js';

/**
 * Every AUDIT_CHECKPOINT_MINUTES, signs the audit log's head if anything was
 * logged since the last checkpoint. The timer never keeps the process alive.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.runtime.config.AUDIT_CHECKPOINT_MINUTES * 60_000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round; a call while one runs waits for that one instead of starting another. */
  tick(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(): Promise<void> {
    try {
      const signed = await this.checkpoints.signIfChanged();
      if (signed) this.runtime.logger.info({ rowCount: signed.rowCount }, 'audit checkpoint signed');
    } catch (error) {
      // The next round tries again; the reason is an error class, never data.
      this.runtime.logger.error({ reason: error instanceof Error ? error.name : 'unknown' }, 'audit checkpoint failed');
    }
  }
}
