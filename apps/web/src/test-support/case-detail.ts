import { CaseDetail } from '@mnpddh/shared';

export const CASE_ID = '5d2f7a0e-3b8c-4f61-9e2a-7c4b1d0e8f35';

/**
 * A decrypted case as GET /api/cases/:id answers it, checked by the shared
 * schema (a fixture that drifts from the API fails here, not in a form).
 * Nothing in the request raises the risk suggestion beyond its floor.
 */
export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return CaseDetail.parse({
    id: CASE_ID,
    index: {
      reference: 'CNDH-2026-0042',
      status: 'under_assessment',
      urgent: false,
      riskLevel: 'unknown',
      receivedAt: '2026-12-01T09:00:00.000Z',
      arrivedAt: null,
      firstContactDue: null,
      assessmentDue: null,
      nextContactAt: null,
      measureDue: null,
      assignedTo: null,
      assignedToName: null,
      assigneeLostAccess: false,
      overdue: false,
      overdueTargets: [],
    },
    identity: {},
    contact: {},
    narrative: 'Menaces répétées après un reportage.',
    situation: {},
    categories: { region: 'bamako', threatTypes: [], perpetratorTypes: [], profiles: [], languages: ['fr'] },
    thread: [],
    entries: [],
    olderEntriesBefore: null,
    documents: [],
    agendaEvents: [],
    dataSubjectRequests: [],
    closingOutcome: null,
    measures: [],
    legalBases: [],
    consents: [],
    referrals: [],
    links: [],
    collectiveSubject: null,
    attachments: [],
    canAssign: false,
    draft: null,
    ...overrides,
  });
}
