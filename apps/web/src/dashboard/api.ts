import {
  AssigneeAccessRestored,
  AlertList,
  AlertView,
  JunkBurstResult,
  AssistedReceipt,
  Assignee,
  BulkReassignmentResult,
  type BulkReassignment,
  CaseDetail,
  JournalPage,
  CaseList,
  IssuedReceipt,
  ReceiptList,
  ReceiptSummary,
  type ReceiptRevocation,
  ReferenceData,
  ReferenceItem,
  type AssistedRequest,
  type Assignment,
  type CaseDraft,
  type CaseListQuery,
  type CaseNote,
  type ContactAttempt,
  type LegalBasisCitation,
  type LegalBasisWithdrawal,
  type MeasureUpdate,
  type NewMeasure,
  type ReferenceItemInput,
  type ReferenceListName,
  type RiskAssessmentInput,
  type RotaUpdate,
  type StaffMessage,
  type StatusChange,
  ActivateResponse,
  ActivationLink,
  PasswordResetImpact,
  type PasswordResetRequest,
  ErrorBody,
  SessionInfo,
  SessionState,
  StaffDirectory,
  LanguageCompletenessList,
  StaffSummary,
  type ActivateRequest,
  type ChangePasswordRequest,
  type ErrorCode,
  type FieldError,
  type InviteStaffRequest,
  type SignInRequest,
  type EnrolSecurityKeyRequest,
  SecurityKeyList,
  SecurityKeyOptions,
  SecurityKeyPolicy,
  SecurityKeySummary,
  type UpdateStaffRequest,
} from '@mnpddh/shared';
import type { LocaleCode } from '../i18n/catalogues';
import { staffCatalogues } from './i18n/catalogues';

/**
 * The staff area's only door to the API: same origin, JSON, every answer
 * checked against its shared schema. The CSRF token lives in this closure
 * only (never in localStorage, sessionStorage or a readable cookie).
 */

/** What the browser reports when no HTTP answer came back, or an answer we cannot read. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    /** 0 when no answer came back. */
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly retryable = false,
    readonly correlationId?: string,
    /** From `Retry-After` on 429: seconds to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** When the answer was received, with the server's clock to correct a wrong laptop clock. */
export interface Received<T> {
  value: T;
  /** Server time minus local time, in ms (0 when the server sent no Date). */
  clockSkewMs: number;
}

