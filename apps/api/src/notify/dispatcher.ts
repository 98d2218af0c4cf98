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
 * committed (at once after an urgent request, and at every scheduler tick):
 * a case is never held open by a slow mail server. A failed try is retried
 * on the next ticks, up to maxAttempts. Logs say which delivery and why,
 * never an address or text.
 *
 * A burst pages once: the deliveries pending for one person, channel and
 * kind go out as one page that counts the alerts of that kind nobody has
 * acknowledged ("7 nouvelles demandes urgentes"); while such a page is
 * unanswered, further ones are folded into it for an escalation delay, so a
 * flood of requests wakes the person on call once, and the next person only
 * when the alerts escalate to them.
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

  /** Tries every pending page once; returns how many went out. */
  async deliverPending(): Promise<number> {
    const pending = await this.repository.pendingDeliveries(this.prisma);
    if (pending.length === 0) return 0;
    const recipients = new Map((await this.repository.recipients(this.prisma, [...new Set(pending.map((d) => d.recipientId))])).map((r) => [r.id, r]));
    let sent = 0;
    for (const burst of bursts(pending)) if (await this.deliverBurst(burst, recipients.get(burst[0].recipientId))) sent++;
    return sent;
  }

  /** One page for the burst, or none when the person already has an unanswered page of this kind. */
  private async deliverBurst(burst: Burst, recipient: AlertRecipient | undefined): Promise<boolean> {
    const [first, ...rest] = burst;
    const now = new Date();
    const since = new Date(now.getTime() - this.settings.escalationMs);
    if (await this.repository.pagedSince(this.prisma, first.recipientId, first.channel, first.alert.kind, since)) {
      await this.repository.markFolded(
        this.prisma,
        burst.map((delivery) => delivery.id),
        now,
      );
      return false;
    }
    const count = await this.repository.unacknowledgedCount(this.prisma, first.alert.kind);
    if (!(await this.deliver(first, recipient, count))) return false;
    await this.repository.markFolded(
      this.prisma,
      rest.map((delivery) => delivery.id),
      now,
    );
    return true;
  }

  private async deliver(delivery: PendingDelivery, recipient: AlertRecipient | undefined, count: number): Promise<boolean> {
    try {
      if (!recipient?.active) throw new Error('recipient inactive or gone');
      await this.send(delivery, recipient, count);
      await this.repository.markSent(this.prisma, delivery.id, new Date());
      return true;
    } catch (error) {
      const giveUp = delivery.attempts + 1 >= this.settings.maxAttempts || !recipient?.active;
      this.runtime.logger.warn(
        { deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attempts + 1, giveUp, reason: reasonOf(error) },
        'alert delivery failed',
      );
      await this.repository.markFailed(this.prisma, delivery.id, new Date(), giveUp);
      return false;
    }
  }

  private async send(delivery: PendingDelivery, recipient: AlertRecipient, count: number): Promise<void> {
    const text = alertText(delivery.alert.kind, this.settings.dashboardUrl, count);
    if (delivery.channel === 'email') return this.email.send(recipient.email, text);
    return this.webhook.send({ alertId: delivery.alert.id, kind: delivery.alert.kind, text, to: recipient.alertPhone, staffId: recipient.id });
  }
}

type Burst = [PendingDelivery, ...PendingDelivery[]];

/** Pending deliveries grouped by person, channel and kind, oldest first. */
function bursts(pending: PendingDelivery[]): Burst[] {
  const groups = new Map<string, Burst>();
  for (const delivery of pending) {
    const key = `${delivery.recipientId}/${delivery.channel}/${delivery.alert.kind}`;
    const group = groups.get(key);
    if (group) group.push(delivery);
    else groups.set(key, [delivery]);
  }
  return [...groups.values()];
}

/** An error's class and code only: SMTP errors may quote the server's reply, which may quote an address. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name}:${code}` : error.name;
}
