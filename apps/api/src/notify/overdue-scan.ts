import { Inject, Injectable } from '@nestjs/common';
import { responseTargetsOf } from '../config/response-targets.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { PrismaService } from '../database/prisma.service.js';
import { AlertClock } from './alert-clock.js';
import { AlertsService } from './alerts.service.js';
import { nextContactAlerts } from './next-contact-alerts.js';
import { NotifyRepository } from './notify.repository.js';
import { overdueAlerts } from './overdue-alerts.js';

/**
 * Raises an alert for every response target or measure due date an open
 * case has missed, once each. Reads the clear triage index only: nothing is
 * decrypted, so the scheduler holds no key.
 */
@Injectable()
export class OverdueScan {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: NotifyRepository,
    private readonly alerts: AlertsService,
    private readonly clock: AlertClock,
  ) {}

  async run(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.repository.overdueCandidates(this.prisma, now);
    const wanted = candidates.flatMap((index) => [...overdueAlerts(index, now, responseTargetsOf(this.runtime.config)), ...nextContactAlerts(index, now)]);
    const raisedBefore = await this.repository.existingDedupeKeys(this.prisma, wanted.map((alert) => alert.dedupeKey));
    let raised = 0;
    for (const alert of wanted.filter((candidate) => !raisedBefore.has(candidate.dedupeKey))) {
      if (await this.prisma.$transaction((tx) => this.alerts.raise(tx, alert))) raised++;
    }
    if (raised > 0) this.runtime.logger.info({ raised }, 'overdue alerts raised');
    return raised;
  }
}
