import { legalHoldApplies, type CaseDetail, type CaseEntryView } from '@mnpddh/shared';

export type RequestEntry = Extract<CaseEntryView, { kind: 'data_subject_request' }>;

/** The data-subject requests recorded on the case, newest first. */
export function requestsOf(detail: CaseDetail): RequestEntry[] {
  // Folded by the server from the whole journal (the page carries only the latest entries).
  return detail.dataSubjectRequests.filter((entry): entry is RequestEntry => entry.kind === 'data_subject_request').sort((a, b) => b.seq - a.seq);
}

/** The corrections recorded, oldest first (the order they were asked in). */
export function rectificationsOf(detail: CaseDetail): RequestEntry[] {
  return requestsOf(detail)
    .filter((entry) => entry.data.right === 'rectification' && entry.data.correction)
    .reverse();
}

/**
 * Whether erasing needs the supervisor's explicit legal-hold confirmation:
 * the server decides the same way (serious threat types, or the outcome a
 * closed case was closed with).
 */
export function onLegalHold(detail: CaseDetail): boolean {
  const closing = detail.index.status === 'closed' ? (detail.closingOutcome ?? undefined) : undefined;
  return legalHoldApplies(detail.categories.threatTypes, closing);
}

/** Where the access export of a request is downloaded (a GET: the browser saves it, the page never shows it). */
export function exportUrl(caseId: string, requestId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/data-subject-requests/${encodeURIComponent(requestId)}/export`;
}
