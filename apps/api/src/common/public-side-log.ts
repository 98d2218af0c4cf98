import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/*
 * The public side's log: no line per visit, and what is logged (an error,
 * as a code) carries the hour, never a finer time. Set beside an internet
 * provider's records, a timed line per request would tie a subscriber to a
 * submission and to each later visit of the follow-up page.
 */

const hourlyLoggers = new WeakMap<Logger, Logger>();

/** "YYYY-MM-DDTHH" in UTC. */
export function hourOf(date: Date): string {
  return date.toISOString().slice(0, 13);
}

/** A logger like the main one (same level and destination) whose lines carry the hour instead of the time. */
export function attachHourlyLogger(main: Logger, level: LevelWithSilent, destination?: DestinationStream): void {
  hourlyLoggers.set(main, pino({ level, base: undefined, timestamp: () => `,"hour":"${hourOf(new Date())}"` }, destination));
}

/** The public side's logger; a main logger made without one gets a silent one (nothing to say rather than too much). */
export function hourlyLoggerOf(main: Logger): Logger {
  return hourlyLoggers.get(main) ?? pino({ level: 'silent' });
}

/** An error on a public route: its code and the error's class, with the hour. Never the path, the body or the message. */
export function logPublicFailure(main: Logger, code: string, exception: unknown, correlationId: string): void {
  hourlyLoggerOf(main).error({ code, reason: exception instanceof Error ? exception.name : 'unknown', correlationId }, 'public request failed');
}
