import { standingAgendaEvents, type AgendaEventKind, type AgendaItem, type AgendaItemKind } from '@mnpddh/shared';
import type { JournalEntry } from '../vault/case-entries.js';
import type { TriageIndex } from '../vault/triage-index.js';
import { endOfDay, foldMeasures, isOpenMeasure, measureOverdue } from './case-state.js';

const DAY_MS = 86_400_000;
/** Passed hearings and reviews stay on the agenda a week (flagged), then drop off. */
export const PAST_EVENTS_KEPT_MS = 7 * DAY_MS;

interface Dated {
  readonly kind: AgendaItemKind;
  readonly at: Date;
  /** The Bamako day it belongs to. */
  readonly day: string;
  /** Index deadlines are overdue once passed; an event only once its day has passed. */
  readonly overdue: boolean;
}

/** Bamako is UTC+0 all year: its day is the UTC day. */
export const bamakoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The dates the clear index holds for a case (no decryption). Before the first assessment, assessmentDue is that assessment's deadline. */
export function indexDates(index: TriageIndex, now: Date): Dated[] {
  const dated: [AgendaItemKind, Date | null][] = [
    ['next_contact', index.nextContactAt],
    ['first_contact', index.firstContactDue],
    [index.riskLevel === 'unknown' ? 'assessment' : 'reassessment', index.assessmentDue],
    ['measure', index.measureDue],
  ];
  // A deadline is an instant to beat: one at midnight (endOfDay) is the day before's.
  return dated.flatMap(([kind, at]) => (at ? [{ kind, at, day: bamakoDay(new Date(at.getTime() - 1)), overdue: at.getTime() < now.getTime() }] : []));
}

/** The hearings, reviews and other events of a decrypted journal, from a week ago on. */
export function eventDates(entries: readonly JournalEntry[], now: Date): Dated[] {
  const today = bamakoDay(now);
  return standingAgendaEvents(entries).flatMap((entry) => {
    const { kind, on } = entry.data as { kind: AgendaEventKind; on: string };
    // A day with no hour: placed at 09:00 like a planned next contact (logContactAttempt).
    const at = new Date(`${on}T09:00:00Z`);
    if (at.getTime() < now.getTime() - PAST_EVENTS_KEPT_MS) return [];
    return [{ kind, at, day: on, overdue: on < today }];
  });
}

/** The open measures of a decrypted journal that this staff member owns, by due day (a case they hold without being assigned it). */
export function ownedMeasureDates(entries: readonly JournalEntry[], ownerId: string, now: Date): Dated[] {
  return foldMeasures(entries).flatMap((measure) => {
    if (measure.ownerId !== ownerId || !measure.due || !isOpenMeasure(measure)) return [];
    return [{ kind: 'measure' as const, at: endOfDay(measure.due), day: measure.due, overdue: measureOverdue(measure, now) }];
  });
}

export function toItems(caseId: string, reference: string, assignedToMe: boolean, dates: readonly Dated[]): AgendaItem[] {
  return dates.map(({ kind, at, day, overdue }) => ({ caseId, reference, kind, at: at.toISOString(), day, overdue, assignedToMe }));
}

/** Day order, then time, then case reference. */
export function byDate(a: AgendaItem, b: AgendaItem): number {
  return a.day.localeCompare(b.day) || a.at.localeCompare(b.at) || a.reference.localeCompare(b.reference);
}
