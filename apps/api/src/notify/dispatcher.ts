import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { PrismaService } from '../database/prisma.service.js';
import { alertText } from './alert-message.js';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { EmailChannel } from './email.channel.js';
import { NotifyRepository, type AlertRecipient, type PendingDelivery } from './notify.repository.js';
import { WebhookChannel } from './webhook.channel.js';

/**
 * Sends the deliveries the alerts service wrote, after their transaction
 * committed (the scheduler calls it every tick): a case is never held open
 * by a slow mail server. A failed try is retried on the next ticks, up to
 * maxAttempts. Logs say which delivery and why, never an address or text.
 */
@Injectable()
export class Dispatcher {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly prisma: PrismaService,
    private readonly repository: NotifyRepository,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
  ) {}

  /** Tries every pending delivery once; returns how many went out. */
  async deliverPending(): Promise<number> {
    const pending = await this.repository.pendingDeliveries(this.prisma);
    if (pending.length === 0) return 0;
    const recipients = new Map((await this.repository.recipients(this.prisma, [...new Set(pending.map((d) => d.recipientId))])).map((r) => [r.id, r]));
    let sent = 0;
    for (const delivery of pending) if (await this.deliver(delivery, recipients.get(delivery.recipientId))) sent++;
    return sent;
  }

  private async deliver(delivery: PendingDelivery, recipient: AlertRecipient | undefined): Promise<boolean> {
    try {
      if (!recipient?.active) throw new Error('recipient inactive or gone');
      await this.send(delivery, recipient);
      await this.repository.markSent(this.prisma, delivery.id, new Date());
      return true;
    } catch (error) {
      const giveUp = delivery.attempts + 1 >= this.settings.maxAttempts || !recipient?.active;
      this.runtime.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attempts + 1, giveUp, reason: reasonOf(error) }, 'alert delivery failed');
      await this.repository.markFailed(this.prisma, delivery.id, new Date(), giveUp);
      return false;
    }
  }

  private async send(delivery: PendingDelivery, recipient: AlertRecipient): Promise<void> {
    const text = alertText(delivery.alert.kind, this.settings.dashboardUrl);
    if (delivery.channel === 'email') return this.email.send(recipient.email, text);
    return this.webhook.send({ alertId: delivery.alert.id, kind: delivery.alert.kind, text, to: recipient.alertPhone, staffId: recipient.id });
  }
}

/** An error's class and code only: SMTP errors may quote the server's reply, which may quote an address. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name}:${code}` : error.name;
}
