/**
 * The portal the hostile suites fire at, with real callers: staff signed in
 * over HTTP (cookie + CSRF token), a real case the supervisor holds, its
 * follow-up session, and a started upload — so that path parameters point
 * at things that exist and handlers, not only guards, are reached.
 */
import { randomBytes } from 'node:crypto';
import { SubmissionReceipt, UploadCreated } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';
import { ACCESS_MATRIX, type Audience, type Caller } from './access-matrix.js';
import type { Credentials, PlainForm, Target } from './hostile-fire.js';
import { bodySchemaOf, fieldTargets, sampleOf, type OpenApiDocument } from './hostile-samples.js';
import { isPlainPath, listApiRoutes, probeMethods, routeKey } from './routes.js';

export const FOLLOW_UP_COOKIE = 'mnpddh_follow_up';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A first step the intake accepts. */
export const FIRST_STEP = {
  summary: 'Corpus hostile : un journaliste menacé à Gao.',
  rightNow: { detainedOrMissing: 'no', lifeInDanger: 'unknown' },
  contact: { methods: ['whatsapp'], phone: '+223 70 00 00 00', safeTimes: 'le soir' },
  consent: { processing: true },
};

/**
 * Bodies known to pass validation, for routes whose schema has rules
 * beyond its JSON Schema (a phone required with the phone method…). Routes
 * without an entry get a body generated from their schema.
 */
const KNOWN_BODIES: Readonly<Record<string, unknown>> = {
  'POST /api/requests': FIRST_STEP,
  'POST /api/callback-requests': { phone: '+223 66 00 00 00', language: 'bm', consent: { processing: true } },
  'POST /api/follow-up/session': { receipt: '0000 1111 2222 3333 4444 5555' },
  'POST /api/follow-up/messages': { body: 'Message de test.' },
  'POST /api/follow-up/uploads': { kind: 'file', name: 'piece.pdf', type: 'application/pdf', size: 16 },
  'POST /api/auth/login': { email: 'personne@cndh.test', password: 'kora tamarin nuit', totp: '000000' },
};

/** The fields of each page without JavaScript, and what a real visitor answers in them (hidden fields included: they are input too). */
const PLAIN_FORMS: Readonly<Record<string, Omit<PlainForm, 'token'>>> = {
  'POST /simple/demande': {
    fields: [
      'summary',
      'rightNow.detainedOrMissing',
      'rightNow.lifeInDanger',
      'contact.methods',
      'contact.phone',
      'contact.email',
      'contact.safeTimes',
      'consent.processing',
      '_draft',
      '_step',
      '_go',
      'lang',
      '_once',
      '_token',
    ],
    base: {
      summary: 'Corpus hostile sans JavaScript : un défenseur menacé à Kayes.',
      'rightNow.detainedOrMissing': 'no',
      'rightNow.lifeInDanger': 'unknown',
      _step: '0',
      _go: 'next',
    },
  },
  'POST /simple/rappel': {
    fields: ['phone', 'safeTimes', 'language', 'lifeInDanger', 'consent.processing', 'lang', '_once'],
    base: { phone: '+223 70 00 00 00', lifeInDanger: 'no', 'consent.processing': 'on' },
  },
  'POST /simple/suivi': { fields: ['receipt', 'lang', '_once'], base: { receipt: '0000 1111 2222 3333 4444 5555' } },
  'POST /simple/suivi/fin': { fields: ['lang', '_once', '_token'], base: {} },
  'POST /simple/suivi/message': { fields: ['body', 'lang', '_once'], base: { body: 'Message de test sans JavaScript.' } },
  'POST /simple/suivi/details': {
    fields: ['incidents.0.types', 'incidents.0.description', 'location.region', 'help.measures', '_once'],
    base: { 'location.region': 'mopti' },
  },
  'POST /simple/suivi/accord': { fields: ['consentId', 'note', '_once'], base: { note: 'Corpus hostile.' } },
  'POST /simple/suivi/fichier': { fields: ['keepOriginal', 'lang', '_once'], base: {}, multipart: true },
};

