import type { AppConfig } from '../config/config.schema.js';

export const ALERT_SETTINGS = Symbol('ALERT_SETTINGS');

/** How alerts go out, from the environment (AppConfig). Secrets stay in here: never log this object. */
export interface AlertSettings {
  readonly escalationMs: number;
  readonly tickMs: number;
  /** Where the dashboard lists alerts: the only link an alert carries. */
  readonly dashboardUrl: string;
  readonly email: { readonly smtpUrl: string; readonly from: string } | null;
  readonly webhook: { readonly url: string; readonly secret: string } | null;
  /** Tries per delivery before it is given up (one per scheduler tick). */
  readonly maxAttempts: number;
}

export const MAX_DELIVERY_ATTEMPTS = 5;

export function alertSettings(config: AppConfig): AlertSettings {
  const base = (config.STAFF_URL ?? config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  return {
    escalationMs: Math.round(config.ALERT_ESCALATION_MINUTES * 60_000),
    tickMs: Math.round(config.ALERT_TICK_SECONDS * 1000),
    dashboardUrl: `${base}/personnel/urgences`,
    email: config.SMTP_URL ? { smtpUrl: config.SMTP_URL, from: config.ALERT_FROM } : null,
    webhook: config.ALERT_WEBHOOK_URL && config.ALERT_WEBHOOK_SECRET ? { url: config.ALERT_WEBHOOK_URL, secret: config.ALERT_WEBHOOK_SECRET } : null,
    maxAttempts: MAX_DELIVERY_ATTEMPTS,
  };
}
