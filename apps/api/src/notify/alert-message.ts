import { alertSentence, staffFr, type AlertKind } from '@mnpddh/shared';

/**
 * What leaves the portal when someone is alerted: the fixed sentence of the
 * alert's kind and the dashboard link, nothing else. No reference, region,
 * type or name — a mailbox or a phone may be read by the wrong person.
 */
export const ALERT_SUBJECT = staffFr.alerts.subject;

/** `count`: how many alerts of this kind nobody has acknowledged yet (the page stands for all of them). */
export function alertText(kind: AlertKind, dashboardUrl: string, count = 1): string {
  return `${alertSentence(kind, count)}\n${dashboardUrl}`;
}

export interface WebhookCall {
  readonly alertId: string;
  readonly kind: AlertKind;
  readonly text: string;
  /** Where the gateway reaches the person (their alert phone), or null. */
  readonly to: string | null;
  readonly staffId: string;
}

/** The exact bytes posted (and signed). */
export function webhookBody(call: WebhookCall): string {
  return JSON.stringify({ alertId: call.alertId, kind: call.kind, text: call.text, to: call.to, staffId: call.staffId });
}