/** A visitor of the pages without JavaScript: the form cookie (`name=value`) and the token the page gave it. */
export async function plainVisitor(portal: RunningPortal): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${portal.url}/simple/rappel`);
  const cookie = page.headers
    .getSetCookie()
    .find((line) => line.startsWith('mnpddh_form='))
    ?.split(';')[0];
  const token = /name="_token" value="([^"]*)"/.exec(await page.text())?.[1];
  if (!cookie || !token) throw new Error('the plain page gave no form cookie or token');
  return { cookie, token };
}

export interface HostilePortal {
  readonly portal: RunningPortal;
  readonly caseId: string;
  readonly receipt: string;
  readonly followUp: Credentials;
  /** every write route the router serves, with its caller and body */
  readonly targets: { target: Target; audience: Audience }[];
  /** ids of staff created for the suite (never the ones firing) */
  readonly victimId: string;
  readonly supervisor: StaffClient;
}

const credentialsOf = (client: StaffClient): Credentials => ({ cookie: client.cookie, csrfToken: client.session.csrfToken });

export async function startHostilePortal(): Promise<HostilePortal> {
  const portal = await startTestPortal(FAST_PASSWORDS);
  const admin = await signIn(portal, await createAdmin(portal));
  const staff: Partial<Record<Caller, StaffClient>> = { admin };
  for (const [caller, role] of [
    ['supervisor', 'supervisor'],
    ['caseworkerWithGrant', 'caseworker'],
    ['auditor', 'auditor'],
  ] as const) {
    staff[caller] = (await createStaff(portal, admin, { roles: [role] })).client;
  }
  const victim = (await createStaff(portal, admin, { roles: ['caseworker'] })).client;

  const submitted = await fetch(`${portal.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(24).toString('base64url') },
    body: JSON.stringify(FIRST_STEP),
  });
  if (submitted.status !== 201) throw new Error(`submission failed with ${submitted.status}`);
  const answer = SubmissionReceipt.parse(await submitted.json());
  const [found] = await asOwner<{ id: string }>(portal, 'SELECT id FROM protection_case WHERE reference = $1', [answer.reference]);
  if (!found) throw new Error('the submitted case is not in the database');
  const followUp = await openFollowUp(portal, answer.receipt);
  const uploadId = await startUpload(portal, followUp);

  const doc = (await (await fetch(`${portal.url}/api/docs-json`)).json()) as OpenApiDocument;
  const params = (path: string): Record<string, string> => {
    if (path.includes('/uploads/')) return { id: uploadId };
    if (path.includes('/staff/')) return { id: victim.id };
    if (path.includes('/cases/')) return { id: found.id, caseId: found.id };
    return {};
  };
  const visitor = await plainVisitor(portal);
  const targets: HostilePortal['targets'] = [];
  for (const route of listApiRoutes(portal)) {
    for (const method of probeMethods(route.method).filter((m) => WRITES.has(m))) {
      const key = routeKey(route);
      const access = ACCESS_MATRIX[key];
      const audience: Audience = access?.audience ?? (route.path.startsWith('/api/follow-up') ? 'follow-up' : 'staff');
      if (isPlainPath(route.path)) {
        const form = PLAIN_FORMS[key];
        if (!form) throw new Error(`no plain form described for ${key}: add it to PLAIN_FORMS`);
        const cookie = [audience === 'follow-up' ? followUp.cookie : undefined, visitor.cookie].filter(Boolean).join('; ');
        targets.push({ audience, target: { key, method, path: route.path, credentials: { cookie }, fields: [], plain: { ...form, token: visitor.token } } });
        continue;
      }
      let credentials: Credentials = {};
      if (audience === 'follow-up') credentials = followUp;
      if (audience === 'staff') credentials = credentialsOf(await staffCallerFor(portal, admin, staff, key, route.path));
      const schema = bodySchemaOf(doc, method, route.path);
      const base = KNOWN_BODIES[`${method} ${route.path}`] ?? (schema ? sampleOf(schema) : undefined);
      const path = fillParams(route.path, { ...params(route.path), ...(access?.params?.({ caseId: found.id }) ?? {}) });
      targets.push({
        audience,
        target: { key: `${method} ${route.path}`, method, path, credentials, schema, base, fields: schema ? fieldTargets(schema) : [] },
      });
    }
  }
  return { portal, caseId: found.id, receipt: answer.receipt, followUp, targets, victimId: victim.id, supervisor: staff.supervisor as StaffClient };
}

/**
 * Who fires at a staff route: the first caller the matrix lets through
 * (supervisor first: it holds the case). Routes that end or change the
 * caller's own session (/api/auth/…) get a colleague of their own.
 */
async function staffCallerFor(
  portal: RunningPortal,
  admin: StaffClient,
  staff: Partial<Record<Caller, StaffClient>>,
  key: string,
  path: string,
): Promise<StaffClient> {
  const expect = ACCESS_MATRIX[key]?.expect;
  const order: Caller[] = ['supervisor', 'admin', 'caseworkerWithGrant', 'auditor'];
  const caller = order.find((c) => !expect || expect[c] === 'allowed') ?? 'supervisor';
  if (ACCESS_MATRIX[key]?.endsSession || path.startsWith('/api/auth/')) {
    const role = caller === 'admin' ? 'admin' : caller === 'auditor' ? 'auditor' : caller === 'supervisor' ? 'supervisor' : 'caseworker';
    return (await createStaff(portal, admin, { roles: [role] })).client;
  }
  return staff[caller] as StaffClient;
}

function fillParams(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? '00000000-0000-4000-8000-000000000000'));
}

export async function openFollowUp(portal: RunningPortal, receipt: string): Promise<Credentials> {
  const response = await fetch(`${portal.url}/api/follow-up/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt }),
  });
  if (response.status !== 200) throw new Error(`follow-up session refused with ${response.status}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${FOLLOW_UP_COOKIE}=`));
  if (!cookie) throw new Error('no follow-up cookie');
  return { cookie: cookie.split(';')[0] as string };
}

export async function startUpload(portal: RunningPortal, followUp: Credentials, input: unknown = KNOWN_BODIES['POST /api/follow-up/uploads']): Promise<string> {
  const response = await fetch(`${portal.url}/api/follow-up/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: followUp.cookie ?? '' },
    body: JSON.stringify(input),
  });
  if (response.status !== 201) throw new Error(`upload start refused with ${response.status}: ${await response.text()}`);
  return UploadCreated.parse(await response.json()).uploadId;
}
