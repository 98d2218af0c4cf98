import { indexValues, newCaseIndex, toHour } from './triage-index.js';

describe('triage index', () => {
  const now = new Date('2026-11-29T14:37:12.345Z');

  it('keeps the time of receipt to the hour', () => {
    expect(toHour(now).toISOString()).toBe('2026-11-29T14:00:00.000Z');
  });

  it('gives an urgent case a first-contact target two hours after receipt', () => {
    const sut = newCaseIndex(true, now);
    expect(sut.firstContactDue?.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(sut.assessmentDue).toBeNull();
  });

  it('gives an ordinary case an assessment target ten days after receipt', () => {
    const sut = newCaseIndex(false, now);
    expect(sut.assessmentDue?.toISOString()).toBe('2026-12-09T14:00:00.000Z');
    expect(sut.firstContactDue).toBeNull();
  });

  it('covers every clear column, so none can change unnoticed', () => {
    expect(Object.keys(indexValues(newCaseIndex(true, now))).sort()).toEqual(
      ['assessmentDue', 'assignedTo', 'firstContactDue', 'nextContactAt', 'receivedAt', 'riskLevel', 'status', 'urgent'].sort(),
    );
  });
});
