import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Db } from '../database/db.js';
import type { AlertChannel } from '../generated/prisma/client.js';
import { CaseEvents } from '../vault/case-events.js';
import { AlertClock } from './alert-clock.js';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { EscrowOnlyRepository } from './escrow-only.repository.js';
import { NotifyRepository } from './notify.repository.js';

const TOPIC = 'case_held_by_escrow_only';

/**
 * A request accepted while the triage team is empty is sealed to the escrow
 * alone: nobody can read it until two custodians grant it. Admins (who can
 * name a team) and custodians (who must then act) are alerted at once, all
 * of them, through the usual channels, with the neutral operational
 * sentence: no case, no reference. One alert a day at most, so a flood of
 * requests into an empty team pages each person once.
 */
@Injectable()
export class EscrowOnlyAlerts implements OnModuleInit {
  constructor(
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly events: CaseEvents,
    private readonly alerts: NotifyRepository,
    private readonly people: EscrowOnlyRepository,
    private readonly audit: AuditService,
    private readonly clock: AlertClock,
  ) {}

  onModuleInit(): void {
    this.events.onCreated(async (tx, event) => {
      if (event.staffHolders === 0) await this.raise(tx);
    });
  }

  /** In the case's own transaction; false when today's alert was already raised. */
  async raise(tx: Db): Promise<boolean> {
    const now = this.clock.now();
    const id = randomUUID();
    const dedupeKey = `escrow-only:${now.toISOString().slice(0, 10)}`;
    // No escalation: everyone concerned is reached at once.
    const created = await this.alerts.insertAlert(tx, {
      id,
      kind: 'operational',
      caseId: null,
      topic: TOPIC,
      dedupeKey,
      level: 1,
      escalateAt: null,
      createdAt: now,
    });
    if (!created) return false;
    const recipients = await this.people.adminAndCustodianIds(tx);
    const channels: AlertChannel[] = [...(this.settings.email ? ['email' as const] : []), ...(this.settings.webhook ? ['webhook' as const] : [])];
    await this.alerts.insertDeliveries(
      tx,
      recipients.flatMap((recipientId) => channels.map((channel) => ({ alertId: id, recipientId, channel, createdAt: now }))),
    );
    await this.audit.record(
      { action: 'alert.raised', actorId: null, details: { alertId: id, kind: 'operational', level: 1, topic: TOPIC, recipients: recipients.length } },
      tx,
    );
    return true;
  }
}
