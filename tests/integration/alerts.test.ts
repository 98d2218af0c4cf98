/**
 * On-call alerts against a real local SMTP server and a real local
 * webhook receiver: an urgent request reaches the first person of the rota
 * at once, says nothing about the case, escalates while unacknowledged, and
 * stops once acknowledged; overdue cases alert once.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import { alertSentence, AlertList, AlertView, ErrorBody, StaffDirectory, SubmissionReceipt, type AlertKind } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { verifyWebhookSignature } from '../../apps/api/src/crypto/index.js';
import { AlertClock } from '../../apps/api/src/notify/alert-clock.js';
import { AlertScheduler } from '../../apps/api/src/notify/alert-scheduler.js';
import { encodings } from '../support/leaks.js';
import { parseMail, type ReceivedMail } from '../support/local-smtp.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, sleep, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

const WEBHOOK_SECRET = randomBytes(24).toString('hex');
const ESCALATION_MS = 2_000;
const PUBLIC_URL = 'https://portail.cndh.test';
const DASHBOARD_LINK = `${PUBLIC_URL}/personnel/urgences`;
const FIRST_PHONE = '+22370000001';

interface WebhookCall {
  readonly body: string;
  readonly signature: string;
  readonly json: { alertId: string; kind: AlertKind; text: string; to: string | null; staffId: string };
}

const mails: ReceivedMail[] = [];
const calls: WebhookCall[] = [];
/** Callback-request alerts: the first webhook call of each fails (503), to show the retry. */
const failedOnce = new Set<string>();

let smtp: SMTPServer;
let webhook: Server;
let portal: RunningPortal;
let admin: StaffClient;
let first: StaffClient;
let second: StaffClient;
let supervisor: StaffClient;
let outsider: StaffClient;

function urgentRequest(canary: string) {
  return {
    summary: `Mon frère a été arrêté ce soir à Sévaré par des hommes en uniforme. ${canary}`,
    rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
    contact: { methods: ['whatsapp'], phone: '+223 70 11 22 33', safeTimes: `après 20 h ${canary}` },
    consent: { processing: true },
  };
}

