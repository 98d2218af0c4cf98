import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings.js';
import { ALERT_SUBJECT } from './alert-message.js';

/** Alerts by e-mail over SMTP (SMTP_URL): plain text, neutral subject, nothing about the case. */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(ALERT_SETTINGS) private readonly settings: AlertSettings) {}

  get configured(): boolean {
    return this.settings.email !== null;
  }

  async send(to: string, text: string): Promise<void> {
    const email = this.settings.email;
    if (!email) throw new Error('e-mail alerts are not configured');
    // Short timeouts: a stuck mail server must not hold up the next escalation for minutes.
    this.transport ??= createTransport({ url: email.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }, { from: email.from });
    await this.transport.sendMail({ to, subject: ALERT_SUBJECT, text });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
