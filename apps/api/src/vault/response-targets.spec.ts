import { newCaseIndex } from './triage-index.js';
import { fromArrival, overdueTargets, type TargetedIndex } from './response-targets.js';

const MINUTE = 60_000;
const received = new Date('2026-11-20T10:00:00.000Z');
const at = (minutes: number) => new Date(received.getTime() + minutes * MINUTE);
const urgent: TargetedIndex = {
  status: 'received',
  urgent: true,
  riskLevel: 'unknown',
  receivedAt: received,
  firstContactDue: at(120),
  assessmentDue: null,
  assignedTo: null,
};
const ordinary: TargetedIndex = { ...urgent, urgent: false, firstContactDue: null, assessmentDue: at(10 * 24 * 60) };
/** A case as intake writes it: the clear index to the hour, the precise arrival kept aside (encrypted in the case). */
const arriving = (iso: string, isUrgent = true) => {
  const arrivedAt = new Date(iso);
  return { index: newCaseIndex('K7QP-4ZM2', isUrgent, arrivedAt), arrivedAt };
};
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('response targets counted from the precise arrival (whoever holds the case)', () => {
  it('at hh:00 the one-hour target passes one hour later, not before', () => {
    const { index, arrivedAt } = arriving('2026-12-05T07:00:00.000Z');
    expect(overdueTargets(index, plus(arrivedAt, 60 * MINUTE), undefined, arrivedAt)).toEqual([]);
    expect(overdueTargets(index, plus(arrivedAt, 60 * MINUTE + 1), undefined, arrivedAt)).toEqual(['unassigned_urgent']);
  });

  it('at hh:59 the case is not overdue after one minute (the clear hour says hh:00)', () => {
    const { index, arrivedAt } = arriving('2026-12-05T07:59:30.000Z');
    expect(index.receivedAt.toISOString()).toBe('2026-12-05T07:00:00.000Z');
    expect(overdueTargets(index, plus(arrivedAt, 2 * MINUTE), undefined, arrivedAt)).toEqual([]);
    expect(overdueTargets(index, plus(arrivedAt, 60 * MINUTE), undefined, arrivedAt)).toEqual([]);
    expect(overdueTargets(index, plus(arrivedAt, 60 * MINUTE + 1), undefined, arrivedAt)).toEqual(['unassigned_urgent']);
    expect(fromArrival(index, arrivedAt).firstContactDue?.toISOString()).toBe('2026-12-05T09:59:30.000Z');
  });

  it('the case received at 07:09:57 is not overdue at 08:00 but is at 08:09:58', () => {
    const { index, arrivedAt } = arriving('2026-12-05T07:09:57.000Z');
    expect(overdueTargets(index, new Date('2026-12-05T08:00:00.000Z'), undefined, arrivedAt)).toEqual([]);
    expect(overdueTargets(index, new Date('2026-12-05T08:09:58.000Z'), undefined, arrivedAt)).toEqual(['unassigned_urgent']);
  });

  it('across midnight the deadlines fall on the next day at the precise minute', () => {
    const { index, arrivedAt } = arriving('2026-12-31T23:40:00.000Z');
    const timed = fromArrival(index, arrivedAt);
    expect(timed.receivedAt.toISOString()).toBe('2026-12-31T23:40:00.000Z');
    expect(timed.firstContactDue?.toISOString()).toBe('2027-01-01T01:40:00.000Z');
    expect(overdueTargets(index, new Date('2027-01-01T00:40:00.000Z'), undefined, arrivedAt)).toEqual([]);
    expect(overdueTargets(index, new Date('2027-01-01T00:40:01.000Z'), undefined, arrivedAt)).toEqual(['unassigned_urgent']);
    expect(overdueTargets(index, new Date('2027-01-01T01:40:01.000Z'), undefined, arrivedAt)).toEqual(['unassigned_urgent', 'first_contact']);
    const ordinaryCase = arriving('2026-12-31T23:40:00.000Z', false);
    expect(fromArrival(ordinaryCase.index, ordinaryCase.arrivedAt).assessmentDue?.toISOString()).toBe('2027-01-10T23:40:00.000Z');
  });

  it('a precise arrival outside its clear hour is not believed: the count errs late', () => {
    const { index } = arriving('2026-12-05T07:10:00.000Z');
    const forged = new Date('2026-12-05T06:10:00.000Z');
    expect(overdueTargets(index, new Date('2026-12-05T08:30:00.000Z'), undefined, forged)).toEqual([]);
  });
});

describe('response targets in a scan that cannot read the case (errs late)', () => {
  it('takes the arrival as hh:59:59.999: never overdue before the target has really passed', () => {
    // Whatever the minute it really arrived in hour 10, the scan waits for the latest possible one.
    expect(overdueTargets(urgent, at(61))).toEqual([]);
    expect(overdueTargets(urgent, at(119))).toEqual([]);
    expect(overdueTargets(urgent, at(120))).toEqual(['unassigned_urgent']);
    expect(overdueTargets({ ...urgent, assignedTo: 'someone' }, at(120))).toEqual([]);
    expect(overdueTargets(urgent, at(179))).toEqual(['unassigned_urgent']);
    expect(overdueTargets(urgent, at(180))).toEqual(['unassigned_urgent', 'first_contact']);
  });

  it('assessment is counted from the arrival while no risk level is set; the reassessment date is kept as chosen', () => {
    expect(overdueTargets(ordinary, at(10 * 24 * 60 + 1))).toEqual([]);
    expect(overdueTargets(ordinary, at(10 * 24 * 60 + 60))).toEqual(['assessment']);
    expect(overdueTargets({ ...ordinary, riskLevel: 'ordinary' }, at(10 * 24 * 60 - 1))).toEqual([]);
    expect(overdueTargets({ ...ordinary, riskLevel: 'ordinary' }, at(10 * 24 * 60 + 1))).toEqual(['reassessment']);
  });

  it('an open measure is overdue once its due day has ended', () => {
    const withMeasure = { ...ordinary, riskLevel: 'ordinary', assessmentDue: null, measureDue: at(60) };
    expect(overdueTargets(withMeasure, at(60))).toEqual([]);
    expect(overdueTargets(withMeasure, at(61))).toEqual(['measure']);
  });

  it('closed and inadmissible cases have no target', () => {
    expect(overdueTargets({ ...urgent, status: 'closed' }, at(600))).toEqual([]);
    expect(overdueTargets({ ...ordinary, status: 'inadmissible' }, at(20 * 24 * 60))).toEqual([]);
  });
});
