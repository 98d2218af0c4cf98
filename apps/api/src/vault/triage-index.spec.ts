import { indexValues, newCaseIndex, newReference, toHour, toMonth } from './triage-index.js';

describe('triage index', () => {
  const now = new Date('2026-11-29T14:37:12.345Z');

  it('keeps the time of receipt to the hour', () => {
    expect(toHour(now).toISOString()).toBe('2026-11-29T14:00:00.000Z');
  });

  it('keeps the closure date to the month', () => {
    expect(toMonth(now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('gives an urgent case a first-contact target two hours after receipt', () => {
    const sut = newCaseIndex('AAAA-BBBB', true, now);
    expect(sut.firstContactDue?.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(sut.assessmentDue).toBeNull();
  });

  it('gives an ordinary case an assessment target ten days after receipt', () => {
    const sut = newCaseIndex('AAAA-BBBB', false, now);
    expect(sut.assessmentDue?.toISOString()).toBe('2026-12-09T14:00:00.000Z');
    expect(sut.firstContactDue).toBeNull();
  });

  it('covers every clear column, so none can change unnoticed', () => {
    expect(Object.keys(indexValues(newCaseIndex('AAAA-BBBB', true, now))).sort()).toEqual(
      [
        'assessmentDue',
        'assignedTo',
        'closedAt',
        'firstContactDue',
        'legalHold',
        'measureDue',
        'nextContactAt',
        'receivedAt',
        'reference',
        'riskLevel',
        'status',
        'urgent',
      ].sort(),
    );
  });
});

describe('newReference', () => {
  it('is eight characters from an alphabet without 0/O or 1/I', () => {
    let n = 0;
    const sut = newReference((max) => n++ % max);
    expect(sut).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  });
});
