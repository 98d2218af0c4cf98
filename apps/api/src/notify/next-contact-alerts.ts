import type { AlertToRaise } from './overdue-alerts.js';

/** An open, assigned case's planned next contact, from the clear index only. */
export interface NextContactIndex {
  readonly id: string;
  readonly assignedTo: string | null;
  readonly nextContactAt?: Date | null;
}

/**
 * A planned next contact that has passed on an assigned open case:
 * an existing 'overdue_case' alert (no new alert kind, no enum change), once
 * per case and date — a new date planned and missed alerts again. The alert
 * carries the kind's fixed sentence only, never the case (alert-message.ts).
 */
export function nextContactAlerts(index: NextContactIndex, now: Date): AlertToRaise[] {
  if (!index.assignedTo || !index.nextContactAt || index.nextContactAt.getTime() >= now.getTime()) return [];
  return [{ kind: 'overdue_case', caseId: index.id, dedupeKey: `overdue:next_contact:${index.id}:${index.nextContactAt.toISOString()}` }];
}
