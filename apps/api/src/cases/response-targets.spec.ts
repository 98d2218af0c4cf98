import { overdueTargets, type TargetedIndex } from './response-targets.js';

const received = new Date('2026-11-20T10:00:00.000Z');
const at = (minutes: number) => new Date(received.getTime() + minutes * 60_000);
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

describe('response targets', () => {
  it('an unassigned urgent case is overdue strictly after one hour', () => {
    expect(overdueTargets(urgent, at(59))).toEqual([]);
    expect(overdueTargets(urgent, at(60))).toEqual([]);
    expect(overdueTargets(urgent, at(61))).toEqual(['unassigned_urgent']);
    expect(overdueTargets({ ...urgent, assignedTo: 'someone' }, at(61))).toEqual([]);
  });

  it('first contact is overdue after its deadline, assessment after its own while no risk level is set', () => {
    expect(overdueTargets(urgent, at(121))).toEqual(['unassigned_urgent', 'first_contact']);
    expect(overdueTargets(ordinary, at(10 * 24 * 60 - 1))).toEqual([]);
    expect(overdueTargets(ordinary, at(10 * 24 * 60 + 1))).toEqual(['assessment']);
    // Once assessed, the same deadline is the reassessment date (the assessment route sets it).
    expect(overdueTargets({ ...ordinary, riskLevel: 'ordinary' }, at(10 * 24 * 60 - 1))).toEqual([]);
    expect(overdueTargets({ ...ordinary, riskLevel: 'ordinary' }, at(11 * 24 * 60))).toEqual(['reassessment']);
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
