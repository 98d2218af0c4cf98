/*
 * How many bytes the next PATCH carries. The server's suggested size is the
 * start (what a 2G phone sends in a few seconds, and what a cut costs at
 * most); on a line that takes it easily the pieces double, so a fast line is
 * not held back by a request per half megabyte; a slow piece or a cut halves
 * them again, never below the start. Always a multiple of the start (the
 * server encrypts in fixed frames), never more than the largest piece.
 */

/** Large enough that a fast line spends its time sending, small enough that a cut loses seconds, not minutes. */
export const LARGEST_PIECE_BYTES = 16 * 1024 * 1024;
/** A full piece sent faster than this: the line can take twice as much. */
const FAST_MS = 2_000;
/** A piece slower than this: halve, so a cut loses less and progress shows. */
const SLOW_MS = 8_000;

export type PieceOutcome = { sent: true; bytes: number; ms: number } | { sent: false };

export function nextPieceSize(current: number, start: number, outcome: PieceOutcome): number {
  const largest = Math.max(start, LARGEST_PIECE_BYTES);
  if (!outcome.sent || outcome.ms > SLOW_MS) return Math.max(start, Math.floor(current / 2 / start) * start);
  // The last piece of a file is short: it says nothing about the line.
  if (outcome.bytes < current || outcome.ms >= FAST_MS) return current;
  return Math.min(current * 2, Math.floor(largest / start) * start);
}
