import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alertSentence } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { EscrowService } from '../../apps/api/src/vault/escrow.service.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/**
 * A request accepted while nobody is in the triage team is held by the
 * escrow alone: admins and custodians are all alerted at once, with the
 * neutral operational sentence — nothing of the request — and a flood of such
 * requests pages each of them once a day, not once a request.
 */
const CANARY = `canari-${randomBytes(6).toString('hex')}`;
const calls: { staffId: string; kind: string; text: string; body: string }[] = [];

let webhook: Server;
let portal: RunningPortal;
let admin: StaffClient;
let custodians: StaffClient[];
let caseworker: StaffClient;

beforeAll(async () => {
  webhook = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const json = JSON.parse(body) as { staffId: string; kind: string; text: string };
      calls.push({ ...json, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  portal = await startTestPortal({
    ...FAST_PASSWORDS,
    ALERT_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alert`,
    ALERT_WEBHOOK_SECRET: randomBytes(32).toString('base64url'),
    ALERT_TICK_SECONDS: '0.1',
  });
  admin = await signIn(portal, await createAdmin(portal));
  custodians = [(await createStaff(portal, admin, { roles: ['custodian'] })).client, (await createStaff(portal, admin, { roles: ['custodian'] })).client];
  // Not on call, not a supervisor: not in the triage team, and not alerted.
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'] })).client;
  await portal.app.get(EscrowService).create(
    null,
    custodians.map((c) => c.id),
  );
}, 120_000);

afterAll(async () => {
  await portal?.close();
  await new Promise<void>((resolve) => (webhook ? webhook.close(() => resolve()) : resolve()));
});

async function submit(): Promise<string> {
  const response = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({
      summary: `Des menaces par téléphone depuis une semaine. ${CANARY}`,
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
      contact: { methods: ['whatsapp'], phone: '+223 76 00 00 00' },
      consent: { processing: true },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** Waits (polling the condition, bounded) until the dispatcher has made this many webhook calls. */
async function callsReach(count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (calls.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('a case only the escrow holds', () => {
  it('alerts every admin and custodian at once, with nothing of the request', async () => {
    const reference = await submit();
    await callsReach(3);
    expect(calls.map((c) => c.staffId).sort()).toEqual([admin.id, ...custodians.map((c) => c.id)].sort());
    for (const call of calls) {
      expect(call.kind).toBe('operational');
      expect(call.text.startsWith(alertSentence('operational'))).toBe(true);
      expect(call.body).not.toContain(CANARY);
      expect(call.body).not.toContain(reference);
    }
    expect(calls.map((c) => c.staffId)).not.toContain(caseworker.id);
    // Nothing ties the alert to the case: no case id on the row or in the audit.
    const rows = await asOwner<{ case_id: string | null; topic: string; escalate_at: Date | null }>(
      portal,
      "SELECT case_id, topic, escalate_at FROM alert WHERE topic = 'case_held_by_escrow_only'",
    );
    expect(rows).toEqual([{ case_id: null, topic: 'case_held_by_escrow_only', escalate_at: null }]);
  });

  it('a flood into the empty team pages each person once a day, not once a request', async () => {
    for (let i = 0; i < 3; i++) await submit();
    expect(await asOwner(portal, "SELECT count(*)::int AS n FROM alert WHERE topic = 'case_held_by_escrow_only'")).toEqual([{ n: 1 }]);
    expect(await asOwner(portal, 'SELECT count(*)::int AS n FROM alert_delivery')).toEqual([{ n: 3 }]);
  });
});
