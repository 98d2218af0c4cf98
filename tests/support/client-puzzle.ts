import { createHash } from 'node:crypto';
import { leadingZeroBits, PuzzleChallenge, puzzleInput } from '@mnpddh/shared';

/** What the web page does before a costly public request: the Puzzle-Solution header, or none when calm. */
export async function solvedPuzzleHeaders(portalUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${portalUrl}/api/puzzle`);
  // Like the page: no puzzle to be had, the request goes without one.
  if (!response.ok) return {};
  const puzzle = PuzzleChallenge.parse(await response.json());
  if (puzzle.difficulty === 0 || !puzzle.challenge) return {};
  return { 'Puzzle-Solution': solvePuzzle(puzzle.challenge, puzzle.difficulty) };
}

export function solvePuzzle(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(puzzleInput(challenge, nonce), 'utf8').digest();
    if (leadingZeroBits(digest) >= difficulty) return puzzleInput(challenge, nonce);
  }
}
