import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OpsTopic, type AlertList, type AlertView } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import type { AlertChannel } from '../generated/prisma/client.js';
import { AlertClock } from './alert-clock.js';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { NotifyRepository, type AlertRow } from './notify.repository.js';
import type { AlertToRaise } from './overdue-alerts.js';
import { nextEscalation, type EscalationStep } from './rota.js';
import { RotaService } from './rota.service.js';

/**
 * Alerts to the on-call rota: raised inside the transaction of what caused
 * them (one per dedupe key, ever), escalated down the rota while nobody
 * acknowledges, and read in the dashboard. Sending is the Dispatcher's job,
 * after commit: this service only writes who is to be reached on what.
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly prisma: PrismaService,
    private readonly repository: NotifyRepository,
    private readonly rota: RotaService,
    private readonly audit: AuditService,
    private readonly clock: AlertClock,
  ) {}

  /** Raises the alert and its first step in `tx`; false when its dedupe key was raised before. */
  async raise(tx: Db, alert: AlertToRaise): Promise<boolean> {
    const now = this.clock.now();
    const step = await this.nextStep(tx, 0, new Set());
    const id = randomUUID();
    const created = await this.repository.insertAlert(tx, {
      id,
      kind: alert.kind,
      caseId: alert.caseId,
      topic: alert.topic ?? null,
      dedupeKey: alert.dedupeKey,
      level: step?.level ?? 0,
      escalateAt: this.escalateAt(step, now),
      createdAt: now,
    });
    if (!created) return false;
    if (step) await this.repository.insertDeliveries(tx, this.deliveries(id, step.recipientIds, now));
    await this.audit.record(
      {
        action: 'alert.raised',
        actorId: null,
        ...(alert.caseId ? { targetType: 'case' as const, targetId: alert.caseId } : {}),
        details: { alertId: id, kind: alert.kind, level: step?.level ?? 0, ...(alert.topic ? { topic: alert.topic } : {}) },
      },
      tx,
    );
    return true;
  }

  /** Every unacknowledged alert whose delay has passed goes to the next person. */
  async escalateDue(): Promise<number> {
    const due = await this.repository.dueForEscalation(this.prisma, this.clock.now());
    let escalated = 0;
    for (const alert of due) if (await this.escalate(alert)) escalated++;
    return escalated;
  }

  async acknowledge(staff: CurrentStaffMember, alertId: string): Promise<AlertView> {
    return this.prisma.$transaction(async (tx) => {
      const alert = await this.repository.findAlert(tx, alertId);
      if (!alert) throw new AppError('NOT_FOUND');
      if (!(await this.mayAcknowledge(tx, staff, alert))) throw new AppError('FORBIDDEN');
      const at = this.clock.now();
      if (await this.repository.acknowledge(tx, alertId, staff.id, at)) {
        await this.audit.record(
          {
            action: 'alert.acknowledged',
            actorId: staff.id,
            ...(alert.caseId ? { targetType: 'case' as const, targetId: alert.caseId } : {}),
            details: { alertId, kind: alert.kind, level: alert.level },
          },
          tx,
        );
      }
      return (await this.views(tx, [(await this.repository.findAlert(tx, alertId)) as AlertRow]))[0] as AlertView;
    });
  }

  /** What reached the caller; supervisors and on-call staff also see every alert nobody has acknowledged. */
  async listFor(staff: CurrentStaffMember): Promise<AlertList> {
    const rows = await this.repository.listFor(this.prisma, staff.id, seesUnacknowledged(staff));
    return { items: await this.views(this.prisma, rows) };
  }

  private async escalate(alert: AlertRow): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const now = this.clock.now();
      const step = await this.nextStep(tx, alert.level, await this.repository.reachedBy(tx, alert.id));
      if (!(await this.repository.escalate(tx, alert.id, alert.level, step?.level ?? alert.level, this.escalateAt(step, now)))) return false;
      if (step) await this.repository.insertDeliveries(tx, this.deliveries(alert.id, step.recipientIds, now));
      return step !== null;
    });
  }

  private async nextStep(db: Db, level: number, reached: ReadonlySet<string>): Promise<EscalationStep | null> {
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const rota = await this.rota.onCallRota(db);
    const supervisors = await this.rota.supervisorIds(db);
    return nextEscalation(
      rota.map((member) => member.id),
      supervisors,
      level,
      reached,
    );
  }

  private escalateAt(step: EscalationStep | null, now: Date): Date | null {
    return step && !step.final ? new Date(now.getTime() + this.settings.escalationMs) : null;
  }

  /** One delivery per person per configured channel; none at all when no channel is configured (dashboard only). */
  private deliveries(alertId: string, recipientIds: string[], now: Date) {
    const channels: AlertChannel[] = [...(this.settings.email ? ['email' as const] : []), ...(this.settings.webhook ? ['webhook' as const] : [])];
    return recipientIds.flatMap((recipientId) => channels.map((channel) => ({ alertId, recipientId, channel, createdAt: now })));
  }

  private async mayAcknowledge(db: Db, staff: CurrentStaffMember, alert: AlertRow): Promise<boolean> {
    if (staff.roles.includes('supervisor')) return true;
    if (staff.onCall && alert.acknowledgedAt === null) return true;
    return this.repository.wasReached(db, alert.id, staff.id);
  }

  private async views(db: Db, rows: AlertRow[]): Promise<AlertView[]> {
    const names = await this.repository.namesOf(db, [...new Set(rows.flatMap((row) => (row.acknowledgedBy ? [row.acknowledgedBy] : [])))]);
    const references = await this.repository.referencesOf(db, [...new Set(rows.flatMap((row) => (row.caseId ? [row.caseId] : [])))]);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      caseId: row.caseId,
      reference: row.caseId ? (references.get(row.caseId) ?? null) : null,
      topic: OpsTopic.nullable().catch(null).parse(row.topic),
      createdAt: row.createdAt.toISOString(),
      level: row.level,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      acknowledgedByName: row.acknowledgedBy ? (names.get(row.acknowledgedBy) ?? null) : null,
      junk: row.junkAt !== null,
    }));
  }
}

/** Supervisors and the on-call staff answer alerts, whoever was paged. */
function seesUnacknowledged(staff: CurrentStaffMember): boolean {
  return staff.roles.includes('supervisor') || staff.onCall;
}
