/** Never more than this: about 260 000 SHA-256 in the browser, a few seconds on a cheap phone. */
export const MAX_PUZZLE_DIFFICULTY = 18;

/**
 * Zero bits asked of anonymous clients, from how many anonymous attempts are
 * waiting for the public work pool: none when nobody waits (calm: nothing to
 * solve), then 12 bits (a few thousand hashes) rising by two for each
 * doubling of the line, up to the ceiling.
 */
export function puzzleDifficulty(waiting: number): number {
  if (waiting <= 0) return 0;
  return Math.min(MAX_PUZZLE_DIFFICULTY, 10 + 2 * Math.floor(Math.log2(waiting + 1)));
}

/** A solution still counts when the line has grown a little since its puzzle was handed out. */
export const PUZZLE_TOLERANCE_BITS = 2;

/** Whether a solution of `solved` bits buys a place ahead of unpriced attempts while `current` bits are asked. */
export function isPaidFor(solved: number, current: number): boolean {
  return solved > 0 && solved >= current - PUZZLE_TOLERANCE_BITS;
}
