import { Inject, Injectable } from '@nestjs/common';
import type { OpsTopic } from '@mnpddh/shared';
import { RUNTIME, type Runtime } from '../../config/runtime.js';
import { custodianDrillDue } from '../../custodian/drill-due.js';
import { custodianDrillFacts } from '../../custodian/drill-facts.js';
import { PrismaService } from '../../database/prisma.service.js';
import { IntegrityAnchor } from '../../integrity/integrity-anchor.service.js';
import { AlertClock } from '../alert-clock.js';
import { AlertsService } from '../alerts.service.js';
import { NotifyRepository } from '../notify.repository.js';
import type { AlertToRaise } from '../overdue-alerts.js';
import {
  backupFailed,
  backupMissing,
  checkpointNotExported,
  diskNearlyFull,
  opsDedupeKey,
  publicFormUnreachable,
  restartedWithinADay,
  tlsExpiring,
} from './ops-checks.js';
import { backupFailureAt, backupTimes, certificateValidTo, checkpointExportFacts, databaseRestartedAt, diskSpaces, publicFormStatus } from './ops-probes.js';

/**
 * Operational alerts: backup missing or failed, disk nearly full,
 * audit checkpoint not exported, TLS certificate near expiry, public form
 * unreachable; and the quarterly custodian drill reminder. Run
 * by the OpsScheduler every OPS_CHECK_MINUTES; each failing check raises one 'operational' alert per day, which goes down
 * the same rota and escalation as any alert (the person on call is the one
 * reachable at any hour; supervisors follow) and says only the neutral sentence.
 */
@Injectable()
export class OperationalScan {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly repository: NotifyRepository,
    private readonly alerts: AlertsService,
    private readonly clock: AlertClock,
    private readonly anchor: IntegrityAnchor,
  ) {}

  async run(): Promise<number> {
    const now = this.clock.now();
    const wanted: AlertToRaise[] = (await this.failing(now)).map((topic) => ({
      kind: 'operational',
      caseId: null,
      topic,
      dedupeKey: opsDedupeKey(topic, now),
    }));
    const raisedBefore = await this.repository.existingDedupeKeys(
      this.prisma,
      wanted.map((alert) => alert.dedupeKey),
    );
    let raised = 0;
    for (const alert of wanted.filter((candidate) => !raisedBefore.has(candidate.dedupeKey))) {
      if (await this.prisma.$transaction((tx) => this.alerts.raise(tx, alert))) raised++;
    }
    if (raised > 0) this.runtime.logger.warn({ raised }, 'operational alerts raised');
    return raised;
  }

  /** The topics whose check fails now. */
  private async failing(now: Date): Promise<OpsTopic[]> {
    const config = this.runtime.config;
    const topics: OpsTopic[] = [];
    const backups = await backupTimes(config.BACKUP_DIR);
    // Backups are expected once a backup key is configured, and always in production.
    if ((config.BACKUP_PUBLIC_KEY || config.NODE_ENV === 'production') && backupMissing(now, backups, config.BACKUP_MAX_AGE_HOURS)) {
      topics.push('backup_missing');
    }
    // `npm run backup` itself failed (it noted so), whatever the configuration: someone ran it and it did not work.
    if (backupFailed(await backupFailureAt(this.prisma), backups)) topics.push('backup_failed');
    if (diskNearlyFull(await diskSpaces([config.DATA_DIR, config.BACKUP_DIR]), config.DISK_MIN_FREE_PERCENT)) topics.push('disk_full');
    const facts = await checkpointExportFacts(this.prisma);
    if (checkpointNotExported(now, facts.lastExportedAt, facts.firstCheckpointAt, config.CHECKPOINT_EXPORT_MAX_DAYS)) topics.push('checkpoint_not_exported');
    if (config.TLS_CERT_FILE && tlsExpiring(now, await certificateValidTo(config.TLS_CERT_FILE), config.TLS_MIN_DAYS)) topics.push('tls_expiring');
    if (config.PUBLIC_URL && publicFormUnreachable(await publicFormStatus(config.PUBLIC_URL))) topics.push('public_form_unreachable');
    // The quarterly drill: a custodian who has not proved their share opens for 90 days.
    if (custodianDrillDue(now, await custodianDrillFacts(this.prisma))) topics.push('custodian_drill_due');
    // The embedded PostgreSQL ended by itself and the portal started it again: someone should find out why.
    if (restartedWithinADay(now, await databaseRestartedAt(this.prisma))) topics.push('database_restarted');
    // The database behind its anchor outside PostgreSQL (a replay, or a restore nobody acknowledged yet).
    if (await this.anchor.incident()) topics.push('integrity_incident');
    return topics;
  }
}
