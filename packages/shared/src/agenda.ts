import { z } from 'zod';
import { boundedText } from './protection-request.js';

/*
 * "My agenda": the dates a caseworker must not miss on the cases
 * assigned to them. Four kinds come from the clear triage index (hour
 * granularity, SECURITY.md); hearings and detention reviews are staff-written
 * journal entries, encrypted under the case key and decrypted in memory for
 * the agenda only. An item carries the case reference and the kind, nothing
 * else of the case.
 */

export const AGENDA_EVENT_KINDS = ['court_hearing', 'detention_review', 'other'] as const;
export const AgendaEventKind = z.enum(AGENDA_EVENT_KINDS);
export type AgendaEventKind = z.infer<typeof AgendaEventKind>;

/** A hearing, a detention review or another dated event of a case (journal entry 'agenda_event'). */
export const NewAgendaEvent = z.strictObject({
  kind: AgendaEventKind,
  /** The day (YYYY-MM-DD), bounded like every journal day. */
  on: z.iso.date().refine((day) => day >= '1900-01-01' && day <= '2199-12-31', { message: 'date_out_of_range' }),
  note: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(1000).optional()),
});
export type NewAgendaEvent = z.infer<typeof NewAgendaEvent>;

/** A hearing postponed or a review cancelled: the event leaves the agenda, the journal keeps both (journal entry 'agenda_event_cancelled'). */
export const AgendaEventCancellation = z.strictObject({
  reason: boundedText(500).pipe(z.string().min(1)),
});
export type AgendaEventCancellation = z.infer<typeof AgendaEventCancellation>;

/** A dated event of the case, folded by the server from the whole journal: the agenda panel lists those standing, the timeline names a cancelled one. */
export const AgendaEventView = z.strictObject({
  id: z.uuid(),
  kind: AgendaEventKind,
  on: z.iso.date(),
  note: z.string().optional(),
  cancelled: z.boolean(),
});
export type AgendaEventView = z.infer<typeof AgendaEventView>;

/** The events of a journal still standing: each 'agenda_event' entry not cancelled by a later entry. */
export function standingAgendaEvents<E extends { id: string; kind: string; data: unknown }>(entries: readonly E[]): E[] {
  const cancelled = new Set(entries.flatMap((entry) => (entry.kind === 'agenda_event_cancelled' ? [(entry.data as { eventId: string }).eventId] : [])));
  return entries.filter((entry) => entry.kind === 'agenda_event' && !cancelled.has(entry.id));
}

export const AGENDA_ITEM_KINDS = ['next_contact', 'first_contact', 'assessment', 'reassessment', 'measure', ...AGENDA_EVENT_KINDS] as const;
export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

/** One date of the agenda: the case, what is due, when (no note, no content). */
export const AgendaItem = z.strictObject({
  caseId: z.uuid(),
  reference: z.string(),
  kind: AgendaItemKind,
  at: z.iso.datetime(),
  /** The day in Bamako (UTC+0), YYYY-MM-DD: the grouping key. */
  day: z.iso.date(),
  overdue: z.boolean(),
  /** Whether the case is assigned to the caller; the agenda also lists the other open cases they hold. */
  assignedToMe: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Agenda = z.strictObject({
  items: z.array(AgendaItem),
  /** Cases whose journal failed its integrity check: their events are missing (the index dates still show). */
  unreadable: z.array(z.strictObject({ caseId: z.uuid(), reference: z.string() })),
});
export type Agenda = z.infer<typeof Agenda>;
