import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { VaultModule } from '../vault/vault.module.js';
import { AlertClock } from './alert-clock.js';
import { AlertScheduler } from './alert-scheduler.js';
import { ALERT_SETTINGS, alertSettings } from './alert-settings.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';
import { Dispatcher } from './dispatcher.js';
import { EmailChannel } from './email.channel.js';
import { EscrowOnlyAlerts } from './escrow-only-alerts.js';
import { EscrowOnlyRepository } from './escrow-only.repository.js';
import { IntakeAlerts } from './intake-alerts.js';
import { JunkBursts } from './junk-bursts.service.js';
import { NotifyRepository } from './notify.repository.js';
import { OperationalScan } from './operational/operational-scan.js';
import { OpsScheduler } from './operational/ops-scheduler.js';
import { OverdueScan } from './overdue-scan.js';
import { PromptDelivery } from './prompt-delivery.js';
import { RotaController } from './rota.controller.js';
import { RotaRepository } from './rota.repository.js';
import { RotaService } from './rota.service.js';
import { SchedulerLock } from './scheduler-lock.js';
import { WebhookChannel } from './webhook.channel.js';

/** The on-call rota and its alerts: e-mail and webhook, escalation, overdue cases and measures. */
@Module({
  imports: [AuthModule, VaultModule],
  controllers: [AlertsController, RotaController],
  providers: [
    { provide: ALERT_SETTINGS, useFactory: (runtime: Runtime) => alertSettings(runtime.config), inject: [RUNTIME] },
    AlertClock,
    AlertScheduler,
    AlertsService,
    Dispatcher,
    EmailChannel,
    EscrowOnlyAlerts,
    EscrowOnlyRepository,
    IntakeAlerts,
    JunkBursts,
    NotifyRepository,
    OperationalScan,
    OpsScheduler,
    OverdueScan,
    PromptDelivery,
    RotaRepository,
    RotaService,
    SchedulerLock,
    WebhookChannel,
  ],
  exports: [AlertsService, RotaService, AlertClock],
})
export class NotifyModule {}
