import type { JournalEntry } from '../vault/case-entries.js';
import { endOfDay, foldLegalBases, foldMeasures, measureDeadline, measureOverdue } from './case-state.js';

let seq = 0;
function entry(kind: JournalEntry['kind'], data: Record<string, unknown>, id = `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`): JournalEntry {
  return { id, seq, at: new Date('2030-01-01T00:00:00Z'), authorId: 'a', kind, data };
}

describe('foldMeasures', () => {
  it('applies updates in order and ignores an update of an unknown measure', () => {
    const entries = [
      entry('measure_added', { measureId: 'm1', measure: 'legal_assistance', ownerId: null, due: '2030-02-01', status: 'planned' }),
      entry('measure_updated', { measureId: 'm1', status: 'in_progress' }),
      entry('measure_updated', { measureId: 'm9', status: 'done' }),
      entry('measure_updated', { measureId: 'm1', due: null }),
    ];
    expect(foldMeasures(entries)).toEqual([{ id: 'm1', measure: 'legal_assistance', ownerId: null, due: null, status: 'in_progress' }]);
  });
});

describe('measureDeadline', () => {
  const measure = (due: string | null, status: 'planned' | 'in_progress' | 'done' | 'cancelled') =>
    ({ id: due ?? 'x', measure: 'advocacy', ownerId: null, due, status }) as const;

  it('is the end of the earliest due day among open measures only', () => {
    expect(measureDeadline([measure('2030-03-05', 'done'), measure('2030-03-09', 'in_progress'), measure('2030-03-07', 'planned')])).toEqual(
      new Date('2030-03-08T00:00:00.000Z'),
    );
    expect(measureDeadline([measure('2030-03-05', 'cancelled'), measure(null, 'planned')])).toBeNull();
  });

  it('is overdue only after the due day has ended (Bamako is UTC+0)', () => {
    const open = measure('2030-03-05', 'planned');
    expect(measureOverdue(open, new Date('2030-03-05T23:59:59Z'))).toBe(false);
    expect(measureOverdue(open, endOfDay('2030-03-05'))).toBe(false);
    expect(measureOverdue(open, new Date('2030-03-06T00:00:01Z'))).toBe(true);
    expect(measureOverdue(measure('2030-03-05', 'done'), new Date('2031-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('foldLegalBases', () => {
  it('keeps citations in order and drops the withdrawn one', () => {
    const first = entry('legal_basis_cited', { basis: 'law_2018_003_art_15' }, 'c1');
    const second = entry('legal_basis_cited', { basis: 'law_2018_003_art_5', note: 'Garde à vue.' }, 'c2');
    expect(foldLegalBases([first, second, entry('legal_basis_withdrawn', { citationId: 'c1', reason: 'x' })])).toEqual([
      { citationId: 'c2', basis: 'law_2018_003_art_5', note: 'Garde à vue.' },
    ]);
  });
});