export interface StaffApiOptions {
  /** The interface language: sent as Accept-Language so error messages come back in it. */
  getLocale: () => LocaleCode;
  /** A signed-in call answered 401: the session ended on the server. */
  onSessionLost?: () => void;
  /** A signed-in call succeeded: the server counted it as activity. */
  onActivity?: () => void;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The part of a zod schema the client uses (keeps zod itself out of this file's imports). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

interface RequestOptions<T> {
  body?: unknown;
  /** Extra headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** Schema of a 200/201 body; none for a 204. */
  schema?: Schema<T>;
  /** Calls made without a session: a 401 there is an answer, not a lost session. */
  anonymous?: boolean;
  /** Reads a 200 body itself instead of `schema` (e.g. a file download streamed with progress). */
  read?: (response: Response) => Promise<T>;
  /** A file sent as it is (e.g. a recording), instead of a JSON `body`. */
  bytes?: Blob;
}

/** A request that hangs on a bad connection ends with a clear message instead of a spinner forever. */
const TIMEOUT_MS = 30_000;

export function createStaffApi(options: StaffApiOptions) {
  let csrfToken: string | null = null;

  function messages() {
    return staffCatalogues[options.getLocale()].errors;
  }

  function clientError(code: ClientErrorCode, status = 0): ApiError {
    return new ApiError(status, code, code === 'NETWORK' ? messages().network : messages().badResponse, [], code === 'NETWORK');
  }

  async function errorFrom(response: Response): Promise<ApiError> {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      // Not our API's answer (a proxy page, a cut connection): say so in the user's language.
      return clientError(response.status >= 500 ? 'NETWORK' : 'BAD_RESPONSE', response.status);
    }
    const { code, message, fields, retryable, correlationId } = parsed.data.error;
    return new ApiError(
      response.status,
      code,
      message || messages().badResponse,
      fields ?? [],
      retryable,
      correlationId,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }

  async function request<T>(method: Method, path: string, { body, schema, anonymous, headers: extra, read, bytes }: RequestOptions<T>): Promise<Received<T>> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': options.getLocale(),
      ...extra,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bytes !== undefined) headers['Content-Type'] = 'application/octet-stream';
    if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: bytes ?? (body === undefined ? undefined : JSON.stringify(body)),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw clientError('NETWORK');
    }

    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401 && !anonymous) {
        csrfToken = null;
        options.onSessionLost?.();
      }
      throw error;
    }
    if (!anonymous) options.onActivity?.();

    const serverDate = Date.parse(response.headers.get('Date') ?? '');
    const clockSkewMs = Number.isNaN(serverDate) ? 0 : serverDate - Date.now();
    if (read) return { value: await read(response), clockSkewMs };
    if (!schema) return { value: undefined as T, clockSkewMs };
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw clientError('BAD_RESPONSE', response.status);
    return { value: parsed.data, clockSkewMs };
  }

  function keepSession(received: Received<SessionInfo>): Received<SessionInfo> {
    csrfToken = received.value.csrfToken;
    return received;
  }

  const id = (userId: string) => encodeURIComponent(userId);
  const onCase = (caseId: string, rest = '') => `/api/cases/${id(caseId)}${rest}`;
  const Written = { safeParse: (value: unknown) => ({ success: true as const, data: value as { id: string; seq: number } }) };

  return {
    /** The request helper itself, for screens that keep their calls in their own file (reports/reports-api.ts). */
    request,

    /** 200 with the session, 401 for wrong credentials, 429 when rate limited. */
    login: async (body: SignInRequest) => keepSession(await request('POST', '/api/auth/login', { body, schema: SessionInfo, anonymous: true })),

    /** The current session, or null when there is none (401). Also keeps an idle session alive. */
    session: async (): Promise<Received<SessionInfo> | null> => {
      try {
        return keepSession(await request('GET', '/api/auth/session', { schema: SessionInfo, anonymous: true }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          csrfToken = null;
          return null;
        }
        throw error;
      }
    },

    /** Whether this browser is signed in, asked at load: null when not, with no 401 (which the browser would log as an error). */
    sessionState: async (): Promise<Received<SessionInfo> | null> => {
      const { value, clockSkewMs } = await request('GET', '/api/auth/session/state', { schema: SessionState, anonymous: true });
      if (!value.session) {
        csrfToken = null;
        return null;
      }
      return keepSession({ value: value.session, clockSkewMs });
    },

    logout: async (): Promise<void> => {
      try {
        await request('POST', '/api/auth/logout', { anonymous: true });
      } catch (error) {
        // Already ended on the server: that is what we wanted.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      csrfToken = null;
    },

    /** Forgets the token without calling the server (the session is known to be over). */
    forget: () => {
      csrfToken = null;
    },

    activate: async (body: ActivateRequest) => (await request('POST', '/api/auth/activate', { body, schema: ActivateResponse, anonymous: true })).value,

    changePassword: async (body: ChangePasswordRequest): Promise<void> => {
      await request('POST', '/api/auth/password', { body });
    },

    listStaff: async () => (await request('GET', '/api/admin/staff', { schema: StaffDirectory })).value,

    languageCompleteness: async () => (await request('GET', '/api/admin/languages', { schema: LanguageCompletenessList })).value,

    inviteStaff: async (body: InviteStaffRequest) => (await request('POST', '/api/admin/staff', { body, schema: ActivationLink })).value,

    updateStaff: async (userId: string, body: UpdateStaffRequest) =>
      (await request('PATCH', `/api/admin/staff/${id(userId)}`, { body, schema: StaffSummary })).value,

    deactivateStaff: async (userId: string) => (await request('POST', `/api/admin/staff/${id(userId)}/deactivate`, { schema: StaffSummary })).value,

    endSessions: async (userId: string): Promise<void> => {
      await request('POST', `/api/admin/staff/${id(userId)}/end-sessions`, {});
    },

    resetSecondFactor: async (userId: string) =>
      (await request('POST', `/api/admin/staff/${id(userId)}/reset-second-factor`, { schema: ActivationLink })).value,

    /** What a password reset would end and do to the escrow, before the admin confirms. */
    resetImpact: async (userId: string) => (await request('GET', `/api/admin/staff/${id(userId)}/reset-impact`, { schema: PasswordResetImpact })).value,

    resetPassword: async (userId: string, body: PasswordResetRequest) =>
      (await request('POST', `/api/admin/staff/${id(userId)}/reset-password`, { body, schema: ActivationLink })).value,

    // ---- cases (supervisors and caseworkers, on the cases they hold) ----

    listCases: async (query: Partial<Record<keyof CaseListQuery, string | number | boolean | readonly string[]>>) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
        params.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
      const search = params.toString();
      return (await request('GET', `/api/cases${search ? `?${search}` : ''}`, { schema: CaseList })).value;
    },

    /** Decrypts the case: each call is written to the audit log. */
    openCase: async (caseId: string) => (await request('GET', onCase(caseId), { schema: CaseDetail })).value,
    /** The journal entries before a sequence number (also audited as a read of the case). */
    olderEntries: async (caseId: string, before: number) => (await request('GET', onCase(caseId, `/entries?before=${before}`), { schema: JournalPage })).value,

    changeStatus: async (caseId: string, body: StatusChange) => (await request('POST', onCase(caseId, '/status'), { body, schema: Written })).value,
    logContactAttempt: async (caseId: string, body: ContactAttempt) =>
      (await request('POST', onCase(caseId, '/contact-attempts'), { body, schema: Written })).value,
    assessRisk: async (caseId: string, body: RiskAssessmentInput) => (await request('POST', onCase(caseId, '/assessments'), { body, schema: Written })).value,
    citeLegalBasis: async (caseId: string, body: LegalBasisCitation) =>
      (await request('POST', onCase(caseId, '/legal-bases'), { body, schema: Written })).value,
    withdrawLegalBasis: async (caseId: string, body: LegalBasisWithdrawal) =>
      (await request('POST', onCase(caseId, '/legal-bases/withdraw'), { body, schema: Written })).value,
    addMeasure: async (caseId: string, body: NewMeasure) => (await request('POST', onCase(caseId, '/measures'), { body, schema: Written })).value,
    updateMeasure: async (caseId: string, measureId: string, body: MeasureUpdate) =>
      (await request('PATCH', onCase(caseId, `/measures/${id(measureId)}`), { body, schema: Written })).value,
    assign: async (caseId: string, body: Assignment) => (await request('POST', onCase(caseId, '/assignment'), { body, schema: Written })).value,
    /** Several cases to one person: each assigned (and granted) on its own; the answer says which were refused, and why. */
    reassignCases: async (body: BulkReassignment) => (await request('POST', '/api/cases/reassignment', { body, schema: BulkReassignmentResult })).value,
    restoreAssigneeAccess: async (caseId: string) =>
      (await request('POST', onCase(caseId, '/assignee-access'), { body: {}, schema: AssigneeAccessRestored })).value,
    addNote: async (caseId: string, body: CaseNote) => (await request('POST', onCase(caseId, '/notes'), { body, schema: Written })).value,
    sendMessage: async (caseId: string, body: StaffMessage) => (await request('POST', onCase(caseId, '/messages'), { body, schema: Written })).value,
    listReceipts: async (caseId: string) => (await request('GET', onCase(caseId, '/receipts'), { schema: ReceiptList })).value,
    /** The new receipt's digits: shown once, never kept. */
    issueReceipt: async (caseId: string) => (await request('POST', onCase(caseId, '/receipts'), { body: {}, schema: IssuedReceipt })).value,
    revokeReceipt: async (caseId: string, receiptId: string, body: ReceiptRevocation) =>
      (await request('POST', onCase(caseId, `/receipts/${id(receiptId)}/revoke`), { body, schema: ReceiptSummary })).value,
    saveDraft: async (caseId: string, body: CaseDraft): Promise<void> => {
      await request('PUT', onCase(caseId, '/draft'), { body });
    },
    discardDraft: async (caseId: string): Promise<void> => {
      await request('DELETE', onCase(caseId, '/draft'), {});
    },
    /** Where the browser downloads an attachment (served as an attachment, never inline). */
    attachmentUrl: (caseId: string, fileId: string) => onCase(caseId, `/attachments/${id(fileId)}`),

    listAssignees: async () => (await request('GET', '/api/assignees', { schema: { safeParse: (v: unknown) => Assignee.array().safeParse(v) } })).value,

    fileAssistedRequest: async (body: AssistedRequest, idempotencyKey: string) =>
      (await request('POST', '/api/assisted-requests', { body, schema: AssistedReceipt, headers: { 'Idempotency-Key': idempotencyKey } })).value,

    // ---- reference lists (every signed-in role reads; admins edit) ----

    reference: async () => (await request('GET', '/api/reference', { schema: ReferenceData })).value,
    saveReferenceItem: async (list: ReferenceListName, code: string, body: ReferenceItemInput) =>
      (await request('PUT', `/api/admin/reference/${id(list)}/${id(code)}`, { body, schema: ReferenceItem })).value,

    // ---- alerts and the on-call rota ----

    alerts: async () => (await request('GET', '/api/alerts', { schema: AlertList })).value,
    acknowledgeAlert: async (alertId: string) => (await request('POST', `/api/alerts/${id(alertId)}/acknowledge`, { schema: AlertView })).value,
    /** A flood of fake requests: their alerts acknowledged and left out of the statistics (supervisors). */
    markJunk: async (alertIds: string[]) => (await request('POST', '/api/alerts/junk', { body: { alertIds }, schema: JunkBurstResult })).value,
    /** The rota first, in escalation order (onCall), then every other active member (admin, supervisor). */
    rota: async () => (await request('GET', '/api/admin/rota', { schema: StaffDirectory })).value,
    saveRota: async (body: RotaUpdate): Promise<void> => {
      await request('PUT', '/api/admin/rota', { body });
    },

    // ---- security keys (WebAuthn): the sign-in challenge, one's own keys, the admin's policy ----

    securityKeyChallenge: async (email: string) =>
      (await request('POST', '/api/auth/login/challenge', { body: { email }, schema: SecurityKeyOptions, anonymous: true })).value,
    securityKeys: async () => (await request('GET', '/api/auth/security-keys', { schema: SecurityKeyList })).value,
    securityKeyOptions: async () => (await request('POST', '/api/auth/security-keys/options', { schema: SecurityKeyOptions })).value,
    enrolSecurityKey: async (body: EnrolSecurityKeyRequest) => (await request('POST', '/api/auth/security-keys', { body, schema: SecurityKeySummary })).value,
    removeSecurityKey: async (keyId: string): Promise<void> => {
      await request('DELETE', `/api/auth/security-keys/${id(keyId)}`, {});
    },
    securityKeyPolicy: async () => (await request('GET', '/api/admin/security-key-policy', { schema: SecurityKeyPolicy })).value,
    saveSecurityKeyPolicy: async (body: SecurityKeyPolicy) =>
      (await request('PUT', '/api/admin/security-key-policy', { body, schema: SecurityKeyPolicy })).value,
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;
