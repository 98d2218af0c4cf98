import { ACCESS_EXPORT_ENTRY_KINDS, type DataSubjectRequestData } from '@mnpddh/shared';
import type { JournalEntry } from '../vault/case-entries.js';
import type { OpenedCase } from '../vault/case-vault.service.js';

/** A file of the case as the person sees it described: what it is and its fingerprint taken at receipt. */
export interface ExportedFile {
  readonly source: 'request' | 'thread';
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
  readonly at: string;
}

/** The document handed to the person who asked to see their data (JSON, one version of the format). */
export interface AccessExport {
  readonly format: 'mnpddh/data-subject-access/1';
  readonly generatedAt: string;
  readonly reference: string;
  readonly receivedAt: string;
  readonly status: string;
  readonly request: Pick<OpenedCase['content'], 'identity' | 'contact' | 'narrative' | 'situation' | 'categories'>;
  readonly rectifications: { readonly at: string; readonly correction: string }[];
  readonly thread: { readonly from: 'protection_team' | 'defender'; readonly kind: string; readonly body: string; readonly at: string }[];
  readonly decisions: { readonly at: string; readonly kind: string; readonly data: unknown }[];
  readonly files: readonly ExportedFile[];
}

const EXPORTED: readonly string[] = ACCESS_EXPORT_ENTRY_KINDS;

/**
 * What the case holds about the person, for an access request: the request
 * as received, the corrections recorded since (the original stays), the
 * whole thread, the decisions taken (status and outcome, measures, earlier
 * requests) and the files' descriptions. Staff are never named — decisions
 * are the team's — and internal notes and assessments are left out
 * (ACCESS_EXPORT_ENTRY_KINDS says why).
 */
export function accessExport(opened: OpenedCase, files: readonly ExportedFile[], now: Date): AccessExport {
  const { content, index } = opened;
  return {
    format: 'mnpddh/data-subject-access/1',
    generatedAt: now.toISOString(),
    reference: index.reference,
    receivedAt: index.receivedAt.toISOString(),
    status: index.status,
    request: {
      identity: content.identity,
      contact: content.contact,
      narrative: content.narrative,
      situation: content.situation,
      categories: content.categories,
    },
    rectifications: rectificationsOf(opened.entries),
    thread: opened.messages.map((message) => ({
      from: message.sender === 'staff' ? 'protection_team' : 'defender',
      kind: message.kind,
      body: message.body,
      at: message.createdAt.toISOString(),
    })),
    decisions: opened.entries
      .filter((entry) => EXPORTED.includes(entry.kind))
      .map((entry) => ({ at: entry.at.toISOString(), kind: entry.kind, data: withoutStaff(entry.data) })),
    files,
  };
}

/** Staff ids a decision carries (who carries out a measure): the decision is the team's, not a person's. */
const STAFF_FIELDS = new Set(['ownerId', 'assigneeId', 'assigneeName']);

function withoutStaff(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !STAFF_FIELDS.has(key)));
}

/** The corrections recorded on the case, oldest first. */
export function rectificationsOf(entries: readonly JournalEntry[]): { at: string; correction: string }[] {
  return entries.flatMap((entry) => {
    const data = requestData(entry);
    return data?.right === 'rectification' && data.correction ? [{ at: entry.at.toISOString(), correction: data.correction }] : [];
  });
}

/** The data-subject request an entry records, or null for any other entry. */
export function requestData(entry: JournalEntry): DataSubjectRequestData | null {
  return entry.kind === 'data_subject_request' ? (entry.data as unknown as DataSubjectRequestData) : null;
}

/** A name a download can carry: the reference is letters, digits and dashes. */
export function exportFileName(reference: string): string {
  return `donnees-personnelles-${reference.replace(/[^A-Za-z0-9-]/g, '_')}.json`;
}
