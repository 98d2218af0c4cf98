import { custodianDrillDue, drillDueAt, enrolmentDate } from './drill-due.js';

const now = new Date('2026-11-29T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3_600_000);

describe('drillDueAt', () => {
  it('is 90 days after the last passed drill', () => {
    expect(drillDueAt({ enrolledAt: daysAgo(400), lastDrillAt: daysAgo(10) })).toEqual(daysAgo(-80));
  });
  it('counts from the enrolment when no drill ever passed', () => {
    expect(drillDueAt({ enrolledAt: daysAgo(30), lastDrillAt: null })).toEqual(daysAgo(-60));
  });
});

describe('custodianDrillDue', () => {
  it('is false while every custodian drilled in the last 90 days', () => {
    const sut = custodianDrillDue(now, [
      { enrolledAt: daysAgo(500), lastDrillAt: daysAgo(89) },
      { enrolledAt: daysAgo(500), lastDrillAt: daysAgo(2) },
    ]);
    expect(sut).toBe(false);
  });
  it('is true as soon as one custodian is past 90 days', () => {
    expect(
      custodianDrillDue(now, [
        { enrolledAt: daysAgo(500), lastDrillAt: daysAgo(2) },
        { enrolledAt: daysAgo(500), lastDrillAt: daysAgo(91) },
      ]),
    ).toBe(true);
  });
  it('gives a new custodian who never drilled 90 days from enrolment', () => {
    expect(custodianDrillDue(now, [{ enrolledAt: daysAgo(89), lastDrillAt: null }])).toBe(false);
    expect(custodianDrillDue(now, [{ enrolledAt: daysAgo(91), lastDrillAt: null }])).toBe(true);
  });
  it('is false with no custodian at all, and exactly at 90 days', () => {
    expect(custodianDrillDue(now, [])).toBe(false);
    expect(custodianDrillDue(now, [{ enrolledAt: daysAgo(300), lastDrillAt: daysAgo(90) }])).toBe(false);
  });
});

describe('enrolmentDate', () => {
  const created = daysAgo(1000);
  it('is the change that first gave the role', () => {
    expect(
      enrolmentDate(
        [
          { at: daysAgo(300), custodian: false },
          { at: daysAgo(200), custodian: true },
          { at: daysAgo(100), custodian: true },
        ],
        created,
      ),
    ).toEqual(daysAgo(200));
  });
  it('starts again after the role was taken away and given back', () => {
    expect(
      enrolmentDate(
        [
          { at: daysAgo(100), custodian: false },
          { at: daysAgo(300), custodian: true },
          { at: daysAgo(20), custodian: true },
        ],
        created,
      ),
    ).toEqual(daysAgo(20));
  });
  it('falls back to the account creation without a record', () => {
    expect(enrolmentDate([], created)).toEqual(created);
  });
});
