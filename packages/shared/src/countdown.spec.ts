import { countdown } from './countdown.js';

const at = (iso: string) => Date.parse(iso);

describe('countdowns as staff read them', () => {
  it('the end of the day after tomorrow is in 2 days, not 3', () => {
    expect(countdown(at('2026-12-05T10:00:00Z'), at('2026-12-07T23:59:59.999Z'))).toEqual({ unit: 'Days', n: 2 });
  });

  it('40 hours ahead that fall the day after tomorrow read as 2 days, like the other deadline that day', () => {
    expect(countdown(at('2026-12-05T10:00:00Z'), at('2026-12-07T02:00:00Z'))).toEqual({ unit: 'Days', n: 2 });
  });

  it('under a day in whole hours, under an hour in whole minutes (never rounded up)', () => {
    expect(countdown(at('2026-12-05T10:00:00Z'), at('2026-12-06T09:59:00Z'))).toEqual({ unit: 'Hours', n: 23 });
    expect(countdown(at('2026-12-05T10:00:00Z'), at('2026-12-05T10:59:40Z'))).toEqual({ unit: 'Minutes', n: 59 });
    expect(countdown(at('2026-12-05T10:00:00Z'), at('2026-12-05T10:00:30Z'))).toEqual({ unit: 'Minutes', n: 1 });
  });

  it('counts the past the same way (an age, or a deadline missed)', () => {
    expect(countdown(at('2026-12-05T07:34:00Z'), at('2026-12-05T07:09:57Z'))).toEqual({ unit: 'Minutes', n: 24 });
    expect(countdown(at('2026-12-07T01:00:00Z'), at('2026-12-05T23:00:00Z'))).toEqual({ unit: 'Days', n: 2 });
  });

  it('across midnight a day boundary is counted, not 24 hours', () => {
    expect(countdown(at('2026-12-31T23:30:00Z'), at('2027-01-02T00:30:00Z'))).toEqual({ unit: 'Days', n: 2 });
  });
});
