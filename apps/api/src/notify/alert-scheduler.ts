import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/interval-job.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { AlertsService } from './alerts.service.js';
import { PromptDelivery } from './prompt-delivery.js';
import { OverdueScan } from './overdue-scan.js';
import { SchedulerLock } from './scheduler-lock.js';

/**
 * Every ALERT_TICK_SECONDS: raise overdue alerts, escalate unacknowledged
 * ones, send what is pending — under an advisory lock so that of several
 * instances one works at a time.
 */
@Injectable()
export class AlertScheduler extends IntervalJob {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly lock: SchedulerLock,
    private readonly overdue: OverdueScan,
    private readonly alerts: AlertsService,
    private readonly delivery: PromptDelivery,
  ) {
    super(runtime.logger, 'alert tick failed', undefined);
  }

  override onApplicationBootstrap(): void {
    if (!this.settings.email && !this.settings.webhook) {
      this.runtime.logger.warn('no alert channel configured (SMTP_URL, ALERT_WEBHOOK_URL): alerts appear in the dashboard only');
    }
    super.onApplicationBootstrap();
  }

  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await this.lock.close();
  }

  protected intervalMs(): number {
    return this.settings.tickMs;
  }

  protected async run(): Promise<void> {
    await this.lock.whileHeld(async () => {
      await this.overdue.run();
      await this.alerts.escalateDue();
      await this.delivery.deliverNow();
    });
  }
}
