import { ALERT_TEXT, type AlertKind } from '@mnpddh/shared';

/**
 * What leaves the portal when someone is alerted: the fixed sentence of the
 * alert's kind and the dashboard link, nothing else. No reference, region,
 * type or name — a mailbox or a phone may be read by the wrong person.
 */
export const ALERT_SUBJECT = 'MNPDDH — alerte';

export function alertText(kind: AlertKind, dashboardUrl: string): string {
  return `${ALERT_TEXT[kind]}\n${dashboardUrl}`;
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
