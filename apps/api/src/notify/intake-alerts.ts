import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertKind } from '@mnpddh/shared';
import { CaseEvents, type CaseCreatedEvent } from '../vault/case-events.js';
import { AlertsService } from './alerts.service.js';
import { createdKey } from './overdue-alerts.js';
import { PromptDelivery } from './prompt-delivery.js';

/**
 * A new urgent request or call-me-back request alerts the rota at once, and
 * silence after an arrest or a disappearance alerts it too: the
 * alert is written in the case's own transaction, so there is never a case
 * without its alert (or an alert without its case), and sent as soon as that
 * transaction has committed, not at the next scheduler tick.
 */
@Injectable()
export class IntakeAlerts implements OnModuleInit {
  constructor(
    private readonly events: CaseEvents,
    private readonly alerts: AlertsService,
    private readonly delivery: PromptDelivery,
  ) {}

  onModuleInit(): void {
    this.events.onCreated(async (tx, event) => {
      const kind = alertKindOf(event);
      if (kind) await this.alerts.raise(tx, { kind, caseId: event.caseId, dedupeKey: createdKey(event.caseId) });
    });
    this.events.onCommitted((event) => {
      if (alertKindOf(event)) this.delivery.kick();
    });
    // Silence after an arrest or a disappearance: an overdue alert, sent at the next tick like the scan's.
    this.events.onEscalated(async (tx, event) => {
      await this.alerts.raise(tx, { kind: 'overdue_case', caseId: event.caseId, dedupeKey: event.dedupeKey });
    });
  }
}

/** A call-me-back request is its own queue, urgent or not; otherwise only urgent requests alert. */
export function alertKindOf(event: Pick<CaseCreatedEvent, 'urgent' | 'channel'>): AlertKind | null {
  if (event.channel === 'callback_request') return 'callback_request';
  return event.urgent ? 'urgent_request' : null;
}
