/**
 * How far a moment is from now, as staff read it ("dans 3 h", "il y a 2 j").
 * Under an hour in minutes, under a day in hours, beyond in calendar days
 * of Bamako (UTC+0, the UTC day): the day after tomorrow is "2 j" whatever
 * the hour, and no deadline reads "40 h" beside another's "3 j".
 */
export type CountdownUnit = 'Minutes' | 'Hours' | 'Days';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function countdown(from: number, to: number): { unit: CountdownUnit; n: number } {
  const span = Math.abs(to - from);
  if (span < HOUR) return { unit: 'Minutes', n: Math.max(1, Math.floor(span / MINUTE)) };
  if (span < DAY) return { unit: 'Hours', n: Math.floor(span / HOUR) };
  return { unit: 'Days', n: Math.max(1, Math.abs(dayNumber(to) - dayNumber(from))) };
}

/** Days since the epoch in Bamako time. */
function dayNumber(at: number): number {
  return Math.floor(at / DAY);
}
