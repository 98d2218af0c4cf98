import { describe, expect, test } from '@jest/globals';
import { DEFAULT_RESPONSE_TARGETS } from '../vault/response-targets.js';
import { overdueAlerts, type ScannedIndex } from './overdue-alerts.js';

const receivedAt = new Date('2026-11-29T10:00:00Z');
const hours = (n: number) => new Date(receivedAt.getTime() + n * 3_600_000);
const urgentCase: ScannedIndex = {
  id: 'case-1',
  status: 'received',
  urgent: true,
  riskLevel: 'unknown',
  receivedAt,
  firstContactDue: hours(2),
  assessmentDue: null,
  measureDue: null,
  assignedTo: null,
};

describe('overdueAlerts', () => {
  test('nothing before the first target, counted from the last instant of the clear hour (the scan cannot read the precise arrival)', () => {
    expect(overdueAlerts(urgentCase, hours(1), DEFAULT_RESPONSE_TARGETS)).toEqual([]);
    expect(overdueAlerts(urgentCase, new Date(hours(2).getTime() - 1), DEFAULT_RESPONSE_TARGETS)).toEqual([]);
  });

  test('an unassigned urgent case past one hour: one alert keyed by case and target', () => {
    expect(overdueAlerts(urgentCase, hours(2), DEFAULT_RESPONSE_TARGETS)).toEqual([
      { kind: 'overdue_case', caseId: 'case-1', dedupeKey: 'overdue:unassigned_urgent:case-1' },
    ]);
  });

  test('a measure past its due date: keyed by the due date, so a new date alerts again', () => {
    const withMeasure = { ...urgentCase, assignedTo: 'someone', firstContactDue: null, measureDue: hours(5) };
    expect(overdueAlerts(withMeasure, hours(6), DEFAULT_RESPONSE_TARGETS)).toEqual([
      { kind: 'overdue_measure', caseId: 'case-1', dedupeKey: `measure:case-1:${hours(5).toISOString()}` },
    ]);
  });

  test('a missed assessment: keyed by its due date', () => {
    const ordinary = { ...urgentCase, urgent: false, firstContactDue: null, assessmentDue: hours(240) };
    expect(overdueAlerts(ordinary, hours(241), DEFAULT_RESPONSE_TARGETS)).toEqual([
      { kind: 'overdue_case', caseId: 'case-1', dedupeKey: `overdue:assessment:case-1:${hours(240).toISOString()}` },
    ]);
  });

  test('a closed case alerts for nothing', () => {
    expect(overdueAlerts({ ...urgentCase, status: 'closed', measureDue: hours(1) }, hours(48), DEFAULT_RESPONSE_TARGETS)).toEqual([]);
  });
});
