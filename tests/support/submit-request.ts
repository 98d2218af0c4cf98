import { randomBytes } from 'node:crypto';
import type { RunningPortal } from '../../apps/api/src/boot.js';

/** Files a request through the public API as the form does (a fresh idempotency key); throws unless it is accepted. */
export async function submitRequest(portal: RunningPortal, body: unknown): Promise<void> {
  const response = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`request refused with ${response.status}: ${await response.text()}`);
}
