import { describe, expect, test } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'webhook-secret-for-the-gateway-0001';
const body = JSON.stringify({ alertId: 'a', kind: 'urgent_request', text: 'Nouvelle demande urgente — connectez-vous.' });

describe('webhook signature', () => {
  test('is the HMAC-SHA256 hex of the UTF-8 body', () => {
    expect(signWebhookBody(body, secret)).toBe(createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex'));
    expect(signWebhookBody(body, secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('verifies the signature of the same body under the same secret', () => {
    expect(verifyWebhookSignature(body, secret, signWebhookBody(body, secret))).toBe(true);
  });

  test('refuses another body, another secret, or a malformed signature', () => {
    const signature = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(`${body} `, secret, signature)).toBe(false);
    expect(verifyWebhookSignature(body, `${secret}x`, signature)).toBe(false);
    expect(verifyWebhookSignature(body, secret, signature.slice(2))).toBe(false);
    expect(verifyWebhookSignature(body, secret, 'zz'.repeat(32))).toBe(false);
  });
});