const ordinaryRequest = {
  summary: 'Des menaces par téléphone depuis une semaine.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
  contact: { methods: ['whatsapp'], phone: '+223 76 00 00 00' },
  consent: { processing: true },
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
            mailFrom ? mailFrom.address : '',
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  webhook = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const json = JSON.parse(body) as WebhookCall['json'];
      if (json.kind === 'callback_request' && !failedOnce.has(json.alertId)) {
        failedOnce.add(json.alertId);
        response.writeHead(503).end();
        return;
      }
      calls.push({ body, signature: String(request.headers['x-mnpddh-signature'] ?? ''), json });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  portal = await startTestPortal({
    ...FAST_PASSWORDS,
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    ALERT_FROM: 'alertes@cndh.test',
    ALERT_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alert`,
    ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ALERT_ESCALATION_MINUTES: String(ESCALATION_MS / 60_000),
    ALERT_TICK_SECONDS: '0.1',
    PUBLIC_URL,
  });
  admin = await signIn(portal, await createAdmin(portal));
  first = (await createStaff(portal, admin, { roles: ['caseworker'], onCall: true, name: 'Awa Première' })).client;
  second = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Binta Seconde' })).client;
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Drissa Superviseur' })).client;
  outsider = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Cheick Hors-rota' })).client;
  await asOwner(portal, 'UPDATE staff_user SET alert_phone = $1 WHERE id = $2', [FIRST_PHONE, first.id]);
});

afterAll(async () => {
  await portal?.close();
  await new Promise<void>((resolve) => (webhook ? webhook.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('the on-call rota', () => {
  it('is set by a supervisor in order; the new member is re-certified as on call', async () => {
    const response = await supervisor.request('PUT', '/api/admin/rota', { body: { staffIds: [first.id, second.id] } });
    expect(response.status).toBe(200);
    const rota = StaffDirectory.parse(await response.json());
    expect(rota.users.slice(0, 2).map((u) => [u.id, u.onCall, u.hasKeys])).toEqual([
      [first.id, true, true],
      [second.id, true, true],
    ]);
    const positions = await asOwner<{ id: string; rota_position: number | null }>(portal, 'SELECT id, rota_position FROM staff_user WHERE id = ANY($1)', [
      [first.id, second.id],
    ]);
    expect(Object.fromEntries(positions.map((p) => [p.id, p.rota_position]))).toEqual({ [first.id]: 0, [second.id]: 1 });
    const audit = await asOwner(portal, "SELECT actor_id FROM audit_event WHERE action = 'staff.rota_updated'");
    expect(audit).toEqual([{ actor_id: supervisor.id }]);
  });

  it('refuses someone who could not hold cases (an admin)', async () => {
    const response = await admin.request('PUT', '/api/admin/rota', { body: { staffIds: [first.id, admin.id] } });
    expect(response.status).toBe(400);
    expect(ErrorBody.parse(await response.json()).error.fields?.map((f) => f.field)).toEqual(['staffIds.1']);
  });
});

describe('an urgent request', () => {
  it('alerts the first person on call by e-mail and webhook, with nothing of the case in either', async () => {
    const canary = `CANARY${randomBytes(6).toString('hex')}`;
    const { reference, caseId } = await submit(urgentRequest(canary));
    const alertId = await alertOf(caseId, 'urgent_request');

    const call = await waitFor(() => calls.find((c) => c.json.alertId === alertId && c.json.staffId === first.id));
    const mail = await waitFor(() => mails.find((m) => m.to.includes(first.session.user.email)));
    expect(mail.subject).toBe('MNPDDH — alerte');
    expect(mail.from).toBe('alertes@cndh.test');
    expect(mail.text.trim()).toBe(`${alertSentence('urgent_request')}\n${DASHBOARD_LINK}`);
    expect(call.json).toEqual({
      alertId,
      kind: 'urgent_request',
      text: `${alertSentence('urgent_request')}\n${DASHBOARD_LINK}`,
      to: FIRST_PHONE,
      staffId: first.id,
    });
    expect(verifyWebhookSignature(call.body, WEBHOOK_SECRET, call.signature)).toBe(true);
    expect(verifyWebhookSignature(call.body, `${WEBHOOK_SECRET}x`, call.signature)).toBe(false);

    const leaks = [...encodings(canary), Buffer.from(reference), Buffer.from(caseId), Buffer.from('Sévaré'), Buffer.from('20 h')];
    for (const sent of [Buffer.from(mail.raw), Buffer.from(mail.text), Buffer.from(mail.subject), Buffer.from(call.body)]) {
      for (const needle of leaks) expect(sent.includes(needle)).toBe(false);
    }
    // Nobody else has been alerted yet.
    expect(calls.filter((c) => c.json.alertId === alertId).map((c) => c.json.staffId)).toEqual([first.id]);
  });

  it('unacknowledged, goes to the next person of the rota, then to the supervisors, then stops', async () => {
    // An unanswered page would fold this one into it (a burst pages once: alert-floods.test.ts).
    await answerEarlierAlerts();
    const { caseId } = await submit(urgentRequest('escalade'));
    const alertId = await alertOf(caseId, 'urgent_request');
    const reachedAt = async (staffId: string) => (await waitFor(() => calls.find((c) => c.json.alertId === alertId && c.json.staffId === staffId))).json;
    const started = Date.now();
    await reachedAt(first.id);
    expect((await reachedAt(second.id)).to).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(ESCALATION_MS - 200);
    await waitFor(() => mails.find((m) => m.to.includes(second.session.user.email)));
    await reachedAt(supervisor.id);
    await waitFor(() => mails.find((m) => m.to.includes(supervisor.session.user.email)));

    const [row] = await asOwner<{ level: number; escalate_at: Date | null }>(portal, 'SELECT level, escalate_at FROM alert WHERE id = $1', [alertId]);
    expect(row).toEqual({ level: 3, escalate_at: null });
    await sleep(ESCALATION_MS);
    expect(calls.filter((c) => c.json.alertId === alertId).map((c) => c.json.staffId)).toEqual([first.id, second.id, supervisor.id]);
    const seen = AlertList.parse(await (await supervisor.get('/api/alerts')).json()).items.find((a) => a.id === alertId);
    expect(seen).toMatchObject({ kind: 'urgent_request', caseId, level: 3, acknowledgedAt: null });
  });

  it('acknowledged, escalates no further and is audited', async () => {
    const { caseId } = await submit(urgentRequest('accuse'));
    const alertId = await alertOf(caseId, 'urgent_request');
    await waitFor(() => calls.find((c) => c.json.alertId === alertId && c.json.staffId === first.id));
    const response = await first.post(`/api/alerts/${alertId}/acknowledge`);
    expect(response.status).toBe(200);
    const view = AlertView.parse(await response.json());
    expect(view).toMatchObject({ id: alertId, level: 1, acknowledgedByName: 'Awa Première' });
    expect(view.acknowledgedAt).not.toBeNull();

    await sleep(ESCALATION_MS * 2);
    expect(calls.filter((c) => c.json.alertId === alertId).map((c) => c.json.staffId)).toEqual([first.id]);
    const audit = await asOwner(portal, "SELECT actor_id, target_id FROM audit_event WHERE action = 'alert.acknowledged' AND details->>'alertId' = $1", [
      alertId,
    ]);
    expect(audit).toEqual([{ actor_id: first.id, target_id: caseId }]);
    const mine = AlertList.parse(await (await first.get('/api/alerts')).json()).items.find((a) => a.id === alertId);
    expect(mine?.acknowledgedByName).toBe('Awa Première');
  });

  it('cannot be acknowledged by a caseworker it did not reach, who does not see it; a supervisor can', async () => {
    const { caseId } = await submit(urgentRequest('refus'));
    const alertId = await alertOf(caseId, 'urgent_request');
    const refused = await outsider.post(`/api/alerts/${alertId}/acknowledge`);
    expect(refused.status).toBe(403);
    expect(AlertList.parse(await (await outsider.get('/api/alerts')).json()).items.map((a) => a.id)).not.toContain(alertId);
    const [row] = await asOwner(portal, 'SELECT acknowledged_at FROM alert WHERE id = $1', [alertId]);
    expect(row).toEqual({ acknowledged_at: null });
    const accepted = await supervisor.post(`/api/alerts/${alertId}/acknowledge`);
    expect(accepted.status).toBe(200);
    expect(AlertView.parse(await accepted.json()).acknowledgedByName).toBe('Drissa Superviseur');
  });
});

describe('other requests', () => {
  it('an ordinary request raises no alert', async () => {
    const { caseId } = await submit(ordinaryRequest);
    await portal.app.get(AlertScheduler).tick();
    expect(await asOwner(portal, 'SELECT id FROM alert WHERE case_id = $1', [caseId])).toEqual([]);
  });

  it('a call-me-back request alerts as such; a failed webhook call is retried', async () => {
    const response = await fetch(`${portal.url}/api/callback-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '+223 66 00 00 00', consent: { processing: true } }),
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const alertId = await alertOf(await caseIdOf(reference), 'callback_request');
    const call = await waitFor(() => calls.find((c) => c.json.alertId === alertId && c.json.staffId === first.id));
    expect(call.json.text).toBe(`${alertSentence('callback_request')}\n${DASHBOARD_LINK}`);
    expect(failedOnce.has(alertId)).toBe(true);
    const deliveries = await asOwner(
      portal,
      "SELECT attempts, sent_at IS NOT NULL AS sent FROM alert_delivery WHERE alert_id = $1 AND recipient_id = $2 AND channel = 'webhook'",
      [alertId, first.id],
    );
    expect(deliveries).toEqual([{ attempts: 2, sent: true }]);
  });
});

