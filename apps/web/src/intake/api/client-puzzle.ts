import { leadingZeroBits, PUZZLE_SOLUTION_HEADER, PuzzleChallenge, puzzleInput } from '@mnpddh/shared';

/*
 * The busy portal's price for a place in line: when GET /api/puzzle asks for
 * zero bits (calm), nothing happens; otherwise this searches a nonce with
 * WebCrypto's SHA-256 (a few thousand to a few hundred thousand hashes) and
 * returns the header that carries it. Whatever fails here (no WebCrypto, an
 * old browser, no answer), the request goes without it and waits its turn.
 */

/** Digests hashed in parallel per round: enough to keep WebCrypto busy, few enough to keep the page responsive. */
const BATCH = 512;

export async function solvePuzzle(challenge: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, offset) => crypto.subtle.digest('SHA-256', encoder.encode(puzzleInput(challenge, start + offset)))),
    );
    const found = digests.findIndex((digest) => leadingZeroBits(new Uint8Array(digest)) >= difficulty);
    if (found >= 0) return puzzleInput(challenge, start + found);
  }
}

/** `{ 'Puzzle-Solution': … }` when the portal is busy and the puzzle could be solved, `{}` otherwise. */
export async function puzzleHeaders(): Promise<Record<string, string>> {
  try {
    if (!globalThis.crypto?.subtle) return {};
    const response = await fetch('/api/puzzle', { credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
    const puzzle = PuzzleChallenge.safeParse(response.ok ? await response.json() : null);
    if (!puzzle.success || puzzle.data.difficulty === 0 || !puzzle.data.challenge) return {};
    return { [PUZZLE_SOLUTION_HEADER]: await solvePuzzle(puzzle.data.challenge, puzzle.data.difficulty) };
  } catch {
    return {};
  }
}
