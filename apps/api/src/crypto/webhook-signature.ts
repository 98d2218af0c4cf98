/**
 * The signature of an alert webhook call: HMAC-SHA256 (hex) of the exact body
 * bytes under the secret shared with the gateway the mechanism runs, so the
 * gateway can refuse a call that did not come from the portal. node:crypto,
 * not libsodium: the gateway side has HMAC-SHA256 in every language.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhookBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** Constant-time check of a presented signature (what the gateway does). */
export function verifyWebhookSignature(body: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookBody(body, secret), 'hex');
  const presented = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
