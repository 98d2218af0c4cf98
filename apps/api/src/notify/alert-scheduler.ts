import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { AlertsService } from './alerts.service.js';
import { Dispatcher } from './dispatcher.js';
import { OverdueScan } from './overdue-scan.js';
import { SchedulerLock } from './scheduler-lock.js';

/**
 * Every ALERT_TICK_SECONDS: raise overdue alerts, escalate unacknowledged
 * ones, send what is pending — under an advisory lock so that of several
 * instances one works at a time. The timer never keeps the process alive.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly lock: SchedulerLock,
    private readonly overdue: OverdueScan,
    private readonly alerts: AlertsService,
    private readonly dispatcher: Dispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.email && !this.settings.webhook) {
      this.runtime.logger.warn('no alert channel configured (SMTP_URL, ALERT_WEBHOOK_URL): alerts appear in the dashboard only');
    }
    this.timer = setInterval(() => void this.tick(), this.settings.tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.lock.close();
  }

  /** One tick; a call while one runs waits for that one instead of starting another. */
  tick(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(): Promise<void> {
    try {
      await this.lock.whileHeld(async () => {
        await this.overdue.run();
        await this.alerts.escalateDue();
        await this.dispatcher.deliverPending();
      });
    } catch (error) {
      // The next tick tries again; the reason is an error class, never data.
      this.runtime.logger.error({ reason: error instanceof Error ? error.name : 'unknown' }, 'alert tick failed');
    }
  }
}
