import { foldDocuments, type AgendaEventView, type CaseEntryView, type DocumentView } from '@mnpddh/shared';
import type { JournalEntry } from '../vault/case-entries.js';

type NameOf = (id: string | null) => string | null;

/** One entry as the case page shows it: its author by name. */
export function entryView(entry: JournalEntry, nameOf: NameOf): CaseEntryView {
  return {
    id: entry.id,
    seq: entry.seq,
    at: entry.at.toISOString(),
    author: { id: entry.authorId, name: nameOf(entry.authorId) ?? '' },
    kind: entry.kind,
    data: entry.data,
  } as CaseEntryView;
}

/** The case's documents as they stand, newest draft first, with who drafted and approved them. */
export function documentViews(entries: readonly JournalEntry[], nameOf: NameOf): DocumentView[] {
  return foldDocuments(entries)
    .reverse()
    .map((document) => ({
      ...document,
      draftedByName: nameOf(document.draftedBy) ?? '',
      ...(document.approvedBy ? { approvedByName: nameOf(document.approvedBy) ?? '' } : {}),
    }));
}

/** Every dated event of the case, marked when a later entry cancelled it (the timeline names cancelled ones too). */
export function agendaEventViews(entries: readonly JournalEntry[]): AgendaEventView[] {
  const cancelled = new Set(entries.flatMap((entry) => (entry.kind === 'agenda_event_cancelled' ? [(entry.data as { eventId: string }).eventId] : [])));
  return entries.flatMap((entry) => {
    if (entry.kind !== 'agenda_event') return [];
    const data = entry.data as { kind: AgendaEventView['kind']; on: string; note?: string };
    return [{ id: entry.id, kind: data.kind, on: data.on, ...(data.note ? { note: data.note } : {}), cancelled: cancelled.has(entry.id) }];
  });
}

/** The data-subject requests recorded on the case, newest first. */
export function dataSubjectRequestsOf(entries: readonly JournalEntry[]): JournalEntry[] {
  return entries.filter((entry) => entry.kind === 'data_subject_request').reverse();
}

/** The outcome the case was last closed with (the legal hold depends on it). */
export function closingOutcomeOf(entries: readonly JournalEntry[]): string | null {
  const closure = entries.findLast((entry) => entry.kind === 'status_changed' && (entry.data as { to?: string }).to === 'closed');
  return ((closure?.data as { outcome?: string } | undefined)?.outcome as string | undefined) ?? null;
}
