/**
 * Who may call what: one row per API route (method + pattern as the express
 * router holds it), one column per caller. The authorisation-matrix suite
 * checks every cell against the running portal, fails on a route the router
 * serves without a row here, and on a row whose route is gone.
 *
 * Outcomes:
 *   OK    got past access control: any 2xx, or a 4xx other than 401/403
 *         (400 for the empty body, 404 for the unknown id, 429…)
 *   E401  401: no session of the right kind (a plain page read without one
 *         answers 200 with the receipt form instead of the thread: the same refusal)
 *   E403  403: signed in, but not allowed
 *
 * Adding a route: add its row (never copy a row without thinking about each
 * caller). Give `body` when the route validates its body before it checks
 * the caller (the follow-up routes do: their cookie is checked inside the
 * handler), so the cell shows the access check and not the validation.
 * Path parameters get a fresh UUID unless `params` names one (use
 * `context.caseId` for the case the "caseworker with grant" holds a grant on).
 * The plain pages (/simple, no JavaScript) are posted as the browser posts
 * them: url-encoded fields with the page's form cookie and token, so the cell
 * shows who may act and not the CSRF check (tested on its own).
 */
export const CALLERS = ['anonymous', 'followUp', 'caseworker', 'caseworkerWithGrant', 'supervisor', 'auditor', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export const STAFF_CALLERS = ['caseworker', 'caseworkerWithGrant', 'supervisor', 'auditor', 'admin'] as const satisfies readonly Caller[];

export type Outcome = 'allowed' | '401' | '403';
const OK: Outcome = 'allowed';
const E401: Outcome = '401';
const E403: Outcome = '403';

/** Who a route is for: public (no session), follow-up (receipt cookie) or staff (staff session + CSRF on writes). */
export type Audience = 'public' | 'follow-up' | 'staff';

export interface MatrixContext {
  /** A real case: "caseworker with grant" holds a grant on it, "caseworker" does not. */
  readonly caseId: string;
}

export interface RouteAccess {
  readonly audience: Audience;
  readonly expect: Readonly<Record<Caller, Outcome>>;
  /** JSON body sent by every caller (default: `{}` on writes, none on GET/DELETE). */
  readonly body?: unknown;
  readonly params?: (context: MatrixContext) => Record<string, string>;
  /** Succeeding ends the caller's session of this kind: the suite gives each caller a fresh one for this row. */
  readonly endsSession?: 'staff' | 'follow-up';
}

function row(
  audience: Audience,
  outcomes: [anonymous: Outcome, followUp: Outcome, caseworker: Outcome, caseworkerWithGrant: Outcome, supervisor: Outcome, auditor: Outcome, admin: Outcome],
  options: Omit<RouteAccess, 'audience' | 'expect'> = {},
): RouteAccess {
  const [anonymous, followUp, caseworker, caseworkerWithGrant, supervisor, auditor, admin] = outcomes;
  return { audience, expect: { anonymous, followUp, caseworker, caseworkerWithGrant, supervisor, auditor, admin }, ...options };
}

export const ACCESS_MATRIX: Readonly<Record<string, RouteAccess>> = {
  //                                                            anon  f-up  cw    cw+g  sup   aud   admin
  // Public: anyone, with or without any session.
  'GET /api/health': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /api/health/live': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /api/puzzle': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /api/docs-json': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /api/docs-yaml': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /api/requests': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /api/callback-requests': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /api/auth/login': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /api/auth/session/state': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /api/auth/activate': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  // The security-key sign-in challenge: the same answer for any address, it opens nothing.
  'POST /api/auth/login/challenge': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /api/follow-up/session': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  // Ending a follow-up session is idempotent: 204 for anyone, it opens nothing.
  'DELETE /api/follow-up/session': row('public', [OK, OK, OK, OK, OK, OK, OK], { endsSession: 'follow-up' }),

  // The plain pages without JavaScript: the same public forms (a post without valid answers: 400 with the errors beside
  // the fields). "Terminer" ends a follow-up session if there is one and answers the same page to anyone.
  'GET /simple': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /simple/aide': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /simple/demande': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /simple/demande': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'GET /simple/rappel': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /simple/rappel': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /simple/suivi': row('public', [OK, OK, OK, OK, OK, OK, OK]),
  'POST /simple/suivi/fin': row('public', [OK, OK, OK, OK, OK, OK, OK], { endsSession: 'follow-up' }),
  // The thread and what a receipt allows, without JavaScript: the follow-up session only (a staff session is no receipt).
  'GET /simple/suivi': row('follow-up', [E401, OK, E401, E401, E401, E401, E401]),
  'POST /simple/suivi/message': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], {
    body: { body: 'Matrice d’autorisation : réponse sans JavaScript.' },
  }),
  'POST /simple/suivi/details': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], { body: { 'location.region': 'mopti' } }),
  'POST /simple/suivi/accord': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], { body: { consentId: 'pas-un-accord' } }),
  'POST /simple/suivi/fichier': row('follow-up', [E401, OK, E401, E401, E401, E401, E401]),

  // Follow-up: the receipt's session cookie only; a staff session is no receipt.
  'GET /api/follow-up': row('follow-up', [E401, OK, E401, E401, E401, E401, E401]),
  'POST /api/follow-up/messages': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], { body: { body: 'Matrice d’autorisation : message de test.' } }),
  'POST /api/follow-up/details': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], { body: {} }),
  'POST /api/follow-up/consent': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], { body: { sharingWithPartners: false } }),
  'POST /api/follow-up/uploads': row('follow-up', [E401, OK, E401, E401, E401, E401, E401], {
    body: { kind: 'file', name: 'matrice.txt', type: 'text/plain', size: 16 },
  }),
  'PATCH /api/follow-up/uploads/:id': row('follow-up', [E401, OK, E401, E401, E401, E401, E401]),
  'HEAD /api/follow-up/uploads/:id': row('follow-up', [E401, OK, E401, E401, E401, E401, E401]),
  'DELETE /api/follow-up/uploads/:id': row('follow-up', [E401, OK, E401, E401, E401, E401, E401]),

  // Any signed-in staff member.
  'GET /api/auth/session': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'POST /api/auth/password': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'POST /api/auth/logout': row('staff', [E401, E401, OK, OK, OK, OK, OK], { endsSession: 'staff' }),
  // Each person's own security keys (a key id of someone else is 404).
  'GET /api/auth/security-keys': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'POST /api/auth/security-keys/options': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'POST /api/auth/security-keys': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'DELETE /api/auth/security-keys/:id': row('staff', [E401, E401, OK, OK, OK, OK, OK]),

  // Cases: supervisors and caseworkers; a case itself only to whoever holds a grant on it
  // (the supervisor, in the triage team, received it at intake). Auditors and admins never read a case.
  'GET /api/cases': row('staff', [E401, E401, OK, OK, OK, E403, E403]),
  // The case list as CSV: supervisors only (caseworkers keep the list on screen).
  'GET /api/cases/export': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  'GET /api/cases/:id': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
  }),
  // Older journal pages: checked and audited as an open of the case.
  'GET /api/cases/:id/entries': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
  }),

  // Case work: a valid body, so the cell shows the grant check (the vault refuses a case without one: 403).
  'POST /api/cases/:id/status': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { to: 'under_assessment', reason: 'Matrice : évaluation.' },
  }),
  'POST /api/cases/:id/contact-attempts': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { channel: 'phone', result: 'no_answer' },
  }),
  'POST /api/cases/:id/assessments': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: {
      threats: { score: 3 },
      vulnerabilities: { score: 3 },
      capacities: { score: 3 },
      level: 'ordinary',
      urgentProcedure: false,
      reassessmentDue: '2030-01-01',
    },
  }),
  'POST /api/cases/:id/legal-bases': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { basis: 'law_2018_003_art_15' },
  }),
  'POST /api/cases/:id/legal-bases/withdraw': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { citationId: '00000000-0000-4000-8000-000000000000', reason: 'Matrice.' },
  }),
  'POST /api/cases/:id/measures': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { measure: 'legal_assistance' },
  }),
  'PATCH /api/cases/:id/measures/:measureId': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, measureId: '00000000-0000-4000-8000-000000000000' }),
    body: { status: 'done' },
  }),
  // Assigning: supervisors and on-call staff only (the caseworker with a grant is not on call).
  'POST /api/cases/:id/assignment': row('staff', [E401, E401, E403, E403, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { assigneeId: '00000000-0000-4000-8000-000000000000' },
  }),
  // Bulk reassignment: who may assign (each case then checks the caller's grant).
  'POST /api/cases/reassignment': row('staff', [E401, E401, E403, E403, OK, E403, E403], {
    body: { caseIds: ['00000000-0000-4000-8000-000000000000'], assigneeId: '00000000-0000-4000-8000-000000000000' },
  }),
  // Giving the person responsible their access back: who may assign, on a case they hold.
  'POST /api/cases/:id/assignee-access': row('staff', [E401, E401, E403, E403, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
  }),
  'POST /api/cases/:id/notes': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { body: 'Matrice : note.' },
  }),
  'POST /api/cases/:id/agenda-events': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { kind: 'court_hearing', on: '2030-01-15' },
  }),
  // Cancelling an event: a valid body, so the vault decides (403 without a grant; 404 for the unknown event).
  'POST /api/cases/:id/agenda-events/:eventId/cancel': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, eventId: '00000000-0000-4000-8000-000000000000' }),
    body: { reason: 'Matrice : audience renvoyée.' },
  }),
  // The caller's own agenda: the cases assigned to them only (none for the matrix's users: an empty list).
  'GET /api/agenda': row('staff', [E401, E401, OK, OK, OK, E403, E403]),
  'PUT /api/cases/:id/draft': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { body: 'Matrice : brouillon.' },
  }),
  'DELETE /api/cases/:id/draft': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
  }),
  'POST /api/cases/:id/messages': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { body: 'Matrice : message.' },
  }),
  // Receipts: holders of the case only (a case without both grants: 403); revoking an unknown receipt is a 404 past access control.
  'GET /api/cases/:id/receipts': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
  }),
  'POST /api/cases/:id/receipts': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
  }),
  'POST /api/cases/:id/receipts/:receiptId/revoke': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, receiptId: '00000000-0000-4000-8000-000000000000' }),
    body: { reason: 'lost' },
  }),
  'GET /api/cases/:id/attachments/:fileId': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, fileId: '00000000-0000-4000-8000-000000000000' }),
  }),
  // Consent per disclosure and referrals: holders of the case (a random consent or referral: 404, a random partner: 400, past
  // access control); an emergency exception is for supervisors and the person on call only (the caseworker with a grant is not).
  'POST /api/cases/:id/consents': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { givenBy: 'defender', how: 'phone', recipient: 'lawyer_court', purpose: 'Matrice : accord.', fields: ['identity'], confirmedWithDefender: true },
  }),
  'POST /api/cases/:id/consents/:consentId/confirm': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, consentId: '00000000-0000-4000-8000-000000000000' }),
    body: { how: 'phone' },
  }),
  'POST /api/cases/:id/consents/:consentId/withdraw': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, consentId: '00000000-0000-4000-8000-000000000000' }),
    body: { reason: 'Matrice.' },
  }),
  'POST /api/cases/:id/disclosure-exceptions': row('staff', [E401, E401, E403, E403, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { recipient: 'lawyer_court', reason: 'Matrice : exception.' },
  }),
  'POST /api/cases/:id/referrals': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { partnerId: '00000000-0000-4000-8000-000000000000', fields: ['identity'] },
  }),
  'POST /api/cases/:id/referrals/:referralId/answer': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, referralId: '00000000-0000-4000-8000-000000000000' }),
    body: { answer: 'accepted' },
  }),
  'GET /api/cases/:id/referrals/:referralId/sheet': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, referralId: '00000000-0000-4000-8000-000000000000' }),
  }),
  // Documents: drafted and downloaded by holders of the case (a random document: 404 past access control); approved by supervisors only.
  'POST /api/cases/:id/documents': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { kind: 'attestation', language: 'fr', recipient: 'embassy', recipientName: 'Matrice' },
  }),
  'POST /api/cases/:id/documents/:documentId/approval': row('staff', [E401, E401, E403, E403, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, documentId: '00000000-0000-4000-8000-000000000000' }),
  }),
  'GET /api/cases/:id/documents/:documentId/pdf': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, documentId: '00000000-0000-4000-8000-000000000000' }),
  }),
  // Document templates are not case data: admins and supervisors (a stale revision: 409, nothing saved).
  'GET /api/document-templates': row('staff', [E401, E401, E403, E403, OK, E403, OK]),
  'PUT /api/document-templates/:kind/:language': row('staff', [E401, E401, E403, E403, OK, E403, OK], {
    params: () => ({ kind: 'attestation', language: 'fr' }),
    body: { title: 'Matrice', body: 'Matrice {{reference}}', revision: 999999 },
  }),
  // Links: the case named in the path as every case-work route (403 without a grant); the other case unknown or not held: 404.
  'POST /api/cases/:id/links': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { otherReference: 'ZZZZ-ZZZZ', relation: 'same_incident', reason: 'Matrice : lien.' },
  }),
  'POST /api/cases/:id/links/:linkId/unlink': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, linkId: '00000000-0000-4000-8000-000000000000' }),
    body: { reason: 'Matrice.' },
  }),
  'POST /api/cases/:id/collective-subject': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { kind: 'organisation', name: 'Matrice' },
  }),
  // The search reads only the caller's own cases (none for the plain caseworker: an empty answer).
  'POST /api/cases/search': row('staff', [E401, E401, OK, OK, OK, E403, E403], { body: { q: 'matrice' } }),
  'GET /api/assignees': row('staff', [E401, E401, OK, OK, OK, E403, E403]),
  'POST /api/assisted-requests': row('staff', [E401, E401, OK, OK, OK, E403, E403]),

  // Anonymised statistics: auditors and supervisors; never caseworkers or admins (no query: 400, past access control).
  'GET /api/reports/statistics': row('staff', [E401, E401, E403, E403, OK, OK, E403]),
  'GET /api/reports/statistics/export': row('staff', [E401, E401, E403, E403, OK, OK, E403]),
  'GET /api/reports/response-times': row('staff', [E401, E401, E403, E403, OK, OK, E403]),

  // Reference lists: every signed-in role reads (labels); admins edit.
  'GET /api/reference': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'PUT /api/admin/reference/:list/:code': row('staff', [E401, E401, E403, E403, E403, E403, OK], {
    params: () => ({ list: 'region', code: 'matrice' }),
  }),

  // Spoken help: admins list, upload (the recording's bytes; an empty body: 400) and remove (none there: 404) prompts;
  // anyone plays one (a prompt nobody recorded: 404, past access control). A staff session changes nothing.
  'GET /api/admin/spoken-prompts': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'PUT /api/admin/spoken-prompts/:step/:language': row('staff', [E401, E401, E403, E403, E403, E403, OK], {
    params: () => ({ step: 'home', language: 'snk' }),
  }),
  'DELETE /api/admin/spoken-prompts/:step/:language': row('staff', [E401, E401, E403, E403, E403, E403, OK], {
    params: () => ({ step: 'home', language: 'snk' }),
  }),
  'GET /api/spoken-prompts/:language/:step': row('public', [OK, OK, OK, OK, OK, OK, OK], {
    params: () => ({ step: 'home', language: 'snk' }),
  }),
  // How complete each public language's catalogue is: admins, who give the catalogues to translators.
  'GET /api/admin/languages': row('staff', [E401, E401, E403, E403, E403, E403, OK]),

  // The partner directory: staff who refer read it (not auditors); admins and supervisors edit (the empty body: 400).
  'GET /api/partners': row('staff', [E401, E401, OK, OK, OK, E403, OK]),
  'POST /api/admin/partners': row('staff', [E401, E401, E403, E403, OK, E403, OK]),
  'PUT /api/admin/partners/:id': row('staff', [E401, E401, E403, E403, OK, E403, OK]),

  // Alerts: supervisors and caseworkers (a random id: 404, past access control; whose alert it is, the service checks).
  'GET /api/alerts': row('staff', [E401, E401, OK, OK, OK, E403, E403]),
  'POST /api/alerts/:id/acknowledge': row('staff', [E401, E401, OK, OK, OK, E403, E403]),
  'POST /api/alerts/junk': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  // The on-call rota: admins and supervisors (the empty body is refused with 400, past access control).
  'GET /api/admin/rota': row('staff', [E401, E401, E403, E403, OK, E403, OK]),
  'PUT /api/admin/rota': row('staff', [E401, E401, E403, E403, OK, E403, OK]),

  // Retention: supervisors see cases nearing expiry, extend, confirm a legal-hold purge (a random case: 404 or the empty body: 400,
  // past access control); admins edit the policy (the empty body: 400).
  'GET /api/retention/upcoming': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  'POST /api/retention/:caseId/extend': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  'POST /api/retention/:caseId/confirm-purge': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  'GET /api/admin/retention': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  // Data-subject requests: holders of the case record and export (an unknown request: 404, past access control); only a
  // supervisor erases (an unknown request: 404, so the matrix's case survives).
  'POST /api/cases/:id/data-subject-requests': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId }),
    body: { right: 'access', verifiedBy: 'receipt', note: 'Matrice.' },
  }),
  'GET /api/cases/:id/data-subject-requests/:requestId/export': row('staff', [E401, E401, E403, OK, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, requestId: '00000000-0000-4000-8000-000000000000' }),
  }),
  'POST /api/cases/:id/data-subject-requests/:requestId/erase': row('staff', [E401, E401, E403, E403, OK, E403, E403], {
    params: ({ caseId }) => ({ id: caseId, requestId: '00000000-0000-4000-8000-000000000000' }),
    body: { confirm: true },
  }),
  'PUT /api/admin/retention': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'GET /api/admin/register-of-processing': row('staff', [E401, E401, E403, E403, E403, E403, OK]),

  // Account administration: admins only.
  'GET /api/admin/staff': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'GET /api/admin/security-key-policy': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'PUT /api/admin/security-key-policy': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'POST /api/admin/staff': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'PATCH /api/admin/staff/:id': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'POST /api/admin/staff/:id/deactivate': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  // Two people for drastic acts: admins and supervisors ask and confirm (an unknown person: 404, an unknown request: the refusal
  // that names it, both past access control).
  'GET /api/admin/drastic-acts': row('staff', [E401, E401, E403, E403, OK, E403, OK]),
  'POST /api/admin/drastic-acts': row('staff', [E401, E401, E403, E403, OK, E403, OK], {
    body: { kind: 'deactivate', staffId: '00000000-0000-4000-8000-000000000000' },
  }),
  'POST /api/admin/drastic-acts/:id/confirm': row('staff', [E401, E401, E403, E403, OK, E403, OK], {
    params: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  }),
  'POST /api/admin/staff/:id/end-sessions': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'POST /api/admin/staff/:id/reset-second-factor': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'POST /api/admin/staff/:id/reset-password': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'GET /api/admin/staff/:id/reset-impact': row('staff', [E401, E401, E403, E403, E403, E403, OK]),

  // The audit log: auditors and admins only (latest checkpoint: 404 while none is signed, past access control).
  'GET /api/audit/events': row('staff', [E401, E401, E403, E403, E403, OK, OK]),
  'GET /api/audit/events/export': row('staff', [E401, E401, E403, E403, E403, OK, OK]),
  'GET /api/audit/verify': row('staff', [E401, E401, E403, E403, E403, OK, OK]),
  'POST /api/audit/verify': row('staff', [E401, E401, E403, E403, E403, OK, OK]),

  // The integrity banner: every staff member sees it; only admins acknowledge (409 while no incident is open, past access control).
  'GET /api/integrity': row('staff', [E401, E401, OK, OK, OK, OK, OK]),
  'POST /api/integrity/acknowledge': row('staff', [E401, E401, E403, E403, E403, E403, OK]),
  'POST /api/audit/checkpoints': row('staff', [E401, E401, E403, E403, E403, OK, OK]),
  'GET /api/audit/checkpoints/latest': row('staff', [E401, E401, E403, E403, E403, OK, OK]),

  // Two-custodian operations and the drill: custodians only (no caller here is one; tests/integration/custodians.test.ts covers them).
  'POST /api/custodian/operations': row('staff', [E401, E401, E403, E403, E403, E403, E403], { body: { kind: 'reseal_escrow' } }),
  'GET /api/custodian/operations': row('staff', [E401, E401, E403, E403, E403, E403, E403]),
  'POST /api/custodian/operations/:id/complete': row('staff', [E401, E401, E403, E403, E403, E403, E403]),
  'POST /api/custodian/drill': row('staff', [E401, E401, E403, E403, E403, E403, E403]),
  'GET /api/custodian/drill': row('staff', [E401, E401, E403, E403, E403, E403, E403]),
  'GET /api/escrow/health': row('staff', [E401, E401, E403, E403, OK, E403, OK]),
  'GET /api/custodian/people': row('staff', [E401, E401, E403, E403, E403, E403, E403]),
  'GET /api/custodian/cases': row('staff', [E401, E401, E403, E403, E403, E403, E403]),
  'GET /api/custodian/rotation': row('staff', [E401, E401, E403, E403, E403, E403, E403]),

  // Revocation for cause and re-keying: supervisors; a caseworker re-keys only a case they hold (empty body: 400, past access control).
  'GET /api/rekey/jobs': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  'POST /api/rekey/revocations': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
  'POST /api/rekey/cases/:id': row('staff', [E401, E401, OK, OK, OK, E403, E403], { params: (c) => ({ id: c.caseId }) }),
  'POST /api/rekey/jobs/:id/resume': row('staff', [E401, E401, E403, E403, OK, E403, E403]),
};