describe('overdue cases', () => {
  it('an unassigned urgent case past one hour raises one overdue alert, once', async () => {
    const { caseId } = await submit(urgentRequest('retard'));
    await first.post(`/api/alerts/${await alertOf(caseId, 'urgent_request')}/acknowledge`);
    const [index] = await asOwner<{ received_at: Date }>(portal, 'SELECT received_at FROM protection_case WHERE id = $1', [caseId]);
    const receivedAt = (index as { received_at: Date }).received_at;
    const clock = portal.app.get(AlertClock);
    const scheduler = portal.app.get(AlertScheduler);
    const overdueKeys = () =>
      asOwner<{ dedupe_key: string; kind: string }>(portal, 'SELECT dedupe_key, kind FROM alert WHERE case_id = $1 AND kind <> $2', [caseId, 'urgent_request']);

    const atTheHour = jest.spyOn(clock, 'now').mockReturnValue(new Date(receivedAt.getTime() + 60 * 60_000));
    try {
      await scheduler.tick();
      expect(await overdueKeys()).toEqual([]);
      // The scan reads only the clear hour: it takes the arrival as that hour's last instant, so it never alerts early.
      atTheHour.mockReturnValue(new Date(receivedAt.getTime() + 119 * 60_000));
      await scheduler.tick();
      expect(await overdueKeys()).toEqual([]);
      atTheHour.mockReturnValue(new Date(receivedAt.getTime() + 121 * 60_000));
      await scheduler.tick();
      await scheduler.tick();
      await scheduler.tick();
      expect(await overdueKeys()).toEqual([{ dedupe_key: `overdue:unassigned_urgent:${caseId}`, kind: 'overdue_case' }]);
      // The earlier tests' cases are overdue too at that hour: their alerts go out as one page with the count.
      const [overdue] = await asOwner<{ n: number }>(portal, "SELECT count(*)::int AS n FROM alert WHERE kind = 'overdue_case' AND acknowledged_at IS NULL");
      const call = await waitFor(() => calls.find((c) => c.json.kind === 'overdue_case'));
      const text = (overdue?.n ?? 0) > 1 ? `${overdue?.n} dossiers ont dépassé leur délai — connectez-vous.` : alertSentence('overdue_case');
      expect(call.json).toMatchObject({ kind: 'overdue_case', text: `${text}\n${DASHBOARD_LINK}`, staffId: first.id });
      expect(calls.filter((c) => c.json.kind === 'overdue_case' && c.json.staffId === first.id)).toHaveLength(1);
    } finally {
      atTheHour.mockRestore();
    }
  });
});

async function submit(body: unknown): Promise<{ reference: string; caseId: string }> {
  const response = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  const { reference } = SubmissionReceipt.parse(await response.json());
  return { reference, caseId: await caseIdOf(reference) };
}

async function answerEarlierAlerts(): Promise<void> {
  const open = await asOwner<{ id: string }>(portal, 'SELECT id FROM alert WHERE acknowledged_at IS NULL');
  for (const { id } of open) expect((await supervisor.post(`/api/alerts/${id}/acknowledge`)).status).toBe(200);
}

async function caseIdOf(reference: string): Promise<string> {
  const [row] = await asOwner<{ id: string }>(portal, 'SELECT id FROM protection_case WHERE reference = $1', [reference]);
  return row?.id as string;
}

/** The one alert the case's creation raised (written in the case's own transaction: there as soon as the answer is). */
async function alertOf(caseId: string, kind: AlertKind): Promise<string> {
  const rows = await asOwner<{ id: string; kind: string }>(portal, "SELECT id, kind FROM alert WHERE case_id = $1 AND dedupe_key LIKE 'created:%'", [caseId]);
  expect(rows.map((r) => r.kind)).toEqual([kind]);
  return rows[0]?.id as string;
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(25);
  }
}
