import type { LegalBasisView, MeasureStatus, NewMeasure, ProtectionMeasure } from '@mnpddh/shared';
import type { JournalEntry } from '../vault/case-entries.js';

/*
 * The case as it stands, folded from its journal: nothing is overwritten,
 * so the history is the timeline and the state is derived from it.
 */

export interface MeasureState {
  id: string;
  measure: ProtectionMeasure;
  ownerId: string | null;
  due: string | null;
  status: MeasureStatus;
  notes?: string;
}

const OPEN_MEASURE: ReadonlySet<MeasureStatus> = new Set(['planned', 'in_progress']);

export function isOpenMeasure(measure: Pick<MeasureState, 'status'>): boolean {
  return OPEN_MEASURE.has(measure.status);
}

export function foldMeasures(entries: readonly JournalEntry[]): MeasureState[] {
  const measures = new Map<string, MeasureState>();
  for (const entry of entries) {
    if (entry.kind === 'measure_added') {
      const data = entry.data as NewMeasure & { measureId: string };
      measures.set(data.measureId, {
        id: data.measureId,
        measure: data.measure,
        ownerId: data.ownerId,
        due: data.due,
        status: data.status,
        ...(data.notes ? { notes: data.notes } : {}),
      });
    } else if (entry.kind === 'measure_updated') {
      const data = entry.data as Partial<MeasureState> & { measureId: string };
      const current = measures.get(data.measureId);
      if (!current) continue;
      measures.set(data.measureId, {
        ...current,
        ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
        ...(data.due !== undefined ? { due: data.due } : {}),
        ...(data.status !== undefined ? { status: data.status } : {}),
        ...(data.notes !== undefined ? { notes: data.notes } : {}),
      });
    }
  }
  return [...measures.values()];
}

/** The earliest due day of the measures still planned or in progress: the clear index's measure deadline (end of that day). */
export function measureDeadline(measures: readonly MeasureState[]): Date | null {
  const days = measures
    .filter((m) => OPEN_MEASURE.has(m.status) && m.due)
    .map((m) => m.due as string)
    .sort();
  const earliest = days[0];
  return earliest ? endOfDay(earliest) : null;
}

export function measureOverdue(measure: MeasureState, now: Date): boolean {
  return OPEN_MEASURE.has(measure.status) && measure.due !== null && now > endOfDay(measure.due);
}

/** Bamako is UTC+0 all year: a due day ends at midnight UTC. */
export function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000);
}

export function foldLegalBases(entries: readonly JournalEntry[]): LegalBasisView[] {
  const cited = new Map<string, LegalBasisView>();
  for (const entry of entries) {
    if (entry.kind === 'legal_basis_cited') {
      const data = entry.data as { basis: string; note?: string };
      cited.set(entry.id, { citationId: entry.id, basis: data.basis, ...(data.note ? { note: data.note } : {}) });
    } else if (entry.kind === 'legal_basis_withdrawn') {
      cited.delete((entry.data as { citationId: string }).citationId);
    }
  }
  return [...cited.values()];
}
