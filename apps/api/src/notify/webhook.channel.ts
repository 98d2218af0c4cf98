import { Inject, Injectable } from '@nestjs/common';
import { signWebhookBody } from '../crypto/index.js';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { webhookBody, type WebhookCall } from './alert-message.js';

export const WEBHOOK_SIGNATURE_HEADER = 'X-MNPDDH-Signature';
const TIMEOUT_MS = 10_000;

/**
 * Alerts through a gateway the mechanism runs (SMS, Signal): a JSON POST
 * signed with HMAC-SHA256 under ALERT_WEBHOOK_SECRET. Any answer but 2xx is
 * a failure, retried by the dispatcher.
 */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(ALERT_SETTINGS) private readonly settings: AlertSettings) {}

  get configured(): boolean {
    return this.settings.webhook !== null;
  }

  async send(call: WebhookCall): Promise<void> {
    const webhook = this.settings.webhook;
    if (!webhook) throw new Error('webhook alerts are not configured');
    const body = webhookBody(call);
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(body, webhook.secret) },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
