import { Inject, Injectable } from '@nestjs/common';
import { responseTargetsOf } from '../config/response-targets.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { PrismaService } from '../database/prisma.service.js';
import { AlertClock } from './alert-clock.js';
import { AlertsService } from './alerts.service.js';
import { nextContactAlerts } from './next-contact-alerts.js';
import { NotifyRepository } from './notify.repository.js';
import { overdueAlerts, type AlertToRaise } from './overdue-alerts.js';
import { indexTag, matchesStamp } from '../integrity/case-stamp.js';
import { CaseVaultService } from '../vault/case-vault.service.js';

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
    private readonly vault: CaseVaultService,
  ) {}

  async run(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.repository.overdueCandidates(this.prisma, now);
    const stamps = await this.vault.anchoredStamps();
    // A row whose MAC fails, or that is not the revision the anchored log records, cannot be trusted to say a
    // target is still ahead: it is alerted on as a case to look at now, once.
    const tampered = candidates.filter((row) => !this.vault.indexRowIntact(row) || !matchesStamp(row, stamps[row.id]));
    if (tampered.length > 0) this.runtime.logger.error({ cases: tampered.length }, 'overdue scan: index rows failing their MAC or anchored revision');
    const wanted = [
      ...tampered.map((row): AlertToRaise => ({
        kind: 'overdue_case',
        caseId: row.id,
        dedupeKey: `integrity:${row.id}:${row.revision}:${indexTag(row.indexMac)}`,
      })),
      ...candidates
        .filter((row) => !tampered.includes(row))
        .flatMap((index) => [...overdueAlerts(index, now, responseTargetsOf(this.runtime.config)), ...nextContactAlerts(index, now)]),
    ];
    const raisedBefore = await this.repository.existingDedupeKeys(
      this.prisma,
      wanted.map((alert) => alert.dedupeKey),
    );
    let raised = 0;
    for (const alert of wanted.filter((candidate) => !raisedBefore.has(candidate.dedupeKey))) {
      if (await this.prisma.$transaction((tx) => this.alerts.raise(tx, alert))) raised++;
    }
    if (raised > 0) this.runtime.logger.info({ raised }, 'overdue alerts raised');
    return raised;
  }
}
