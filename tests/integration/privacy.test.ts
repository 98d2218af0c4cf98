import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ErrorBody, PRIVACY_NOTICE_VERSION, RegisterOfProcessing, SubmissionReceipt } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let reader: StaffWithKeys;
let admin: StaffClient;
let supervisor: StaffClient;

const firstStep = {
  summary: 'On me menace depuis ma dernière déclaration à la radio.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
  contact: { methods: ['phone'], phone: '+223 70 44 55 66' },
};

beforeAll(async () => {
  // Hosted abroad, so the register must declare a transfer.
  portal = await startTestPortal({ ...FAST_PASSWORDS, HOSTING_COUNTRY: 'SN' });
  reader = await createStaffWithKeys(portal.app, ['supervisor']);
  admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Vie Privée' })).client;
});
afterAll(async () => {
  await portal?.close();
});

function submit(consent: unknown): Promise<Response> {
  return fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify({ ...firstStep, consent }),
  });
}

async function caseIdOf(reference: string): Promise<string> {
  const client = new pg.Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM protection_case WHERE reference = $1', [reference]);
    return rows[0]?.id as string;
  } finally {
    await client.end();
  }
}

describe('the privacy notice version', () => {
  it('is accepted when current and stored with the consent, inside the encrypted situation', async () => {
    const response = await submit({ processing: true, noticeVersion: PRIVACY_NOTICE_VERSION });
    expect(response.status).toBe(201);
    const caseId = await caseIdOf(SubmissionReceipt.parse(await response.json()).reference);
    const opened = await portal.app.get(CaseVaultService).openCase(reader, caseId);
    expect(opened.content.situation).toMatchObject({ consent: { processing: true, noticeVersion: PRIVACY_NOTICE_VERSION } });
  });

  it('is stored with a call-back request too', async () => {
    const response = await fetch(`${portal.url}/api/callback-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr', 'idempotency-key': randomBytes(24).toString('base64url') },
      body: JSON.stringify({ phone: '+223 70 00 00 00', consent: { processing: true, noticeVersion: PRIVACY_NOTICE_VERSION } }),
    });
    expect(response.status).toBe(201);
    const caseId = await caseIdOf(((await response.json()) as { reference: string }).reference);
    const opened = await portal.app.get(CaseVaultService).openCase(reader, caseId);
    expect(opened.content.situation).toMatchObject({ channel: 'callback_request', consent: { processing: true, noticeVersion: PRIVACY_NOTICE_VERSION } });
  });

  it('is refused when unknown, with a field error on consent.noticeVersion in French', async () => {
    const response = await submit({ processing: true, noticeVersion: '1999-01-1' });
    expect(response.status).toBe(400);
    const error = ErrorBody.parse(await response.json()).error;
    expect(error.fields).toEqual([{ field: 'consent.noticeVersion', message: expect.stringMatching(/notice sur les données personnelles est inconnue/) }]);
  });
});

describe('GET /api/admin/register-of-processing', () => {
  it('answers an admin with the register built from the configuration and the retention settings', async () => {
    const policy = { closedMonths: 36, inadmissibleMonths: 3, warningDays: 45 };
    expect((await admin.request('PUT', '/api/admin/retention', { body: policy })).status).toBe(200);
    const response = await admin.get('/api/admin/register-of-processing');
    expect(response.status).toBe(200);
    const register = RegisterOfProcessing.parse(await response.json());
    expect(register.noticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(register.controller.name).toMatch(/CNDH/);
    expect(register.retention.policy).toEqual(policy);
    expect(register.transfers).toMatchObject({ hostingCountry: 'SN', abroad: true });
    expect(register.transfers.details.join(' ')).toMatch(/APDP/);
    expect(register.legalBasis.join(' ')).toMatch(/2013-015.*2017-070/);
  });

  it('refuses other staff with 403 and strangers with 401', async () => {
    expect((await supervisor.get('/api/admin/register-of-processing')).status).toBe(403);
    expect((await fetch(`${portal.url}/api/admin/register-of-processing`)).status).toBe(401);
  });
});
