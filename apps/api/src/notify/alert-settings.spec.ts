import { describe, expect, test } from '@jest/globals';
import { ConfigError, parseConfig } from '../config/config.schema.js';
import { alertSettings } from './alert-settings.js';

const secret = 'a-webhook-secret-of-at-least-32-characters';

describe('alert configuration', () => {
  test('defaults: no channel, 15 minutes, a tick every 30 s, the dashboard on the local port', () => {
    const settings = alertSettings(parseConfig({}));
    expect(settings).toMatchObject({ email: null, webhook: null, escalationMs: 15 * 60_000, tickMs: 30_000 });
    expect(settings.dashboardUrl).toBe('http://localhost:3000/personnel/urgences');
  });

  test('both channels from the environment, the link under PUBLIC_URL', () => {
    const settings = alertSettings(
      parseConfig({
        SMTP_URL: 'smtps://alerts:pw@mail.example.org:465',
        ALERT_FROM: 'alertes@cndh.ml',
        ALERT_WEBHOOK_URL: 'https://gateway.example.org/alert',
        ALERT_WEBHOOK_SECRET: secret,
        ALERT_ESCALATION_MINUTES: '0.5',
        PUBLIC_URL: 'https://portail.cndh.ml/',
      }),
    );
    expect(settings.email).toEqual({ smtpUrl: 'smtps://alerts:pw@mail.example.org:465', from: 'alertes@cndh.ml' });
    expect(settings.webhook).toEqual({ url: 'https://gateway.example.org/alert', secret });
    expect(settings.escalationMs).toBe(30_000);
    expect(settings.dashboardUrl).toBe('https://portail.cndh.ml/personnel/urgences');
  });

  test('a webhook without its secret is refused, naming the variable', () => {
    expect(() => parseConfig({ ALERT_WEBHOOK_URL: 'https://gateway.example.org/alert' })).toThrow(/ALERT_WEBHOOK_SECRET/);
  });

  test('a bad SMTP URL is refused without echoing it', () => {
    let error: unknown;
    try {
      parseConfig({ SMTP_URL: 'http://user:hunter2-secret@mail.example.org' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('SMTP_URL');
    expect((error as ConfigError).message).not.toContain('hunter2-secret');
  });
});
